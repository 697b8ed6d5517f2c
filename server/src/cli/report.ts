// What the CLI reports per file: findings with 1-based line and column, ready for any format.
import { LineIndex } from '../core/line-index';
import type { Finding } from '../core/types';

export type Located = Finding & { line: number; column: number; endLine: number; endColumn: number };

export interface FileReport {
  path: string;
  findings: Located[];
}

export function locateFindings(text: string, findings: readonly Finding[]): Located[] {
  const lines = new LineIndex(text);
  return findings.map((f) => {
    const s = lines.position(f.start);
    const e = lines.position(f.end);
    return { ...f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  });
}
