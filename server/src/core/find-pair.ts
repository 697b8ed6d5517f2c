// Lookups on the positioned tree that need nothing else: following aliases, a scalar's text, and a
// map's pair for a key name (indexed for large maps). Kept apart so merge-keys.ts and locate.ts share them.
import type { YMap, YNode, YPair } from './yaml-tree';

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
  const pairs = map.pairs;
  // A loop, not find() with a closure: this runs for every path step of every finding and fact.
  if (pairs.length < INDEX_FROM) {
    for (let i = 0; i < pairs.length; i++) if (scalarText(pairs[i].key) === key) return pairs[i];
    return undefined;
  }
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
