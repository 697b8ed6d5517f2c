// Our tree read straight from a document's text, for the strict subset of YAML that ordinary
// manifests use (block maps and sequences, one-line scalars and flow collections of scalars,
// comments and blank lines), with charCodeAt loops and no parser tokens: running the parser's
// lexer and parser was most of the cost of checking a document. Anything else declines, and the
// CST reader (tree-from-cst.ts) then the Composer read the document as before. The tree must be
// the CST reader's, node for node and offset for offset (test/unit/text-tree-differential.test.ts);
// the comment handling below follows where the parser's CST puts comment lines (see gap, close).
import type { YMap, YNode, YPair, YScalar, YSeq } from './yaml-tree';
import { checkDuplicate, type YamlProblem } from './yaml-node-values';
import type { PlainScalarReader } from './core-schema-scalar';
import { decline, Declined } from './cst-props';
import {
  HASH,
  blankAt,
  blockPlainEnd,
  hasAwkwardCharacter,
  lineEnd,
  nextLine,
  plainKeyEnd,
  plainStarts,
  quotedEnd,
  restIsComment,
  skipSpaces,
} from './text-scalars';
import { TextNodes } from './text-nodes';
import { work } from './work-count';

export type TextTree = { root: YNode; duplicates: YamlProblem[] } | { declined: string };

/**
 * `source` is the text the parser would read (flow colons hidden, parse.ts hideColons); `text` the
 * document as written, which plain values and duplicate messages quote.
 */
export function treeFromText(source: string, text: string, corePlain: PlainScalarReader): TextTree {
  try {
    const reader = new TextReader(source, text, corePlain);
    return { root: reader.document(), duplicates: reader.duplicates };
  } catch (err) {
    if (err instanceof Declined) return { declined: err.reason };
    // A fault in this reader costs speed, never a document: the token route reads it instead. The
    // differential test fails on this reason, so such a fault stays visible.
    return { declined: `internal: ${err instanceof Error ? err.message : String(err)}` };
  }
}

const DASH = 45;

/**
 * The blank and comment lines before the next content line. Those the parser does not fold into the
 * last scalar's trailing tokens become an item of the innermost open collection: when that
 * collection closes, the item moves to its parent unless a comment in it is indented at least as
 * deep as the collection (at indent 0 it always moves); where it stays, it ends that collection's span.
 */
interface Gap {
  comment: boolean;
  maxIndent: number;
  /** Where the next content starts (its indentation included in the item), or the text's end. */
  end: number;
  claimed: boolean;
}

class TextReader extends TextNodes {
  /** Where the last node read ends, trailing blanks and comments included (as the CST reader's tail). */
  private tail = 0;
  /** Start of the next content line, its indent (-1 at the end of the text), and the gap before it. */
  private pos = 0;
  private next = -1;
  private gapBefore: Gap = { comment: false, maxIndent: -1, end: 0, claimed: false };

  document(): YNode {
    // A byte order mark is its own token to the parser; the first line's columns count from after it.
    const bom = this.s.charCodeAt(0) === 0xfeff;
    if (bom) this.pos = 1;
    if (hasAwkwardCharacter(this.s, this.pos)) decline('tab, carriage return, control or BOM');
    // Indent -1: a `---` line is content to this first scan (markers decline everywhere else).
    this.gap(-1, false);
    if (this.next === 0 && !(bom && this.pos === 1) && isMarker(this.s, this.pos, '---')) {
      const eol = lineEnd(this.s, this.pos);
      if (!restIsComment(this.s, this.pos + 3, eol)) decline('content on the --- line');
      this.pos = nextLine(this.s, eol);
      this.gap(-1, false);
    }
    if (this.next < 0) decline('no content');
    // After a mark the parser no longer counts the first line's indentation (nor a `---` on it).
    if (bom && this.pos === 1) decline('content on the byte order mark line');
    if (this.next === 0 && (isMarker(this.s, this.pos, '---') || isMarker(this.s, this.pos, '...'))) decline('document marker');
    const at = this.pos + this.next;
    const root = this.isSeqItem(at) ? this.blockSeq(this.next, at) : this.blockMap(this.next, at);
    if (this.next >= 0) decline('content after the root collection');
    return root;
  }

