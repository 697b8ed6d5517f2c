// Checks a set of file texts with one engine and config; `--fix` applies safe fixes until none
// are left (a fix can reveal another), writing nothing itself.
import type { Engine } from '../core/engine';
import type { Config } from '../core/config';
import { applyEdits, collectSafeEdits } from '../core/fix-all';
import type { Finding } from '../core/types';

export interface Input {
  path: string;
  text: string;
}

export interface Linted extends Input {
  findings: Finding[];
}

export function lintTexts(engine: Engine, inputs: readonly Input[], config: Config): Linted[] {
  return inputs.map((i) => ({ ...i, findings: engine.analyze(i.text, config).findings }));
}

/** The text with every safe fix applied; passes repeat while fixes keep appearing (bounded). */
export function fixText(engine: Engine, text: string, config: Config, maxPasses = 10): string {
  let current = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = collectSafeEdits(engine.analyze(current, config).findings);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  return current;
}
