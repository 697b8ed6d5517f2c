// Builds a document's plain (JSON-like) value from our positioned tree in one pass, aliases and
// merge keys included. The YAML library's own conversion looks each alias up by walking the whole
// document, which made a file with thousands of aliases or merge keys cost seconds per keystroke.
//
// Same results as the library's `toJS` for the data Kubernetes can hold (except merge keys, which
// follow kubectl's reader: see mergeInto), with the library's guard against
// alias bombs: an anchored node carries a weight (1 for a scalar, for an alias inside it the uses
// of that alias's target times the target's weight, the largest one in a collection), and an alias
// whose target's uses times weight passes MAX_ALIAS_COUNT fails the document. The library fixes a
// node's weight at its first alias, we when the node is complete; they differ only when an anchor
// inside it is aliased again in between, where ours counts what this node can really expand to.
import type { YMap, YNode } from './yaml-tree';
import { deref } from './find-pair';
import { isMergeKey } from './merge-keys';
import { work } from './work-count';

/** Aliases expanding past this many nodes are treated as an attack (billion laughs), not data. */
export const MAX_ALIAS_COUNT = 200;

interface Anchored {
  value: unknown;
  /** The definition counts as one use, as in the library. */
  count: number;
  weight: number;
}

interface Built {
  value: unknown;
  weight: number;
}

/** The plain value of a document's tree; throws (with the library's messages) where it cannot be built. */
export function plainValue(root: YNode | null, text: string): unknown {
  if (!root) return null;
  const targets = new Set<YNode>();
  collectTargets(root, targets);
  return new Builder(targets, text).build(root).value;
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

  constructor(
    private readonly targets: ReadonlySet<YNode>,
    private readonly text: string,
  ) {}

  build(node: YNode | null): Built {
    work.steps++;
    if (!node) return { value: null, weight: 1 };
    if (node.kind === 'alias') return this.alias(node.target, node.name);
    if (node.kind === 'scalar') {
      if (this.targets.has(node)) this.anchored.set(node, { value: node.value, count: 1, weight: 1 });
      return { value: node.value, weight: 1 };
    }
    const value: unknown = node.kind === 'map' ? {} : [];
    // Registered before the children: an alias inside its own anchor gets the same (circular) object.
    const entry: Anchored | undefined = this.targets.has(node) ? { value, count: 1, weight: 0 } : undefined;
    if (entry) this.anchored.set(node, entry);
    let weight = 0;
    if (node.kind === 'seq') {
      for (const item of node.items) {
        const b = this.build(item);
        (value as unknown[]).push(b.value);
        weight = Math.max(weight, b.weight);
      }
    } else {
      weight = this.fillMap(node, value as Record<string, unknown>);
    }
    if (entry) entry.weight = weight;
    return { value, weight };
  }

  private alias(target: YNode | null, name: string): Built {
    const entry = target ? this.anchored.get(target) : undefined;
    if (!entry) throw new ReferenceError(`Unresolved alias (the anchor must be set before the alias): ${name}`);
    entry.count++;
    if (entry.count * entry.weight > MAX_ALIAS_COUNT) {
      throw new ReferenceError('Excessive alias count indicates a resource exhaustion attack');
    }
    return { value: entry.value, weight: entry.count * entry.weight };
  }

  private fillMap(node: YMap, into: Record<string, unknown>): number {
    let weight = 0;
    for (const pair of node.pairs) {
      const key = this.build(pair.key);
      const value = this.build(pair.value);
      weight = Math.max(weight, key.weight, value.weight);
      if (isMergeKey(key.value)) {
        mergeInto(into, pair.value, value.value);
        continue;
      }
      const k = pair.key;
      const name = keyName(key.value, k, this.text);
      // Assigning `__proto__` (or any inherited name) would change the object, not add a key.
      if (name in into) Object.defineProperty(into, name, { value: value.value, writable: true, enumerable: true, configurable: true });
      else into[name] = value.value;
    }
    return weight;
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
