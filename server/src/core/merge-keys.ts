// Which pair a map key reads from once YAML merge keys (`<<: *defaults`) are applied, as kubectl's
// YAML reader (go-yaml v2, `(*decoder).mapping` and `merge` in decode.go) applies them: pairs and
// merges are applied in document order, so a key written after `<<` wins over the merged one and a
// key written before it is overwritten; within `<<: [*a, *b]` the earlier map wins.
import type { YMap, YNode, YPair } from './yaml-tree';
import { deref, findPair } from './find-pair';

/** The parser gives an unquoted `<<` key this value (merge keys are on in every document). */
export function isMergeKey(v: unknown): boolean {
  return typeof v === 'symbol' && v.description === '<<';
}

export interface Resolved {
  pair: YPair;
  /** True when the pair comes from a merged map (written elsewhere, shared): never edit it in place. */
  merged: boolean;
}

/**
 * Index and pair of each `<<` in a large map, cached: lookups are per finding. A small map is scanned
 * each time instead: the scan costs less than a WeakMap entry for every map of every document.
 */
const MERGES = new WeakMap<YMap, readonly { index: number; pair: YPair }[]>();
const CACHE_FROM = 32;
const NONE: readonly { index: number; pair: YPair }[] = Object.freeze([]);

function scanMerges(map: YMap): readonly { index: number; pair: YPair }[] {
  const list: { index: number; pair: YPair }[] = [];
  map.pairs.forEach((pair, index) => {
    if (pair.key?.kind === 'scalar' && isMergeKey(pair.key.value)) list.push({ index, pair });
  });
  return list.length > 0 ? list : NONE;
}

function mergesOf(map: YMap): readonly { index: number; pair: YPair }[] {
  if (map.pairs.length < CACHE_FROM) return hasMergeKey(map) ? scanMerges(map) : NONE;
  let list = MERGES.get(map);
  if (!list) MERGES.set(map, (list = scanMerges(map)));
  return list;
}

function hasMergeKey(map: YMap): boolean {
  const pairs = map.pairs;
  for (let i = 0; i < pairs.length; i++) {
    const k = pairs[i].key;
    if (k !== null && k.kind === 'scalar' && typeof k.value === 'symbol' && isMergeKey(k.value)) return true;
  }
  return false;
}

/** The maps a `<<` value merges, earliest first; non-maps are skipped (the value build reports them). */
export function mergeSources(value: YNode | null): YMap[] {
  const node = deref(value);
  const nodes = node?.kind === 'seq' ? node.items.map((i) => deref(i)) : [node];
  return nodes.filter((n): n is YMap => n?.kind === 'map');
}

/** The pair `key` reads from in `map`, through merge keys, when it does not matter whether it was merged. */
export function resolvePair(map: YMap, key: string): YPair | undefined {
  // Most maps have no `<<`: then the written pair is the answer, with no result object to build.
  if (map.pairs.length < CACHE_FROM && !hasMergeKey(map)) return findPair(map, key);
  return resolveKey(map, key)?.pair;
}

/** The pair `key` reads from in `map`, through merge keys; `depth` bounds chains of merged maps. */
export function resolveKey(map: YMap, key: string, depth = 0): Resolved | undefined {
  const own = findPair(map, key);
  const merges = mergesOf(map);
  if (merges.length === 0 || depth > 16) return own ? { pair: own, merged: false } : undefined;
  const ownIndex = own ? map.pairs.indexOf(own) : -1;
  // The last write wins: a merge after the written key (or any merge when it is not written).
  for (let m = merges.length - 1; m >= 0 && merges[m].index > ownIndex; m--) {
    for (const source of mergeSources(merges[m].pair.value)) {
      const found = resolveKey(source, key, depth + 1);
      if (found) return { pair: found.pair, merged: true };
    }
  }
  return own ? { pair: own, merged: false } : undefined;
}
