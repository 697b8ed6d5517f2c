// The only importer of `yaml`: turns one document's text into a small positioned tree of our own
// (so rules, hover and completion never depend on the parser's classes) plus its plain value.
import { parseDocument, isMap, isSeq, isScalar, isAlias, isPair, type Node as YamlNode } from 'yaml';
import { scanNesting, MAX_NESTING_DEPTH } from './nesting-depth';
import { plainValue } from './plain-value';
import { goPlainScalar } from './go-scalars';
import { work } from './work-count';

export type { YNode, YPair, YMap, YSeq, YScalar, YAlias, ScalarStyle } from './yaml-tree';
import type { YNode, YPair, ScalarStyle } from './yaml-tree';

export interface YamlProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
  code: string;
}

/**
 * Problem codes of meshlint's own (how kubectl reads YAML, size and depth limits): any other code
 * is the parser's plain YAML error, which every YAML tool reports alike.
 */
export const OWN_YAML_CODES: ReadonlySet<string> = new Set([
  'TOO_DEEP',
  'TOO_LARGE',
  'KUBECTL_FLOW_COLON',
  'TO_JS',
  'DUPLICATE_KEY_YAML11',
]);

export interface ParsedYaml {
  root: YNode | null;
  /** The document as plain data (JSON-like); undefined when it could not be built. */
  value: unknown;
  problems: YamlProblem[];
}

/** A broken document can produce hundreds of parser errors; the first few are the useful ones. */
const MAX_PROBLEMS = 5;
/**
 * Documents with more than this outside comments are not read (the parser takes seconds on them).
 * One Kubernetes object cannot be this large anyway: etcd refuses requests over 1.5 MiB
 * (`DefaultMaxRequestBytes`). Comments are not part of the object and cost the parser little.
 */
export const MAX_DOCUMENT_LENGTH = 1.5 * 1024 * 1024;

export function parseYaml(text: string): ParsedYaml {
  const scan = scanNesting(text);
  if (scan.tooDeep) {
    const at = scan.tooDeep.at;
    const message = `Nesting deeper than ${MAX_NESTING_DEPTH} levels: meshlint does not read documents this deep`;
    const problem: YamlProblem = { message, start: at, end: Math.min(text.length, at + 1), severity: 'error', code: 'TOO_DEEP' };
    return { root: null, value: undefined, problems: [problem] };
  }
  if (scan.content > MAX_DOCUMENT_LENGTH) {
    const lineEnd = text.indexOf('\n');
    const message = `This document is larger than 1.5 MiB, more than etcd stores for one object: meshlint does not read it`;
    const problem: YamlProblem = { message, start: 0, end: lineEnd > 0 ? lineEnd : 1, severity: 'error', code: 'TOO_LARGE' };
    return { root: null, value: undefined, problems: [problem] };
  }
  const problems: YamlProblem[] = [];
  for (const at of scan.leadingColons.slice(0, MAX_PROBLEMS)) {
    const message =
      'kubectl cannot read this: its YAML reader takes a `:` that starts an item inside [ ] or { } as a key indicator ' +
      'and rejects the document. Quote the value (e.g. "::1")';
    problems.push({ message, start: at, end: at + 1, severity: 'warning', code: 'KUBECTL_FLOW_COLON' });
  }
  // merge: true: kubectl's reader (YAML 1.1) resolves `<<` in every document, not only under `%YAML 1.1`.
  // A `:` that kubectl keeps inside a flow scalar is hidden from the parser behind a placeholder of
  // the same length (offsets unchanged) and restored in convert().
  const source = scan.flowColons.length > 0 && !text.includes(COLON_STANDIN) ? hideColons(text, scan.flowColons) : text;
  // logLevel 'error': the library's own advice (e.g. on mappings used as keys) would otherwise be
  // printed by Node on stderr, in the middle of the CLI's output. uniqueKeys false: the library
  // compares each key with every earlier one (seconds for a map of 40,000 keys); convert() checks
  // duplicates with a set instead.
  const options = { prettyErrors: false, strict: true, uniqueKeys: false, keepSourceTokens: false, logLevel: 'error' } as const;
  const doc = parseDocument(source, { ...options, merge: true });
  const duplicates: YamlProblem[] = [];
  const root = doc.contents ? convert(doc.contents, new Map(), duplicates, text) : null;
  const parserErrors = doc.errors.map((e) => toProblem(e.message, e.code, e.pos, 'error', text));
  const errors = [...parserErrors, ...duplicates].sort((a, b) => a.start - b.start);
  problems.push(...errors.slice(0, MAX_PROBLEMS));
  for (const w of doc.warnings.slice(0, MAX_PROBLEMS)) problems.push(toProblem(w.message, w.code, w.pos, 'warning', text));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = plainValue(root, text);
    } catch (err) {
      // A bad merge value says where it is; other failures (alias limits) have no one place.
      const at = (err as { at?: number }).at ?? (root ? root.start : 0);
      problems.push({
        message: `The document could not be read: ${(err as Error).message}`,
        start: at,
        end: at + 1,
        severity: 'error',
        code: 'TO_JS',
      });
    }
  }
  return { root, value, problems };
}

