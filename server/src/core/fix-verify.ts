// The fix safety contract, checked on the fixed text before a fix is offered or written: it still
// parses, holds the same documents, changes the data only where it edits the text, and the
// finding it fixes is gone. A fix that fails is dropped; `meshlint --fix` leaves the file alone.
import { applyEdits } from './fix-all';
import { parseYaml, type ParsedYaml } from './parse';
import { splitDocuments } from './split';
import { touches, unexplainedChange, type Range } from './edit-locality';
import type { Finding, Fix, TextEdit } from './types';

/** The same edits, ordered, with where each one's new text lands in the edited text. */
function placed(edits: readonly TextEdit[]): { old: Range; now: Range }[] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let shift = 0;
  const out: { old: Range; now: Range }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    // Two edits on the same text would apply in an order no one chose.
    if (i > 0 && e.start < sorted[i - 1].end) return undefined;
    out.push({ old: { start: e.start, end: e.end }, now: { start: e.start + shift, end: e.start + shift + e.newText.length } });
    shift += e.newText.length - (e.end - e.start);
  }
  return out;
}

/**
 * Why applying `edits` to `before` (a whole file or one document of it) is unsafe, or undefined
 * when the result keeps every document and every value the edits do not touch.
 */
export function editProblem(
  before: string,
  edits: readonly TextEdit[],
  after: string = applyEdits(before, edits),
  parse: (text: string) => ParsedYaml = parseYaml,
): string | undefined {
  const ranges = placed(edits);
  if (!ranges) return 'two of its edits overlap';
  // The next document starts right after this text's final line break; losing it glues them.
  if (/\n$/.test(before) && !/\n$/.test(after)) return 'it removes the line break that ends the document';
  const oldDocs = splitDocuments(before);
  const newDocs = splitDocuments(after);
  if (oldDocs.length !== newDocs.length) return `the file would hold ${newDocs.length} YAML documents instead of ${oldDocs.length}`;
  for (let i = 0; i < oldDocs.length; i++) {
    const o = oldDocs[i];
    const n = newDocs[i];
    if (o.text === n.text) continue;
    const was = parse(o.text);
    const now = parse(n.text);
    if (was.problems.some((p) => p.severity === 'error')) return 'it edits a document that is not valid YAML';
    const broken = now.problems.find((p) => p.severity === 'error');
    if (broken) return `the fixed text is not valid YAML (${broken.message})`;
    const oldEdits = ranges.map((r) => ({ start: r.old.start - o.start, end: r.old.end - o.start }));
    const newEdits = ranges.map((r) => ({ start: r.now.start - n.start, end: r.now.end - n.start }));
    const why = unexplainedChange(o.text, was.value, now.value, was.root, now.root, oldEdits, newEdits);
    if (why) return why;
  }
  return undefined;
}

/** Where a range of the old text lies after the edits (an edited part maps to its new text). */
export function mapRange(span: Range, edits: readonly TextEdit[]): Range {
  const ranges = placed(edits) ?? [];
  const at = (p: number, side: 'start' | 'end'): number => {
    let shift = 0;
    for (const r of ranges) {
      if (r.old.end < p || (r.old.end === p && r.old.start < p)) shift = r.now.end - r.old.end;
      else if (r.old.start < p && p < r.old.end) return side === 'start' ? r.now.start : r.now.end;
      else break;
    }
    return p + shift;
  };
  return { start: at(span.start, 'start'), end: at(span.end, 'end') };
}

/** True when no finding of the same rule sits where `finding` was, after `edits`. */
export function findingGone(finding: Finding, edits: readonly TextEdit[], after: readonly Finding[]): boolean {
  const spot = mapRange(finding, edits);
  return !after.some((f) => f.ruleId === finding.ruleId && touches(f, spot));
}

/**
 * Findings of `ruleId` (at least) in a text, or undefined when a rule failed on it (then the fix
 * cannot be judged).
 */
export type Reanalyze = (text: string, ruleId: string, parsed: ParsedYaml) => readonly Finding[] | undefined;

/** Why `fix` must not be offered for `finding` in `text` (one document), or undefined. */
export function fixProblem(
  text: string,
  finding: Finding,
  fix: Fix,
  reanalyze: Reanalyze,
  parse: (text: string) => ParsedYaml = parseYaml,
): string | undefined {
  const after = applyEdits(text, fix.edits);
  const problem = editProblem(text, fix.edits, after, parse);
  if (problem) return problem;
  const findings = reanalyze(after, finding.ruleId, parse(after));
  if (!findings) return 'a rule fails on the fixed text';
  return findingGone(finding, fix.edits, findings) ? undefined : 'the finding is still reported after the fix';
}

/** The findings with only the fixes that pass the contract (one re-analysis per fix). */
export function keepVerifiedFixes(text: string, original: ParsedYaml, findings: Finding[], reanalyze: Reanalyze): Finding[] {
  // The original is parsed already; each fixed text is parsed once for the check and the re-analysis.
  let last: [string, ParsedYaml] = [text, original];
  const parse = (t: string): ParsedYaml => {
    if (t === text) return original;
    if (last[0] !== t) last = [t, parseYaml(t)];
    return last[1];
  };
  return findings.map((f) => {
    if (!f.fixes || f.fixes.length === 0) return f;
    const fixes = f.fixes.filter((fix) => fixProblem(text, f, fix, reanalyze, parse) === undefined);
    if (fixes.length === f.fixes.length) return f;
    return { ...f, fixes: fixes.length > 0 ? fixes : undefined };
  });
}
