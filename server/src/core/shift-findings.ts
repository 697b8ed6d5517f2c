// Moves findings computed for one version of a file onto the next version, when the two differ by
// one edited region (what typing produces): offsets before it stay, offsets after it move by the
// length change, and a finding that overlaps or touches the edited region is dropped until it is
// computed again (its value may be what was just typed).
import type { Finding, Fix, RelatedLocation } from './types';

export interface OffsetMap {
  (offset: number): number | undefined;
  /** The edited region in the old text: [from, to). An insertion has from === to. */
  from: number;
  to: number;
}

export function offsetMapBetween(before: string, after: string): OffsetMap {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const delta = after.length - before.length;
  const tail = before.length - suffix;
  const map = (o: number): number | undefined => (o <= prefix ? o : o >= tail ? o + delta : undefined);
  return Object.assign(map, { from: prefix, to: tail });
}

function touches(start: number, end: number, map: OffsetMap): boolean {
  return start <= map.to && end >= map.from;
}

/** The findings of `uri` moved through `map`; those the edit touched are left out. */
export function shiftFindings(findings: readonly Finding[], uri: string, map: OffsetMap): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (touches(f.start, f.end, map)) continue;
    const start = map(f.start);
    const end = map(f.end);
    if (start === undefined || end === undefined) continue;
    const fixes = f.fixes?.flatMap((fix) => shiftFix(fix, map));
    const related = f.related?.flatMap((r) => shiftRelated(r, uri, map));
    out.push({ ...f, start, end, fixes, related });
  }
  return out;
}

function shiftFix(fix: Fix, map: OffsetMap): Fix[] {
  const edits = [];
  for (const e of fix.edits) {
    const start = map(e.start);
    const end = map(e.end);
    if (start === undefined || end === undefined) return [];
    edits.push({ ...e, start, end });
  }
  return [{ ...fix, edits }];
}

/** Related places in the same file move too; their line/column is dropped rather than guessed. */
function shiftRelated(r: RelatedLocation, uri: string, map: OffsetMap): RelatedLocation[] {
  if (r.uri !== undefined && r.uri !== uri) return [r];
  if (touches(r.start, r.end, map)) return [];
  const start = map(r.start);
  const end = map(r.end);
  if (start === undefined || end === undefined) return [];
  if (r.uri === undefined) return [{ ...r, start, end }];
  return r.start === start && r.end === end ? [r] : [];
}
