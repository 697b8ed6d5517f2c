// Finds the key or value under an offset in a document's positioned tree, with its data path, so
// hover can tell "the key `mode`" from "the value STRICT of spec.mtls.mode".
import type { YNode } from '../parse';
import { scalarText, type PathSegment } from '../locate';

export interface NodeHit {
  /** Data path of the field: for a key, the path of the entry it names. */
  path: PathSegment[];
  on: 'key' | 'value';
  start: number;
  end: number;
  /** The scalar value under the cursor (for `on: 'value'`). */
  value?: unknown;
}

function within(node: YNode | null, offset: number): node is YNode {
  return node !== null && offset >= node.start && offset <= node.end && node.end > node.start;
}

export function nodeAt(root: YNode | null, offset: number): NodeHit | undefined {
  const path: PathSegment[] = [];
  let node: YNode | null = root;
  for (let depth = 0; node && depth < 256; depth++) {
    if (node.kind === 'map') {
      let next: YNode | null = null;
      for (const pair of node.pairs) {
        if (within(pair.key, offset)) {
          const name = scalarText(pair.key);
          if (name === undefined) return undefined;
          return { path: [...path, name], on: 'key', start: pair.key.start, end: pair.key.end };
        }
        if (within(pair.value, offset)) {
          const name = scalarText(pair.key);
          if (name === undefined) return undefined;
          path.push(name);
          next = pair.value;
          break;
        }
      }
      if (!next) return undefined;
      node = next;
    } else if (node.kind === 'seq') {
      const idx = node.items.findIndex((item) => within(item, offset));
      if (idx < 0) return undefined;
      path.push(idx);
      node = node.items[idx];
    } else if (node.kind === 'scalar' || node.kind === 'alias') {
      // Through an alias the hover describes the field it sits in, not the anchored node.
      if (path.length === 0) return undefined;
      return { path, on: 'value', start: node.start, end: node.end, value: node.kind === 'scalar' ? node.value : undefined };
    } else {
      return undefined;
    }
  }
  return undefined;
}