/** A private-use character: stands in for a `:` the parser would otherwise take as an indicator. */
const COLON_STANDIN = '\uE000';

function hideColons(text: string, at: readonly number[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const i of at) {
    parts.push(text.slice(from, i), COLON_STANDIN);
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** A plain scalar's value as kubectl reads it (see go-scalars.ts and hideColons). */
function plainScalarValue(value: unknown, start: number, end: number, text: string): unknown {
  if (typeof value === 'string' && value.includes(COLON_STANDIN)) return value.split(COLON_STANDIN).join(':');
  const written = typeof value === 'string' ? value : typeof value === 'number' ? text.slice(start, end) : undefined;
  if (written === undefined) return value;
  const go = goPlainScalar(written, value);
  return go ? go.value : value;
}

function toProblem(message: string, code: string, pos: [number, number], severity: 'error' | 'warning', text: string): YamlProblem {
  let [start, end] = pos;
  // An unclosed quote or bracket is reported at the end of the input, past the last line (in a
  // file of several documents, on the next one's `---`): the last written character is where to look.
  const lastChar = Math.max(0, text.trimEnd().length - 1);
  if (start > lastChar) {
    start = lastChar;
    end = lastChar + 1;
  }
  end = Math.min(end, text.length);
  if (end <= start) end = Math.min(text.length, start + 1);
  // The parser's messages end with a code frame when prettyErrors is on; we keep the first line.
  const firstLine = message.split('\n')[0];
  return { message: firstLine, start, end, severity, code };
}

/**
 * A repeated key. Two different spellings can read as one key the way kubectl reads YAML 1.1
 * (`on` and `y` are both `true`): then the message names both, since "must be unique" alone
 * makes no sense to someone who wrote two different keys.
 */
function duplicateKey(first: YNode, again: YNode, text: string): YamlProblem {
  const a = text.slice(first.start, first.end);
  const b = text.slice(again.start, again.end);
  const plain = a === b || again.kind !== 'scalar';
  const message = plain
    ? 'Map keys must be unique'
    : `Map keys must be unique: \`${b}\` and \`${a}\` are the same key \`${JSON.stringify(again.value) ?? 'null'}\` as kubectl reads YAML (1.1); quote them to keep both`;
  return { message, start: again.start, end: again.start + 1, severity: 'error', code: plain ? 'DUPLICATE_KEY' : 'DUPLICATE_KEY_YAML11' };
}

function styleOf(type: string | undefined): ScalarStyle {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL':
      return 'block';
    default:
      return 'plain';
  }
}

/**
 * Our tree for a parser node. `anchors` holds the latest node of each anchor name met so far in
 * document order (a node before its children), which is the node an alias refers to.
 */
function convert(node: YamlNode, anchors: Map<string, YNode>, duplicates: YamlProblem[], text: string): YNode {
  work.steps++;
  const [start, end] = node.range ?? [0, 0];
  if (isAlias(node)) {
    return { kind: 'alias', name: node.source, start, end, target: anchors.get(node.source) ?? null };
  }
  let out: YNode;
  const anchor = node.anchor ? { anchor: node.anchor } : {};
  if (isMap(node)) {
    const pairs: YPair[] = [];
    out = { kind: 'map', flow: Boolean(node.flow), start, end, pairs, ...anchor };
    if (node.anchor) anchors.set(node.anchor, out);
    /** Each key value met, with the first key node that has it. */
    const seen = new Map<unknown, YNode>();
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = item.key ? convert(item.key as YamlNode, anchors, duplicates, text) : null;
      // As the parser's own check: scalar keys with the same value (NaN never equals itself).
      if (key?.kind === 'scalar' && !Number.isNaN(key.value)) {
        const first = seen.get(key.value);
        if (first) duplicates.push(duplicateKey(first, key, text));
        else seen.set(key.value, key);
      }
      pairs.push({ key, value: item.value ? convert(item.value as YamlNode, anchors, duplicates, text) : null });
    }
    return out;
  }
  if (isSeq(node)) {
    const items: (YNode | null)[] = [];
    out = { kind: 'seq', flow: Boolean(node.flow), start, end, items, ...anchor };
    if (node.anchor) anchors.set(node.anchor, out);
    for (const item of node.items) items.push(item ? convert(item as YamlNode, anchors, duplicates, text) : null);
    return out;
  }
  if (isScalar(node)) {
    const style = styleOf(node.type);
    const value = style === 'plain' && node.tag === undefined ? plainScalarValue(node.value, start, end, text) : node.value;
    out = { kind: 'scalar', value, style, start, end, ...anchor };
    if (node.anchor) anchors.set(node.anchor, out);
    return out;
  }
  // Pairs at the top level (a bare `? key`) and other rare shapes: keep the range, no value.
  return { kind: 'scalar', value: null, style: 'plain', start, end };
}
