// The places a fix may edit and the edits that rewrite one scalar there. A fix must change only
// the value it names: never text an alias shares, never a block scalar's line break (the next key
// or document would be glued on), never the quotes or comment around the value.
import { type PathSegment } from './locate';
import { resolveKey } from './merge-keys';
import { parseYaml, type YNode, type YScalar } from './parse';
import type { TextEdit } from './types';

export interface EditTarget {
  /** The key of the last path step (null for a list item or the root). */
  key: YNode | null;
  /** The value; a null-valued `key:` has a zero-length plain scalar here. */
  value: YNode | null;
}

const aliasNames = new WeakMap<YNode, Set<string>>();

/** Names of the anchors some alias of the document refers to (computed once per tree). */
function aliasedAnchors(root: YNode): Set<string> {
  let names = aliasNames.get(root);
  if (names) return names;
  names = new Set<string>();
  const stack: YNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as YNode;
    if (n.kind === 'alias') names.add(n.name);
    else if (n.kind === 'map')
      for (const p of n.pairs) {
        if (p.key) stack.push(p.key);
        if (p.value) stack.push(p.value);
      }
    else if (n.kind === 'seq') for (const i of n.items) if (i) stack.push(i);
  }
  aliasNames.set(root, names);
  return names;
}

/**
 * The key and value at `path` when a fix may edit them in place: no node on the way (the root, the
 * ancestors, the key, the value) is an alias or carries an anchor that an alias uses. An edit there
 * would change every copy at once, so the fix is not offered: the author decides how to split them.
 */
export function editTarget(root: YNode | null, path: readonly PathSegment[]): EditTarget | undefined {
  if (!root) return undefined;
  const shared = aliasedAnchors(root);
  const inPlace = (n: YNode | null): boolean => !n || (n.kind !== 'alias' && !(n.anchor !== undefined && shared.has(n.anchor)));
  if (!inPlace(root)) return undefined;
  let at: EditTarget = { key: null, value: root };
  for (const seg of path) {
    const holder = at.value;
    if (!holder) return undefined;
    if (holder.kind === 'map') {
      // A merged value is written in the shared map, and an own key a later `<<` overrides is not read.
      const found = resolveKey(holder, String(seg));
      if (!found || found.merged) return undefined;
      at = { key: found.pair.key, value: found.pair.value };
    } else if (holder.kind === 'seq') {
      const idx = typeof seg === 'number' ? seg : Number(seg);
      if (!Number.isInteger(idx) || idx < 0 || idx >= holder.items.length) return undefined;
      at = { key: null, value: holder.items[idx] };
    } else {
      return undefined;
    }
    if (!inPlace(at.key) || !inPlace(at.value)) return undefined;
  }
  return at;
}

/** The scalar at `path` (its value, or its key with `on: 'key'`) when a fix may edit it in place. */
export function editableScalar(root: YNode | null, path: readonly PathSegment[], on: 'key' | 'value' = 'value'): YScalar | undefined {
  const at = editTarget(root, path);
  const node = on === 'key' ? at?.key : at?.value;
  return node && node.kind === 'scalar' ? node : undefined;
}

/**
 * A string written as a plain scalar when YAML, read as kubectl reads it, gives it back unchanged;
 * else double-quoted. The round trip through parseYaml (not a list of patterns) catches every
 * YAML 1.1 reading: `0b101`, `1_000`, `0x_1F`, `on`.
 */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z0-9_/.][A-Za-z0-9 _./-]*$/.test(value) && !/\s$/.test(value);
  return plain ? stringScalar(value) : JSON.stringify(value);
}

/**
 * Edits that make `node` read `newValue`, in its own style where possible. In quotes the text is
 * escaped for them; a plain string stays a string (quoted if `newValue` would read as something
 * else), while a plain non-string (`33`, `false`) takes `newValue` as written. A block scalar
 * becomes a scalar on its header line: the indicator is replaced and the content lines removed,
 * keeping the header's comment and the final line break. Undefined when no edit can say it.
 */
export function replaceScalar(text: string, node: YScalar, newValue: string): TextEdit[] | undefined {
  const { start, end } = node;
  const oneLine = !/[\r\n]/.test(newValue);
  switch (node.style) {
    case 'double':
      return [{ start: start + 1, end: end - 1, newText: JSON.stringify(newValue).slice(1, -1) }];
    case 'single':
      return oneLine ? [{ start: start + 1, end: end - 1, newText: newValue.replace(/'/g, "''") }] : undefined;
    case 'plain':
      // `key:` with nothing after it: text written right after the colon would join the key.
      if (end === start) return undefined;
      return [{ start, end, newText: typeof node.value === 'string' ? stringScalar(newValue) : newValue }];
    case 'block': {
      const indicator = /^[|>][0-9+-]*/.exec(text.slice(start, end));
      const headerEnd = lineEnd(text, start);
      if (!indicator || headerEnd >= end) return undefined;
      let contentEnd = end;
      while (contentEnd > headerEnd && /\s/.test(text[contentEnd - 1])) contentEnd--;
      const edits = [{ start, end: start + indicator[0].length, newText: stringScalar(newValue) }];
      if (contentEnd > headerEnd) edits.push({ start: headerEnd, end: contentEnd, newText: '' });
      return edits;
    }
  }
}

/**
 * A string as a plain scalar when YAML reads that back as the same string in any context (no flow
 * indicators), else double-quoted.
 */
function stringScalar(value: string): string {
  if (/[,[\]{}\r\n]/.test(value) || value === '') return JSON.stringify(value);
  // Fixes write the same few values (STRICT, ISTIO_MUTUAL) into every document that needs them, and
  // a bare scalar is a document the fast reader leaves to the parser: remember the answers.
  let written = WRITTEN.get(value);
  if (written === undefined) {
    const back = parseYaml(value);
    written = back.problems.length === 0 && back.value === value ? value : JSON.stringify(value);
    if (WRITTEN.size >= WRITTEN_LIMIT) WRITTEN.clear();
    WRITTEN.set(value, written);
  }
  return written;
}

/** How `stringScalar` wrote each recent value (a pure function of it), bounded. */
const WRITTEN = new Map<string, string>();
const WRITTEN_LIMIT = 256;

/** Offset of the line break (CR LF or LF) ending the line that holds `at`. */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}
