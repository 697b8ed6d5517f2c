// Our tree straight from the parser's CST tokens, skipping the Composer's own node classes (and a
// second walk to convert them): the biggest share of checking a document was parsing it. Only the
// shapes ordinary manifests use are read here (block maps and sequences, flow collections of scalars,
// every scalar style, comments); anything else, and anything the Composer would report on, declines
// and the document takes the Composer's path. The result must be the one that path gives, node for
// node and offset for offset: test/unit/cst-tree-differential.test.ts compares both on every fixture.
import type { YMap, YNode, YPair, YScalar, YSeq } from './yaml-tree';
import { checkDuplicate, readPlainScalar, styleOf, type YamlProblem } from './yaml-node-values';
import type { PlainScalarReader } from './core-schema-scalar';
import { decline, Declined, emptyValueAt, keyHasNewline, readEnd, readProps, source, type CstToken, type Props } from './cst-props';
import { work } from './work-count';

export type { CstToken } from './cst-props';

/** The parser's own scalar reader (yaml's `CST.resolveAsScalar`): folding, escapes, block scalars. */
export type ResolveScalar = (
  token: CstToken,
  strict: boolean,
  onError: (offset: number, code: string, message: string) => void,
) => { value: string; type: string | null; range: [number, number, number] } | null;

export type CstTree = { root: YNode | null; duplicates: YamlProblem[] } | { declined: string };

/** The parser's readers of scalar tokens and of plain scalars' values (core schema). */
export interface ScalarReaders {
  resolve: ResolveScalar;
  corePlain: PlainScalarReader;
}

/** Our tree for one document's CST tokens, or why the Composer must read it. */
export function treeFromCst(tokens: readonly CstToken[], text: string, readers: ScalarReaders): CstTree {
  try {
    const reader = new CstReader(text, readers.resolve, readers.corePlain);
    return { root: reader.stream(tokens), duplicates: reader.duplicates };
  } catch (err) {
    if (err instanceof Declined) return { declined: err.reason };
    throw err;
  }
}

const FLOW_SCALARS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);

function refuseScalarProblem(): never {
  decline('scalar the parser reports on');
}

class CstReader {
  readonly duplicates: YamlProblem[] = [];
  /** Where the last node read ends, trailing blanks and comments included (the Composer's range[2]). */
  private tail = 0;

  constructor(
    private readonly text: string,
    private readonly resolve: ResolveScalar,
    private readonly corePlain: PlainScalarReader,
  ) {}

  stream(tokens: readonly CstToken[]): YNode | null {
    let root: YNode | null = null;
    let documents = 0;
    let ended = false;
    for (const token of tokens) {
      switch (token.type) {
        case 'byte-order-mark':
        case 'space':
        case 'comment':
        case 'newline':
          break;
        case 'document':
          if (++documents > 1) decline('more than one document');
          root = this.document(token);
          break;
        case 'doc-end':
          if (documents === 0 || ended) decline('stray document end');
          ended = true;
          readEnd(token.end, token.offset + source(token).length, true);
          break;
        default:
          decline(`${token.type} outside the document`);
      }
    }
    return root;
  }

  private document(doc: CstToken): YNode {
    const start = Array.isArray(doc.start) ? doc.start : [];
    const props = readProps(start, 'doc-start', true, doc.offset, false);
    const value = doc.value;
    if (props.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) {
      decline('block collection on the --- line');
    }
    const root = value ? this.node(value) : this.empty(props.end, start, props);
    readEnd(doc.end, this.tail, false);
    return root;
  }

  private node(token: CstToken): YNode {
    switch (token.type) {
      case 'block-map':
        return this.blockMap(token);
      case 'block-seq':
        return this.blockSeq(token);
      case 'flow-collection':
        return this.flow(token);
      case 'block-scalar':
        return this.scalar(token, false);
      default:
        if (!FLOW_SCALARS.has(token.type)) decline(`${token.type} node`);
        return this.scalar(token, false);
    }
  }

  private blockMap(bm: CstToken): YMap {
    work.steps++;
    const pairs: YPair[] = [];
    const out: YMap = { kind: 'map', flow: false, start: bm.offset, end: bm.offset, pairs };
    let seen: Map<unknown, YNode> | undefined;
    const items = bm.items ?? [];
    let offset = bm.offset;
    let commentEnd: number | null = null;
    for (const item of items) {
      if (item.explicitKey) decline('explicit key');
      const keyProps = readProps(item.start, 'explicit-key-ind', true, offset, false);
      if (keyProps.found) decline('explicit key');
      const key = item.key;
      if (!item.sep) {
        if (key) decline('key without a value indicator');
        commentEnd = keyProps.end;
        continue;
      }
      if (!key) decline('empty key');
      if (!FLOW_SCALARS.has(key.type)) decline(`${key.type} key`);
      if (key.indent !== bm.indent) decline('key out of column');
      if (keyHasNewline(key)) decline('multi-line key');
      const keyNode = this.scalar(key, true);
      seen = checkDuplicate(keyNode, pairs, seen, this.duplicates, this.text);
      const valueProps = readProps(item.sep, 'map-value-ind', false, this.tail, false);
      if (!valueProps.found) decline('key without a value indicator');
      if (item.value?.type === 'block-map' && !valueProps.hasNewline) decline('compact nested map');
      if (keyProps.end < valueProps.found.offset - 1024) decline('key over 1024 characters');
      const value = item.value ? this.node(item.value) : this.empty(valueProps.end, item.sep, valueProps);
      offset = this.tail;
      pairs.push({ key: keyNode, value });
    }
    if (commentEnd !== null && commentEnd < offset) decline('comment item before the map ends');
    out.end = offset;
    this.tail = commentEnd ?? offset;
    return out;
  }

