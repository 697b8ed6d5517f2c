// Test helpers: one engine per test file over the real schemas, and position lookups in text.
import { Engine } from '../../server/src/core/engine';
import { SchemaRegistry } from '../../server/src/core/schema';
import { DEFAULT_CONFIG, type Config } from '../../server/src/core/config';
import { LineIndex } from '../../server/src/core/line-index';
import { loadSchemas, findPackageDir } from '../../server/src/node/load-schemas';
import type { Finding } from '../../server/src/core/types';

export const PACKAGE_DIR = findPackageDir(__dirname);

let shared: SchemaRegistry | undefined;
export function registry(): SchemaRegistry {
  shared ??= new SchemaRegistry(loadSchemas(PACKAGE_DIR));
  return shared;
}

export function newEngine(): Engine {
  return new Engine(registry());
}

export function analyze(text: string, config: Config = DEFAULT_CONFIG): Finding[] {
  return newEngine().analyze(text, config).findings;
}

/** 1-based line and column of an offset, as people read them. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const p = new LineIndex(text).position(offset);
  return { line: p.line + 1, col: p.character + 1 };
}

/** Offset of the n-th occurrence (0-based) of `needle`. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurrence ${nth} not found`);
  }
  return at;
}

/** The text a finding covers. */
export function covered(text: string, f: Finding): string {
  return text.slice(f.start, f.end);
}

export function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}
