// Finds the YAML nodes behind a data path (e.g. ['spec', 'mtls', 'mode']) so that findings land on
// the exact key or value. Through an alias we keep pointing at the alias itself: the squiggle must
// stay in the document being checked, never jump to the anchor. A key merged in by `<<` is found at
// the merged map's key: that is where it is written (a merge key has no text of its own per key).
import type { YNode } from './yaml-tree';
import { deref } from './find-pair';
import { resolvePair } from './merge-keys';

export { deref, scalarText, findPair } from './find-pair';

export type PathSegment = string | number;

export interface Located {
  /** The key node of the last segment, when the last step was a map entry. */
  key: YNode | null;
  /** The value node (null for `key:` with nothing after it). */
  value: YNode | null;
  /** Set when the path passed through an alias: ranges should use this node. */
  via: YNode | null;
}

/** The nodes behind the first `length` segments of `path` (all of them by default). */
export function locate(root: YNode | null, path: readonly PathSegment[], length = path.length): Located | undefined {
  // Plain locals rather than a result object per step: this runs for every finding and every fact.
  let key: YNode | null = null;
  let value: YNode | null = root;
  let via: YNode | null = null;
  for (let i = 0; i < length; i++) {
    const seg = path[i];
    const holder = deref(value);
    if (!holder) return undefined;
    if (via === null && value !== null && value.kind === 'alias') via = value;
    if (holder.kind === 'map') {
      // Through `<<` the path continues at the merged map's own key, where the value is written.
      const pair = resolvePair(holder, String(seg));
      if (!pair) return undefined;
      key = pair.key;
      value = pair.value;
    } else if (holder.kind === 'seq') {
      const idx = typeof seg === 'number' ? seg : Number(seg);
      if (!Number.isInteger(idx) || idx < 0 || idx >= holder.items.length) return undefined;
      key = null;
      value = holder.items[idx];
    } else {
      return undefined;
    }
  }
  return { key, value, via };
}

export interface Span {
  start: number;
  end: number;
}

/** The range of a value; for a missing value or a block collection, the key is the clearer spot. */
export function valueSpan(loc: Located): Span | undefined {
  if (loc.via) return { start: loc.via.start, end: loc.via.end };
  const v = loc.value;
  if (v && (v.kind === 'scalar' || v.kind === 'alias' || v.flow) && v.end > v.start) return { start: v.start, end: v.end };
  if (loc.key) return { start: loc.key.start, end: loc.key.end };
  if (v) return firstLineOf(v);
  return undefined;
}

export function keySpan(loc: Located): Span | undefined {
  if (loc.via) return { start: loc.via.start, end: loc.via.end };
  if (loc.key) return { start: loc.key.start, end: loc.key.end };
  return valueSpan(loc);
}

/** A block sequence item or map without a key: mark its first line only, never the whole block. */
function firstLineOf(v: YNode): Span {
  if (v.kind === 'map' && v.pairs.length > 0 && v.pairs[0].key) return { start: v.pairs[0].key.start, end: v.pairs[0].key.end };
  if (v.kind === 'seq' && v.items.length > 0 && v.items[0]) return firstLineOf(v.items[0]);
  return { start: v.start, end: Math.max(v.start + 1, Math.min(v.end, v.start + 1)) };
}

/**
 * The nearest spot that exists for a path: used when the data path names something the YAML does
 * not spell out (e.g. a default), falling back to the deepest ancestor that is present.
 */
export function nearestSpan(root: YNode | null, path: readonly PathSegment[], on: 'key' | 'value'): Span | undefined {
  for (let n = path.length; n > 0; n--) {
    const loc = locate(root, path, n);
    if (loc) return n === path.length && on === 'value' ? valueSpan(loc) : keySpan(loc);
  }
  return undefined;
}
