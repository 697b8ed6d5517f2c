// The nodes the text reader (tree-from-text.ts) builds from one line's characters: quoted and plain
// scalars (plain values read by the core schema, then as kubectl reads them) and one-line flow
// collections of scalars. A shape the parser could read otherwise declines.
import type { YMap, YNode, YPair, YScalar, YSeq } from './yaml-tree';
import { checkDuplicate, readPlainScalar, type YamlProblem } from './yaml-node-values';
import type { PlainScalarReader } from './core-schema-scalar';
import { decline } from './cst-props';
import { HASH, flowPlainEnd, lineEnd, plainStarts, quotedEnd, skipSpaces } from './text-scalars';
import { work } from './work-count';

export class TextNodes {
  readonly duplicates: YamlProblem[] = [];

  constructor(
    protected readonly s: string,
    protected readonly text: string,
    private readonly corePlain: PlainScalarReader,
  ) {}

  /** A one-line flow sequence or map of one-line scalars. */
  protected flow(open: number): YMap | YSeq {
    work.steps++;
    const s = this.s;
    const isMap = s.charCodeAt(open) === 123;
    const close = isMap ? 125 : 93;
    const pairs: YPair[] = [];
    const items: (YNode | null)[] = [];
    let seen: Map<unknown, YNode> | undefined;
    const eol = lineEnd(s, open);
    let p = skipSpaces(s, open + 1);
    if (s.charCodeAt(p) !== close) {
      for (;;) {
        let last: YScalar;
        if (isMap) {
          const key = this.flowScalar(p, eol, true);
          seen = checkDuplicate(key, pairs, seen, this.duplicates, this.text);
          if (s.charCodeAt(key.end) !== 58 || s.charCodeAt(key.end + 1) !== 32) decline('flow key not followed by ": "');
          last = this.flowScalar(skipSpaces(s, key.end + 1), eol, false);
          pairs.push({ key, value: last });
        } else items.push((last = this.flowScalar(p, eol, false)));
        const q = skipSpaces(s, last.end);
        if (s.charCodeAt(q) === close) {
          p = q;
          break;
        }
        if (s.charCodeAt(q) !== 44) decline('flow items not separated by a comma');
        p = skipSpaces(s, q + 1);
        if (s.charCodeAt(p) === close || s.charCodeAt(p) === 44) decline('empty flow item');
      }
    }
    const start = open;
    const end = p + 1;
    return isMap ? { kind: 'map', flow: true, start, end, pairs } : { kind: 'seq', flow: true, start, end, items };
  }

  private flowScalar(p: number, eol: number, atKey: boolean): YScalar {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === 34 || c === 39) {
      const end = quotedEnd(s, p, eol);
      if (end < 0) decline('quoted flow scalar the reader leaves to the parser');
      return this.quoted(p, end);
    }
    if (!plainStarts(s, p, true)) decline('flow scalar starts with an indicator');
    const end = atKey ? flowKeyEnd(s, p, eol) : flowPlainEnd(s, p, eol);
    if (end <= p) decline('flow scalar the reader leaves to the parser');
    return this.plain(p, end, atKey);
  }

  protected quoted(start: number, end: number): YScalar {
    work.steps++;
    const style = this.s.charCodeAt(start) === 34 ? 'double' : 'single';
    return { kind: 'scalar', value: this.s.slice(start + 1, end - 1), style, start, end };
  }

  protected plain(start: number, end: number, atKey: boolean): YScalar {
    work.steps++;
    const value = readPlainScalar(this.s.slice(start, end), atKey, start, end, this.text, this.corePlain);
    return { kind: 'scalar', value, style: 'plain', start, end };
  }
}

/** End of a plain key inside { }: the `:` before a space, with no flow indicator, `#` or space on the way. */
function flowKeyEnd(s: string, from: number, eol: number): number {
  for (let i = from; i < eol; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) return s.charCodeAt(i + 1) === 32 ? i : -1;
    if (c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === HASH || c === 32) return -1;
  }
  return -1;
}