  private isSeqItem(at: number): boolean {
    return this.s.charCodeAt(at) === DASH && blankAt(this.s, at + 1);
  }

  /**
   * Scans blank and comment lines from `pos` to the next content line. With `absorb` (the last
   * value is a one-line scalar or flow collection of a collection at `indent`), comments indented
   * deeper than `indent` and the blanks before them join that value's trailing tokens, as the parser does.
   */
  private gap(indent: number, absorb: boolean): void {
    const s = this.s;
    let comment = false;
    let maxIndent = -1;
    let pos = this.pos;
    while (pos < s.length) {
      const eol = lineEnd(s, pos);
      const c = skipSpaces(s, pos);
      if (c < eol && s.charCodeAt(c) !== HASH) {
        if (indent >= 0 && c === pos && isMarker(s, pos, '...')) {
          // A document end closes every collection, as the end of the text does.
          this.documentEnd(pos);
          this.gapBefore = { comment, maxIndent, end: pos, claimed: false };
          return;
        }
        if (indent >= 0 && c === pos && isMarker(s, pos, '---')) decline('document marker');
        this.pos = pos;
        this.next = c - pos;
        this.gapBefore = { comment, maxIndent, end: c, claimed: false };
        return;
      }
      if (c < eol) {
        if (absorb && c - pos > indent) this.tail = Math.min(nextLine(s, eol), s.length);
        else {
          absorb = false;
          comment = true;
          maxIndent = Math.max(maxIndent, c - pos);
        }
      }
      pos = nextLine(s, eol);
    }
    this.pos = s.length;
    this.next = -1;
    this.gapBefore = { comment, maxIndent, end: s.length, claimed: false };
  }

  /** After a `...` line only blank and comment lines may follow (another document would). */
  private documentEnd(at: number): void {
    const s = this.s;
    let eol = lineEnd(s, at);
    if (!restIsComment(s, at + 3, eol)) decline('text after ...');
    for (let pos = nextLine(s, eol); pos < s.length; pos = nextLine(s, eol)) {
      eol = lineEnd(s, pos);
      const c = skipSpaces(s, pos);
      if (c < eol && s.charCodeAt(c) !== HASH) decline('content after ...');
    }
    this.pos = s.length;
    this.next = -1;
  }

  /** A collection at `indent` ends at `offset`; its span for the parent may reach over the gap's comments. */
  private close(indent: number, offset: number): void {
    const g = this.gapBefore;
    if (g.comment && !g.claimed && indent !== 0 && g.maxIndent >= indent) {
      g.claimed = true;
      this.tail = g.end;
    } else this.tail = offset;
  }

  private blockMap(indent: number, first: number): YMap {
    work.steps++;
    const pairs: YPair[] = [];
    const out: YMap = { kind: 'map', flow: false, start: first, end: first, pairs };
    let seen: Map<unknown, YNode> | undefined;
    let at = first;
    let offset = first;
    for (;;) {
      const eol = lineEnd(this.s, at);
      const [key, colon] = this.key(at, eol);
      seen = checkDuplicate(key, pairs, seen, this.duplicates, this.text);
      const value = this.mapValue(indent, colon + 1, eol);
      offset = this.tail;
      pairs.push({ key, value: value.node });
      if (this.next > indent) decline('line indented deeper than its map');
      if (this.next < indent) {
        // The parser keeps an empty value's comment, and every blank and comment line after it up to
        // the next content (its indentation too), in the value's own tokens, which the span then covers.
        if (value.commentedEmpty) {
          offset = this.gapBefore.end;
          this.gapBefore.claimed = true;
        }
        break;
      }
      at = this.pos + indent;
    }
    out.end = offset;
    this.close(indent, offset);
    return out;
  }

