// Checks a set of file texts with one engine and config; `--fix` applies safe fixes until none
// are left (a fix can reveal another), writing nothing itself.
import type { Engine, EngineOptions } from '../core/engine';
import type { Config } from '../core/config';
import { applyEdits, collectSafeFixes } from '../core/fix-all';
import { editProblem, findingGone } from '../core/fix-verify';
import type { Finding } from '../core/types';
import { factsOfAnalysis } from '../core/workspace/extract';
import type { FileFacts } from '../core/workspace/facts';
import { splitDocuments } from '../core/split';
import { inWrittenLineEndings, withLineFeeds } from '../core/line-breaks';

export interface Input {
  path: string;
  text: string;
}

export interface Linted extends Input {
  findings: Finding[];
  /** The workspace facts read from the same parse, so the workspace pass does not parse the file again. */
  facts?: FileFacts;
}

/**
 * Engine options for a CLI run. No length limit: the editor skips very large files and sends
 * people to this command, and what is read is bounded by MAX_FILE_BYTES in read-file.ts instead.
 * A run that only lints keeps the results of `repeated` documents alone (see repeatedDocuments).
 * The editor's cache kept every document's tree and findings to the end of the run (68 MB of
 * 107 MB live at the end of 10,000 manifests), which the garbage collector copied into the old
 * generation and marked: even the last 64 documents kept cost ~20 % more CPU than none
 * (docs/performance.md). `--fix` keeps the whole cache: the lint after the fixes reuses the last
 * check of each fixed text (on the main thread).
 */
export function cliEngineOptions(fixes: boolean, repeated: ReadonlySet<string> = new Set()): EngineOptions {
  return fixes ? { maxFileLength: Infinity } : { maxFileLength: Infinity, cacheOnly: (text) => repeated.has(text) };
}

/**
 * The document texts that occur more than once in a run's files (a base copied per environment,
 * kustomize output next to its sources): checked once and reused, the rest checked and dropped.
 * Texts as the engine keys its cache: a file with lone `\r` line ends is checked as its LF twin.
 */
export function repeatedDocuments(inputs: readonly Input[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const input of inputs)
    for (const chunk of splitDocuments(withLineFeeds(input.text))) (seen.has(chunk.text) ? repeated : seen).add(chunk.text);
  return repeated;
}

export function lintTexts(engine: Engine, inputs: readonly Input[], config: Config): Linted[] {
  return inputs.map((i) => lintText(engine, i, config));
}

export function lintText(engine: Engine, input: Input, config: Config): Linted {
  const analysis = engine.analyze(input.text, config);
  // Config files are not manifests; the workspace pass leaves them out anyway.
  return { ...input, findings: analysis.findings, facts: factsOfAnalysis(input.path, input.text, analysis) };
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
  return { text: inWrittenLineEndings(text, current) };
}
