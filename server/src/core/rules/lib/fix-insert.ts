// Fix edits that add text (a list item, a map entry) indented like its neighbours, so that a fix
// inserts only new lines or characters and every existing byte of the file stays where it was.
import type { DocContext } from './rule';
import { findPair, type PathSegment } from '../../locate';
import type { YMap, YNode, YPair, YSeq } from '../../parse';
import type { TextEdit } from '../../types';
import { editTarget, yamlScalar } from '../../scalar-edit';

export { yamlScalar };

/** Appends items to the sequence at `path` (block or flow), as one insertion; undefined when unsure. */
export function appendSeqItems(ctx: DocContext, path: readonly PathSegment[], items: readonly string[]): TextEdit | undefined {
  const first = appendSeqItem(ctx, path, items[0]);
  if (!first || items.length === 1) return first;
  const seq = holder(ctx, path, 'seq');
  // After the first item, each further one is written the way an item after an existing one is.
  const rest = items
    .slice(1)
    .map((item) => (seq?.flow ? `, ${yamlScalar(item)}` : first.newText.replace(/- .*$/s, `- ${yamlScalar(item)}`)));
  return { ...first, newText: first.newText + rest.join('') };
}

/** Appends an item to the sequence at `path` (block or flow); undefined when that is not safe to do. */
export function appendSeqItem(ctx: DocContext, path: readonly PathSegment[], item: string): TextEdit | undefined {
  const seq = holder(ctx, path, 'seq');
  if (!seq) return undefined;
  const text = ctx.text;
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    if (!last) {
      const open = text.indexOf('[', seq.start);
      return open >= 0 && open < seq.end ? { start: open + 1, end: open + 1, newText: yamlScalar(item) } : undefined;
    }
    return { start: last.end, end: last.end, newText: `, ${yamlScalar(item)}` };
  }
  if (!last) return undefined;
  // The dash of the last item sets the indentation of the new one.
  let dash = last.start - 1;
  while (dash >= 0 && text[dash] === ' ') dash--;
  if (text[dash] !== '-') return undefined;
  const at = lineEndAfter(text, last);
  if (at === undefined) return undefined;
  return { start: at, end: at, newText: `${eolOf(text)}${' '.repeat(columnOf(text, dash))}- ${yamlScalar(item)}` };
}

/**
 * Inserts new lines right after the entry `afterKey` of the block map at `mapPath`, at that entry's
 * indentation. `lines` are relative to it (a nested line starts with its own extra spaces).
 */
export function insertAfterEntry(
  ctx: DocContext,
  mapPath: readonly PathSegment[],
  afterKey: string,
  lines: readonly string[],
): TextEdit | undefined {
  const map = holder(ctx, mapPath, 'map');
  if (!map || map.flow) return undefined;
  const pair = findPair(map, afterKey);
  if (!pair?.key) return undefined;
  return insertLinesAfter(ctx.text, pair.key, pair.value, lines);
}

/** Inserts new lines after the last entry of the block map at `mapPath`. */
export function appendEntry(ctx: DocContext, mapPath: readonly PathSegment[], lines: readonly string[]): TextEdit | undefined {
  const map = holder(ctx, mapPath, 'map');
  if (!map || map.flow) return undefined;
  const pair = map.pairs[map.pairs.length - 1];
  if (!pair?.key) return undefined;
  return insertLinesAfter(ctx.text, pair.key, pair.value, lines);
}

function insertLinesAfter(text: string, key: YNode, value: YNode | null, lines: readonly string[]): TextEdit | undefined {
  // A key that shares its line with something before it (`- name: x`) still sets the column.
  const indent = ' '.repeat(columnOf(text, key.start));
  const at = lineEndAfter(text, value && value.end > key.end ? value : key);
  if (at === undefined) return undefined;
  const eol = eolOf(text);
  return { start: at, end: at, newText: lines.map((l) => `${eol}${indent}${l}`).join('') };
}

/** The node at `path` when it is of the wanted kind and written in place (no alias shares it). */
function holder(ctx: DocContext, path: readonly PathSegment[], kind: 'map'): YMap | undefined;
function holder(ctx: DocContext, path: readonly PathSegment[], kind: 'seq'): YSeq | undefined;
function holder(ctx: DocContext, path: readonly PathSegment[], kind: 'map' | 'seq'): YMap | YSeq | undefined {
  const node = editTarget(ctx.root, path)?.value;
  return node && node.kind === kind ? node : undefined;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * End of the last line a node's content occupies (before the line break; after a trailing comment).
 * Undefined when the node ends in a block scalar that keeps its trailing blank lines (`|+`): they
 * belong to its value, and a line inserted before them would take them away.
 */
function lineEndAfter(text: string, node: YNode): number | undefined {
  let tail: YNode | null = node;
  while (tail && tail.kind !== 'scalar' && tail.kind !== 'alias') {
    const pair: YPair | undefined = tail.kind === 'map' ? tail.pairs[tail.pairs.length - 1] : undefined;
    tail = tail.kind === 'map' ? (pair?.value ?? pair?.key ?? null) : tail.items[tail.items.length - 1];
  }
  if (tail?.kind === 'scalar' && tail.style === 'block' && /^[|>][0-9-]*\+/.test(text.slice(tail.start, tail.start + 4))) return undefined;
  let end = node.end;
  while (end > node.start && /\s/.test(text[end - 1])) end--;
  let at = text.indexOf('\n', end);
  if (at < 0) return text.length;
  if (at > 0 && text[at - 1] === '\r') at--;
  return at;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