  private key(at: number, eol: number): [YScalar, number] {
    const colon = this.keyColon(at, eol);
    if (typeof colon === 'string') decline(colon);
    if (colon - at > 1000) decline('long key');
    const quoted = this.s.charCodeAt(at) === 34 || this.s.charCodeAt(at) === 39;
    return [quoted ? this.quoted(at, colon) : this.plain(at, colon, true), colon];
  }

  /** The index of the `:` after a one-line key at `at`, or why there is no such key. */
  private keyColon(at: number, eol: number): number | string {
    const s = this.s;
    const c = s.charCodeAt(at);
    if (c === 34 || c === 39) {
      const end = quotedEnd(s, at, eol);
      return end > 0 && s.charCodeAt(end) === 58 && blankAt(s, end + 1) ? end : 'quoted key not followed by ": "';
    }
    if (!plainStarts(s, at, false)) return 'key starts with an indicator';
    const colon = plainKeyEnd(s, at, eol);
    return colon < 0 ? 'line without a one-line key' : colon;
  }

  /** The value after a block map's `:`, with what follows it up to the next content line. */
  private mapValue(indent: number, from: number, eol: number): { node: YNode; commentedEmpty: boolean } {
    const s = this.s;
    const p = skipSpaces(s, from);
    if (p < eol && s.charCodeAt(p) !== HASH) return { node: this.inlineValue(indent, p, eol), commentedEmpty: false };
    this.pos = nextLine(this.s, eol);
    this.gap(indent, false);
    const at = this.pos + this.next;
    if (this.next > indent) {
      return { node: this.isSeqItem(at) ? this.blockSeq(this.next, at) : this.blockMap(this.next, at), commentedEmpty: false };
    }
    if (this.next === indent && this.isSeqItem(at)) return { node: this.blockSeq(indent, at), commentedEmpty: false };
    work.steps++;
    this.tail = p;
    const node: YScalar = { kind: 'scalar', value: null, style: 'plain', start: p, end: p };
    return { node, commentedEmpty: p < eol || this.gapBefore.comment };
  }

  private blockSeq(indent: number, first: number): YSeq {
    work.steps++;
    const items: (YNode | null)[] = [];
    const out: YSeq = { kind: 'seq', flow: false, start: first, end: first, items };
    let at = first;
    let offset = first;
    for (;;) {
      const eol = lineEnd(this.s, at);
      const p = skipSpaces(this.s, at + 1);
      if (p >= eol || this.s.charCodeAt(p) === HASH) decline('empty sequence item');
      const keyLine = typeof this.keyColon(p, eol) === 'number';
      items.push(keyLine ? this.blockMap(p - (at - indent), p) : this.inlineValue(indent, p, eol));
      offset = this.tail;
      if (this.next > indent) decline('line indented deeper than its sequence');
      if (this.next < indent || !this.isSeqItem(this.pos + indent)) break;
      at = this.pos + indent;
    }
    out.end = offset;
    this.close(indent, offset);
    return out;
  }

  /** A one-line scalar or flow collection at `p`, then the gap after its line. */
  private inlineValue(indent: number, p: number, eol: number): YNode {
    const s = this.s;
    const c = s.charCodeAt(p);
    let node: YNode;
    let end: number;
    if (c === 34 || c === 39) {
      end = quotedEnd(s, p, eol);
      if (end < 0) decline('quoted scalar the reader leaves to the parser');
      node = this.quoted(p, end);
    } else if (c === 91 || c === 123) {
      node = this.flow(p);
      end = node.end;
    } else {
      if (!plainStarts(s, p, false)) decline('value starts with an indicator');
      end = blockPlainEnd(s, p, eol);
      if (end < 0) decline('plain value holding ": "');
      node = this.plain(p, end, false);
    }
    if (!restIsComment(s, end, eol)) decline('text after a value');
    this.tail = Math.min(nextLine(s, eol), s.length);
    this.pos = nextLine(this.s, eol);
    this.gap(indent, true);
    return node;
  }
}

function isMarker(s: string, at: number, marker: '---' | '...'): boolean {
  return s.startsWith(marker, at) && blankAt(s, at + 3);
}
