// Whether every difference between two versions of one document's data lies where the text was
// edited: a fix may change the value it touches, never a key next to it, a document after it, or
// a copy made by an alias.
import { findPair, type PathSegment } from './locate';
import type { YNode } from './parse';

/** A text range; `start === end` for an insertion. */
export interface Range {
  start: number;
  end: number;
}

type Path = PathSegment[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The smallest paths where the two values differ. Lists of different lengths differ at each index
 * past the shorter one; a value that changes kind (a mapping becoming a string) differs as a whole.
 */
export function differingPaths(a: unknown, b: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Object.is(a, b)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) out.push([...path, i]);
      else differingPaths(a[i], b[i], [...path, i], out);
    }
  } else if (isRecord(a) && isRecord(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in a) || !(k in b)) out.push([...path, k]);
      else differingPaths(a[k], b[k], [...path, k], out);
    }
  } else {
    out.push(path);
  }
  return out;
}

/** What the text holds at a path: the entry (key through value) and the value; null when absent. */
interface Written {
  entry: Range;
  key: YNode | null;
  value: YNode | null;
}

/** The nodes at `path`; 'alias' when an alias is on the way or is the value itself. */
function writtenAt(root: YNode | null, path: Path): Written | 'alias' | null {
  let value = root;
  let key: YNode | null = null;
  for (const seg of path) {
    if (!value) return null;
    if (value.kind === 'alias') return 'alias';
    if (value.kind === 'map') {
      const pair = findPair(value, String(seg));
      if (!pair) return null;
      if (pair.key?.kind === 'alias') return 'alias';
      [key, value] = [pair.key, pair.value];
    } else if (value.kind === 'seq') {
      if (typeof seg !== 'number' || seg >= value.items.length) return null;
      [key, value] = [null, value.items[seg]];
    } else {
      return null;
    }
  }
  if (value?.kind === 'alias') return 'alias';
  const from = key ?? value;
  if (!from) return null;
  return { entry: { start: from.start, end: Math.max(from.end, value?.end ?? 0) }, key, value };
}

function dataAt(value: unknown, path: Path): unknown {
  let cur = value;
  for (const seg of path) cur = isRecord(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[seg] : undefined;
  return cur;
}

function sameData(a: unknown, b: unknown): boolean {
  return differingPaths(a, b).length === 0;
}

/** True when the entry at `path` reappears under a new key of the same mapping, with the same value. */
function renamed(path: Path, oldValue: unknown, newValue: unknown): boolean {
  const was = dataAt(oldValue, path);
  const parentNow = dataAt(newValue, path.slice(0, -1));
  const parentWas = dataAt(oldValue, path.slice(0, -1));
  if (!isRecord(parentNow) || !isRecord(parentWas)) return false;
  return Object.keys(parentNow).some((k) => !(k in parentWas) && sameData(parentNow[k], was));
}

/** A value's own text: without the line breaks and blank lines that end a block scalar's range. */
function written(text: string, node: YNode): Range {
  let end = node.end;
  while (end > node.start && /\s/.test(text[end - 1])) end--;
  return { start: node.start, end };
}

/**
 * True when `edit` changes text of the value at `span`: it replaces part of it, or inserts strictly
 * inside it. An insertion at its edge adds something next to the value, not to it.
 */
function rewrites(span: Range, edit: Range): boolean {
  if (edit.start === edit.end) return span.start < edit.start && edit.start < span.end;
  if (span.start === span.end) return edit.start <= span.start && span.start <= edit.end;
  return edit.start < span.end && span.start < edit.end;
}

export function touches(node: Range, edit: Range): boolean {
  if (edit.start === edit.end || node.start === node.end) {
    return Math.max(node.start, edit.start) <= Math.min(node.end, edit.end);
  }
  return edit.start < node.end && node.start < edit.end;
}

/**
 * Why the data change from `oldRoot` to `newRoot` is not confined to the edited text, or undefined.
 * `oldEdits` are the edited ranges in the old text, `newEdits` the text they became, both in the
 * coordinates of the trees' own text.
 */
export function unexplainedChange(
  oldText: string,
  oldValue: unknown,
  newValue: unknown,
  oldRoot: YNode | null,
  newRoot: YNode | null,
  oldEdits: readonly Range[],
  newEdits: readonly Range[],
): string | undefined {
  for (const path of differingPaths(oldValue, newValue)) {
    const where = path.length === 0 ? 'the whole document' : path.join('.');
    const before = writtenAt(oldRoot, path);
    const after = writtenAt(newRoot, path);
    if (before === 'alias' || after === 'alias') return `${where} changes through an alias, which other places share`;
    if (before && after) {
      // The value itself was rewritten: only a scalar may be, since a mapping or list that stops
      // being one loses every entry inside it.
      if (before.value && before.value.kind !== 'scalar')
        return `${where} stops being a ${before.value.kind === 'map' ? 'mapping' : 'list'}`;
      const oldSpan = before.value ? written(oldText, before.value) : before.entry;
      if (!oldEdits.some((e) => rewrites(oldSpan, e))) return `${where} changes, but the fix does not edit it`;
      if (after.value && !newEdits.some((e) => touches(after.value as YNode, e))) return `${where} changes outside the fix's text`;
    } else if (before && !(before.key && oldEdits.some((e) => touches(before.key as YNode, e)) && renamed(path, oldValue, newValue))) {
      // Nothing is removed but a key that an edit renames, its value kept under the new name.
      return `${where} disappears, but the fix does not rename it`;
    } else if (after && !newEdits.some((e) => touches(after.entry, e))) {
      return `${where} appears outside the fix's text`;
    } else if (!before && !after) {
      return `${where} changes in a way the text does not show`;
    }
  }
  return undefined;
}
