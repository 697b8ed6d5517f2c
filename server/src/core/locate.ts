// Finds the YAML nodes behind a data path (e.g. ['spec', 'mtls', 'mode']) so that findings land on
// the exact key or value. Through an alias we keep pointing at the alias itself: the squiggle must
// stay in the document being checked, never jump to the anchor.
import type { YMap, YNode, YPair } from './yaml-tree';

export type PathSegment = string | number;

export interface Located {
  /** The key node of the last segment, when the last step was a map entry. */
  key: YNode | null;
  /** The value node (null for `key:` with nothing after it). */
  value: YNode | null;
  /** Set when the path passed through an alias: ranges should use this node. */
  via: YNode | null;
}

export function deref(node: YNode | null): YNode | null {
  let n = node;
  for (let hops = 0; n && n.kind === 'alias' && hops < 16; hops++) n = n.target;
  return n && n.kind === 'alias' ? null : n;
}

export function scalarText(node: YNode | null): string | undefined {
  const n = deref(node);
  if (!n || n.kind !== 'scalar') return undefined;
  const v = n.value;
  // YAML scalars are strings, numbers, booleans or null; anything else has no text of its own.
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined;
}

/** Key indexes of large maps, built on first lookup: one finding per key of a 6,000-key map was quadratic. */
const INDEXES = new WeakMap<YMap, Map<string, YPair>>();
const INDEX_FROM = 32;

export function findPair(map: YMap, key: string): YPair | undefined {
  if (map.pairs.length < INDEX_FROM) return map.pairs.find((p) => scalarText(p.key) === key);
  let index = INDEXES.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.pairs) {
      const k = scalarText(p.key);
      // The first pair of a name wins, as with a scan from the top.
      if (k !== undefined && !index.has(k)) index.set(k, p);
    }
    INDEXES.set(map, index);
  }
  return index.get(key);
}

export function locate(root: YNode | null, path: readonly PathSegment[]): Located | undefined {
  let current: Located = { key: null, value: root, via: null };
  for (const seg of path) {
    const holder = deref(current.value);
    if (!holder) return undefined;
    const via = current.via ?? (current.value && current.value.kind === 'alias' ? current.value : null);
    if (holder.kind === 'map') {
      const pair = findPair(holder, String(seg));
      if (!pair) return undefined;
      current = { key: pair.key, value: pair.value, via };
    } else if (holder.kind === 'seq') {
      const idx = typeof seg === 'number' ? seg : Number(seg);
      if (!Number.isInteger(idx) || idx < 0 || idx >= holder.items.length) return undefined;
      current = { key: null, value: holder.items[idx], via };
    } else {
      return undefined;
    }
  }
  return current;
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
    const loc = locate(root, path.slice(0, n));
    if (loc) return n === path.length && on === 'value' ? valueSpan(loc) : keySpan(loc);
  }
  return undefined;
}
