// The only importer of `yaml`: turns one document's text into a small positioned tree of our own
// (so rules, hover and completion never depend on the parser's classes) plus its plain value.
import { Composer, CST, Parser, Schema, YAMLParseError, parseDocument, isMap, isSeq, isScalar, isAlias, isPair } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { scanNesting, MAX_NESTING_DEPTH } from './nesting-depth';
import { plainValue } from './plain-value';
import { checkDuplicate, COLON_STANDIN, plainScalarValue, styleOf, type YamlProblem } from './yaml-node-values';
import { treeFromCst, type ScalarReaders } from './tree-from-cst';
import { treeFromText } from './tree-from-text';
import { corePlainReader, type CoreTag } from './core-schema-scalar';
import { work } from './work-count';
import { withLineFeeds } from './line-breaks';

export type { YNode, YPair, YMap, YSeq, YScalar, YAlias, ScalarStyle } from './yaml-tree';
import type { YNode, YPair } from './yaml-tree';
export type { YamlProblem } from './yaml-node-values';

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
  return parseYamlVia(text, 'cst').parsed;
}

/** How parseYamlVia reads the tree: see there. */
export type ParseRoute = 'cst' | 'tokens' | 'composer';

/**
 * `route` 'cst' reads the tree from the text where it can (tree-from-text.ts), else from the parser's
 * CST (tree-from-cst.ts), and says why each could not (`textDeclined`, `declined`: the Composer ran);
 * 'tokens' skips the text reader (what the text reader must agree with); 'composer' always takes
 * the parser's Document, as every document once did (the reference the CST reader is compared with).
 */
export function parseYamlVia(written: string, route: ParseRoute): { parsed: ParsedYaml; declined?: string; textDeclined?: string } {
  // kubectl ends a line at a lone `\r`; the parser does not. Its LF twin has the same offsets.
  const text = withLineFeeds(written);
  const scan = scanNesting(text);
  if (scan.tooDeep) {
    const at = scan.tooDeep.at;
    const message = `Nesting deeper than ${MAX_NESTING_DEPTH} levels: meshlint does not read documents this deep`;
    const problem: YamlProblem = { message, start: at, end: Math.min(text.length, at + 1), severity: 'error', code: 'TOO_DEEP' };
    return { parsed: { root: null, value: undefined, problems: [problem] } };
  }
  if (scan.content > MAX_DOCUMENT_LENGTH) {
    const lineEnd = text.indexOf('\n');
    const message = `This document is larger than 1.5 MiB, more than etcd stores for one object: meshlint does not read it`;
    const problem: YamlProblem = { message, start: 0, end: lineEnd > 0 ? lineEnd : 1, severity: 'error', code: 'TOO_LARGE' };
    return { parsed: { root: null, value: undefined, problems: [problem] } };
  }
  const problems: YamlProblem[] = [];
  for (const at of scan.leadingColons.slice(0, MAX_PROBLEMS)) {
    const message =
      'kubectl cannot read this: its YAML reader takes a `:` that starts an item inside [ ] or { } as a key indicator ' +
      'and rejects the document. Quote the value (e.g. "::1")';
    problems.push({ message, start: at, end: at + 1, severity: 'warning', code: 'KUBECTL_FLOW_COLON' });
  }
  // A `:` that kubectl keeps inside a flow scalar is hidden from the parser behind a placeholder of
  // the same length (offsets unchanged) and restored in plain scalars' values (yaml-node-values.ts).
  const source = scan.flowColons.length > 0 && !text.includes(COLON_STANDIN) ? hideColons(text, scan.flowColons) : text;
  const { root, errors, warnings, declined, textDeclined } = readTree(source, text, route);
  problems.push(...errors.slice(0, MAX_PROBLEMS), ...warnings.slice(0, MAX_PROBLEMS));
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
  return { parsed: { root, value, problems }, declined, textDeclined };
}

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

interface ReadTree {
  root: YNode | null;
  /** The parser's errors and repeated keys, in document order. */
  errors: YamlProblem[];
  warnings: YamlProblem[];
  declined?: string;
  textDeclined?: string;
}

// merge: true: kubectl's reader (YAML 1.1) resolves `<<` in every document, not only under `%YAML 1.1`.
// logLevel 'error': the library's own advice (e.g. on mappings used as keys) would otherwise be
// printed by Node on stderr, in the middle of the CLI's output. uniqueKeys false: the library
// compares each key with every earlier one (seconds for a map of 40,000 keys); our tree builders
// check duplicates with a set instead (checkDuplicate).
const OPTIONS = { prettyErrors: false, strict: true, uniqueKeys: false, keepSourceTokens: false, logLevel: 'error', merge: true } as const;

/** The library's own readers: scalar tokens, and plain scalars by the core schema's tags (as the Composer). */
const READERS: ScalarReaders = {
  resolve: (token, strict, onError) => CST.resolveAsScalar(token as CST.FlowScalar, strict, onError),
  corePlain: corePlainReader(
    new Schema({ schema: 'core' }).tags as CoreTag[],
    (resolved) => (isScalar(resolved) ? resolved.value : resolved),
    OPTIONS,
  ),
};

function readTree(source: string, text: string, route: ParseRoute): ReadTree {
  if (route === 'composer') return fromDocument(parseDocument(source, OPTIONS), text);
  let textDeclined: string | undefined;
  if (route === 'cst') {
    const quick = treeFromText(source, text, READERS.corePlain);
    if (!('declined' in quick)) return { root: quick.root, errors: quick.duplicates, warnings: [] };
    textDeclined = quick.declined;
  }
  const tokens = Array.from(new Parser().parse(source));
  const fast = treeFromCst(tokens, text, READERS);
  if (!('declined' in fast)) return { root: fast.root, errors: fast.duplicates, warnings: [], textDeclined };
  return { ...fromDocument(composeOne(tokens, source.length), text), declined: fast.declined, textDeclined };
}

/** The Document that parseDocument(source, OPTIONS) gives, composed from tokens already parsed. */
function composeOne(tokens: CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(OPTIONS).compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
      break;
    }
  }
  if (!doc) throw new Error('the parser composed no document');
  return doc;
}

function fromDocument(doc: Document.Parsed, text: string): ReadTree {
  const duplicates: YamlProblem[] = [];
  const root = doc.contents ? convert(doc.contents, new Map(), duplicates, text) : null;
  const parserErrors = doc.errors.map((e) => toProblem(e.message, e.code, e.pos, 'error', text));
  const errors = [...parserErrors, ...duplicates].sort((a, b) => a.start - b.start);
  const warnings = doc.warnings.map((w) => toProblem(w.message, w.code, w.pos, 'warning', text));
  return { root, errors, warnings };
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
    let seen: Map<unknown, YNode> | undefined;
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = item.key ? convert(item.key as YamlNode, anchors, duplicates, text) : null;
      if (key) seen = checkDuplicate(key, pairs, seen, duplicates, text);
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
