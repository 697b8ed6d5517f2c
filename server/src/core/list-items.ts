// Reads a Kubernetes List (`kind: List` or `<Kind>List`, what `kubectl get -o yaml|json` prints)
// item by item: each item becomes a document of its own at the very offsets it has in the file.
//
// An item's text is its own lines with everything before the item on its first line (the `- ` of
// the sequence, or `"items": [` in JSON) blanked to spaces. Lines keep their length, so offsets,
// lines and columns inside the item are those of the file, and the result can be cached by that
// text like any other document.
import type { Chunk } from './split';
import type { YNode } from './yaml-tree';

interface ListShape {
  root: YNode | null;
  value: unknown;
  /** The parse found nothing wrong at error level. */
  clean: boolean;
}

/** A List's `items` as item documents (starts relative to `text`), or undefined when `text` is no List. */
export function listItemChunks(text: string, list: ListShape): Chunk[] | undefined {
  if (!list.clean || !isListValue(list.value)) return undefined;
  const root = list.root;
  if (root?.kind !== 'map') return undefined;
  const itemsPair = root.pairs.find((p) => p.key?.kind === 'scalar' && p.key.value === 'items');
  const seq = itemsPair?.value;
  if (seq?.kind !== 'seq') return undefined;
  // An item that refers to an anchor of another item cannot be read on its own; kubectl never
  // writes anchors, so such a List is left whole (checked as one document, as before).
  if (hasAlias(root)) return undefined;
  const chunks: Chunk[] = [];
  for (const item of seq.items) {
    if (item?.kind !== 'map') continue;
    const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
    const end = endOfLineIfBlank(text, item.end);
    chunks.push({ start: lineStart, text: ' '.repeat(item.start - lineStart) + text.slice(item.start, end) });
  }
  return chunks;
}

/** `kind: List` or any `...List` kind with an `items` array, as the API server returns collections. */
export function isListValue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { kind, items } = value as Record<string, unknown>;
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items);
}

/** Past the line break after `at` when only blanks or a comment follow on that line. */
function endOfLineIfBlank(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  const lineEnd = nl < 0 ? text.length : nl;
  const rest = text.slice(at, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return at;
  return nl < 0 ? text.length : nl + 1;
}

function hasAlias(node: YNode | null): boolean {
  if (!node) return false;
  if (node.kind === 'alias') return true;
  if (node.kind === 'map') return node.pairs.some((p) => hasAlias(p.key) || hasAlias(p.value));
  if (node.kind === 'seq') return node.items.some(hasAlias);
  return false;
}