  private blockSeq(bs: CstToken): YSeq {
    work.steps++;
    const items: (YNode | null)[] = [];
    const out: YSeq = { kind: 'seq', flow: false, start: bs.offset, end: bs.offset, items };
    let offset = bs.offset;
    let commentEnd: number | null = null;
    for (const item of bs.items ?? []) {
      const props = readProps(item.start, 'seq-item-ind', true, offset, false);
      if (!props.found) {
        if (item.value) decline('sequence item without -');
        commentEnd = props.end;
        continue;
      }
      items.push(item.value ? this.node(item.value) : this.empty(props.end, item.start, props));
      offset = this.tail;
    }
    out.end = offset;
    this.tail = commentEnd ?? offset;
    return out;
  }

  private flow(fc: CstToken): YMap | YSeq {
    work.steps++;
    const open = fc.start as CstToken;
    const isMap = source(open) === '{';
    const pairs: YPair[] = [];
    const items: (YNode | null)[] = [];
    const out: YMap | YSeq = isMap
      ? { kind: 'map', flow: true, start: fc.offset, end: fc.offset, pairs }
      : { kind: 'seq', flow: true, start: fc.offset, end: fc.offset, items };
    let seen: Map<unknown, YNode> | undefined;
    const all = fc.items ?? [];
    let offset = fc.offset + source(open).length;
    for (let i = 0; i < all.length; i++) {
      const { start, key, sep, value } = all[i];
      const props = readProps(start, 'explicit-key-ind', false, offset, true);
      if (props.found) decline('explicit key');
      if (!sep && !value) {
        if (key) decline('flow key without a value');
        if ((i === 0 && props.comma) || i < all.length - 1) decline('empty flow item');
        offset = props.end;
        continue;
      }
      if (i === 0 ? props.comma : !props.comma) decline('flow items not separated by one comma');
      if (!isMap) {
        if (sep || key || !value) decline('pair in a flow sequence');
        items.push(this.flowValue(value));
      } else {
        if (!key || !sep) decline('flow map item without key and :');
        if (!FLOW_SCALARS.has(key.type) || keyHasNewline(key)) decline('flow map key not a one-line scalar');
        const keyNode = this.scalar(key, true);
        seen = checkDuplicate(keyNode, pairs, seen, this.duplicates, this.text);
        const valueProps = readProps(sep, 'map-value-ind', false, this.tail, true);
        if (!valueProps.found) decline('flow map key without :');
        pairs.push({ key: keyNode, value: value ? this.flowValue(value) : this.empty(valueProps.end, sep, valueProps) });
      }
      offset = this.tail;
    }
    const [close, ...rest] = fc.end ?? [];
    if (!close || source(close) !== (isMap ? '}' : ']')) decline('unclosed flow collection');
    out.end = close.offset + 1;
    this.tail = readEnd(rest, out.end, true);
    return out;
  }

  private flowValue(token: CstToken): YNode {
    if (token.type === 'flow-collection') return this.flow(token);
    if (!FLOW_SCALARS.has(token.type)) decline(`${token.type} in a flow collection`);
    return this.scalar(token, false);
  }

  private scalar(token: CstToken, atKey: boolean): YScalar {
    work.steps++;
    const src = source(token);
    const start = token.offset;
    let value: unknown;
    let end: number;
    let style = styleFor(token.type);
    const quick = style === 'block' || src.includes('\n') ? undefined : oneLineValue(token.type, src);
    if (quick !== undefined) {
      value = quick;
      end = start + src.length;
      this.tail = readEnd(token.end, end, true);
    } else {
      const read = this.resolve(token, true, refuseScalarProblem);
      if (!read) decline('unreadable scalar');
      value = read.value;
      style = styleOf(read.type);
      end = read.range[1];
      this.tail = read.range[2];
    }
    if (style === 'plain') value = readPlainScalar(value as string, atKey, start, end, this.text, this.corePlain);
    return { kind: 'scalar', value, style, start, end };
  }

  private empty(offset: number, before: readonly CstToken[], props: Props): YScalar {
    work.steps++;
    const at = emptyValueAt(offset, before);
    // An empty value's span in the Composer reaches over a comment after it.
    this.tail = props.comment ? props.end : at;
    return { kind: 'scalar', value: null, style: 'plain', start: at, end: at };
  }
}

function styleFor(type: string): YScalar['style'] {
  return type === 'double-quoted-scalar' ? 'double' : type === 'single-quoted-scalar' ? 'single' : type === 'scalar' ? 'plain' : 'block';
}

/**
 * A one-line flow scalar's value when reading it is trivial (the parser would give the same text and
 * report nothing), else undefined and the parser's own reader runs.
 */
function oneLineValue(type: string, src: string): string | undefined {
  if (type === 'scalar') return /^[\t,%|>@`]/.test(src) ? undefined : src;
  const quote = type === 'double-quoted-scalar' ? '"' : "'";
  if (src.length < 2 || src[src.length - 1] !== quote || src.includes('\r')) return undefined;
  const inner = src.slice(1, -1);
  if (quote === '"') return inner.includes('\\') ? undefined : inner;
  return inner.includes("'") ? undefined : inner;
}
