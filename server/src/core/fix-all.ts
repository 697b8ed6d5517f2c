// Gathers every safe batch fix of a file into one non-overlapping edit list, and applies edits to text.
// Shared by the editor's "fix all" and `meshlint --fix`.
import type { Finding, Fix, TextEdit } from './types';

/** A fix that batch fixing may write without anyone looking: safe, and not a suggestion only. */
export function isBatchFix(fix: Fix): boolean {
  return fix.safe && fix.batch !== false;
}

/** The first batch fix of each finding, skipping those whose edits overlap a fix already taken. */
export function collectSafeFixes(findings: readonly Finding[]): { finding: Finding; fix: Fix }[] {
  const chosen: { finding: Finding; fix: Fix }[] = [];
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find(isBatchFix);
    if (!fix) continue;
    // Two fixes touching the same text would corrupt it; the later one waits for the next run.
    if (fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end))) continue;
    taken.push(...fix.edits);
    chosen.push({ finding: f, fix });
  }
  return chosen;
}

export function collectSafeEdits(findings: readonly Finding[]): TextEdit[] {
  return collectSafeFixes(findings)
    .flatMap((c) => c.fix.edits)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Applies non-overlapping edits (file offsets into `text`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
