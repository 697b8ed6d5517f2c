// Builds a document's plain (JSON-like) value from our positioned tree in one pass, aliases and
// merge keys included. The YAML library's own conversion looks each alias up by walking the whole
// document, which made a file with thousands of aliases or merge keys cost seconds per keystroke.
//
// Same results as the library's `toJS` for the data Kubernetes can hold (except merge keys, which
// follow kubectl's reader: see mergeInto). Alias bombs are refused by kubectl's own rule
// (go-yaml v2, decode.go, `(*decoder).unmarshal` and `allowedAliasRatio`): every node decoded
// counts, an alias counts its target's whole subtree again, and the document fails once more than
// 100 of over 1,000 decoded nodes came from aliases and their share passes the allowed ratio (99 %
// up to 400,000 nodes, falling to 10 % at 4,000,000). A flat limit on uses (the library's, 200)
// refused documents kubectl accepts, such as one anchor aliased 250 times.
import type { YMap, YNode } from './yaml-tree';
import { deref } from './find-pair';
import { isMergeKey } from './merge-keys';
import { work } from './work-count';

interface Anchored {
  value: unknown;
  /** Nodes decoded when the anchored node is decoded, its aliases expanded (0 while it is being built). */
  size: number;
}

/** go-yaml v2's share of decoded nodes that may come from aliases, for a document of `decoded` nodes. */
export function allowedAliasRatio(decoded: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decoded <= low) return 0.99;
  if (decoded >= high) return 0.1;
  return 0.99 - (0.89 * (decoded - low)) / (high - low);
}

/** Whether go-yaml v2 gives up on a document after decoding `decoded` nodes, `fromAliases` of them through aliases. */
export function excessiveAliasing(decoded: number, fromAliases: number): boolean {
  return fromAliases > 100 && decoded > 1000 && fromAliases / decoded > allowedAliasRatio(decoded);
}

/** The plain value of a document's tree; throws (with the library's messages) where it cannot be built. */
export function plainValue(root: YNode | null, text: string): unknown {
  if (!root) return null;
  const targets = new Set<YNode>();
  collectTargets(root, targets);
  return new Builder(targets, text).build(root);
}

function collectTargets(node: YNode, into: Set<YNode>): void {
  work.steps++;
  if (node.kind === 'alias') {
    if (node.target) into.add(node.target);
  } else if (node.kind === 'map') {
    for (const p of node.pairs) {
      if (p.key) collectTargets(p.key, into);
      if (p.value) collectTargets(p.value, into);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) if (item) collectTargets(item, into);
  }
}

class Builder {
  private readonly anchored = new Map<YNode, Anchored>();
  /** Nodes decoded so far in document order, and how many of them through aliases (go-yaml's counters). */
  private decoded = 0;
  private fromAliases = 0;

  constructor(
    private readonly targets: ReadonlySet<YNode>,
    private readonly text: string,
  ) {}

  /**
   * The node's value. What go-yaml counts for it (its nodes, each alias's target again) is the growth
   * of `decoded` while it is built, so no count is returned: one object less per node.
   */
  build(node: YNode | null): unknown {
    work.steps++;
    const before = this.decoded++;
    if (!node) return null;
    if (node.kind === 'alias') return this.alias(node.target, node.name);
    if (node.kind === 'scalar') {
      if (this.targets.has(node)) this.anchored.set(node, { value: node.value, size: 1 });
      return node.value;
    }
    const value: unknown = node.kind === 'map' ? {} : [];
    // Registered before the children: an alias inside its own anchor gets the same (circular) object.
    const entry: Anchored | undefined = this.targets.has(node) ? { value, size: 0 } : undefined;
    if (entry) this.anchored.set(node, entry);
    if (node.kind === 'seq') {
      for (const item of node.items) (value as unknown[]).push(this.build(item));
    } else {
      this.fillMap(node, value as Record<string, unknown>);
    }
    if (entry) entry.size = this.decoded - before;
    return value;
  }

  private alias(target: YNode | null, name: string): unknown {
    const entry = target ? this.anchored.get(target) : undefined;
    if (!entry) throw new ReferenceError(`Unresolved alias (the anchor must be set before the alias): ${name}`);
    // The alias node itself was counted in build(); its target is decoded again, all of it through
    // an alias. The share only grows while an expansion runs, so checking at its end is exact.
    this.decoded += entry.size;
    this.fromAliases += entry.size;
    if (excessiveAliasing(this.decoded, this.fromAliases)) {
      throw new ReferenceError('Excessive alias count indicates a resource exhaustion attack');
    }
    return entry.value;
  }

  private fillMap(node: YMap, into: Record<string, unknown>): void {
    for (const pair of node.pairs) {
      const key = this.build(pair.key);
      const value = this.build(pair.value);
      if (isMergeKey(key)) {
        mergeInto(into, pair.value, value);
        continue;
      }
      const name = keyName(key, pair.key, this.text);
      // Assigning `__proto__` (or any inherited name) would change the object, not add a key.
      if (name in into) Object.defineProperty(into, name, { value, writable: true, enumerable: true, configurable: true });
      else into[name] = value;
    }
  }
}

/**
 * Writes the keys of the merged map(s) into the map being built, as go-yaml v2 does (decode.go,
 * `(*decoder).merge`): over what is already there, the list from its end so that earlier maps win.
 * Keys written after the `<<` are assigned later and so win over merged ones.
 */
function mergeInto(into: Record<string, unknown>, valueNode: YNode | null, built: unknown): void {
  const node = deref(valueNode);
  const nodes = node?.kind === 'seq' ? node.items.map((i) => deref(i)) : [node];
  const values = node?.kind === 'seq' ? (built as unknown[]) : [built];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (!n || n.kind !== 'map') {
      const at = node?.kind === 'seq' ? (node.items[i]?.start ?? node.start) : (valueNode?.start ?? 0);
      throw Object.assign(new Error('A merge key (<<) takes a map, an alias of a map or a list of them'), { at });
    }
    const source = values[i] as Record<string, unknown>;
    for (const k of Object.keys(source)) {
      work.steps++;
      Object.defineProperty(into, k, { value: source[k], writable: true, enumerable: true, configurable: true });
    }
  }
}

/** A key as the property name the plain value gets: scalars as text, a collection key as its source. */
function keyName(value: unknown, key: YNode | null, text: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return key ? text.slice(key.start, key.end) : '';
}
