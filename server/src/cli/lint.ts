// Checks a set of file texts with one engine and config; `--fix` applies safe fixes until none
// are left (a fix can reveal another), writing nothing itself.
import type { Engine } from '../core/engine';
import type { Config } from '../core/config';
import { applyEdits, collectSafeFixes } from '../core/fix-all';
import { editProblem, findingGone } from '../core/fix-verify';
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

export interface FixedText {
  /** The text to write: the input itself when nothing was fixed or the fixes were refused. */
  text: string;
  /** Why the fixed text is not safe to write (then `text` is the input, unchanged). */
  refused?: string;
}

/**
 * The text with every safe fix applied; passes repeat while fixes keep appearing (bounded). Each
 * pass is checked against the fix contract (fix-verify.ts): if one fails, nothing is fixed.
 */
export function fixText(engine: Engine, text: string, config: Config, maxPasses = 10): FixedText {
  let current = text;
  let findings = engine.analyze(current, config).findings;
  for (let pass = 0; pass < maxPasses; pass++) {
    const chosen = collectSafeFixes(findings);
    if (chosen.length === 0) break;
    const edits = chosen.flatMap((c) => c.fix.edits);
    const next = applyEdits(current, edits);
    const problem = editProblem(current, edits, next);
    if (problem) return { text, refused: problem };
    const after = engine.analyze(next, config).findings;
    const stuck = chosen.find((c) => !findingGone(c.finding, edits, after));
    if (stuck) return { text, refused: `the fix "${stuck.fix.title}" leaves its finding in place` };
    current = next;
    findings = after;
  }
  return { text: current };
}
