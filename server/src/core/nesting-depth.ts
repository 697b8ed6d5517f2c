// A linear pre-scan of a YAML document for nesting depth (flow brackets plus block indentation
// levels), run before the parser: the parser, our tree and the rules all recurse, and a document
// nested tens of thousands of levels deep costs seconds (or the stack) before any of them returns.
//
// The scan errs towards counting less: brackets inside quotes, comments and block scalars, and
// `[`/`{` in the middle of a plain scalar, are not nesting.
//
// The same pass notes the two spots in flow collections where kubectl's reader (go-yaml v2) and ours
// split plain scalars differently (see flowColons below): finding them costs nothing more here.
import { work } from './work-count';

/**
 * Deeper than this is refused. Kubernetes' own decoders stop at 10,000 (gopkg.in/yaml.v2, which
 * sigs.k8s.io/yaml uses, has `max_flow_level` and `max_indents` of 10000; encoding/json, and its
 * fork sigs.k8s.io/json, `maxNestingDepth` 10000), but our parser (yaml 2.9) runs out of stack
 * near 900 nested flow collections even from an empty stack. Real manifests nest under 30 levels:
 * 256 leaves room for every caller's frames and the recursive walkers after the parser.
 */
export const MAX_NESTING_DEPTH = 256;

export interface TooDeep {
  /** Offset of the bracket, dash or line that goes past the limit. */
  at: number;
  depth: number;
}

export interface NestingScan {
  tooDeep?: TooDeep;
  /** Characters outside comments (read up to where the scan stopped). */
  content: number;
  /**
   * `:` inside a plain scalar in a flow collection, followed by `,`, `]` or `}` (`[2001:db8::]`).
   * go-yaml ends a plain scalar only at a `:` followed by a blank (scannerc.go,
   * `yaml_parser_scan_plain_scalar`), so the colon is part of the value; our parser ends it there.
   */
  flowColons: number[];
  /**
   * `:` starting an item of a flow collection, not followed by a blank (`[::1]`). go-yaml takes any
   * `:` there as the value indicator (scannerc.go, `yaml_parser_fetch_next_token`) and then finds no
   * node; our parser reads a plain scalar.
   */
  leadingColons: number[];
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}

/** One pass over the document: where it first nests too deep, and how much of it is not comments. */
export function scanNesting(text: string, limit = MAX_NESTING_DEPTH): NestingScan {
  let comments = 0;
  const flowColons: number[] = [];
  const leadingColons: number[] = [];
  const onColon = (at: number, leading: boolean): number => (leading ? leadingColons : flowColons).push(at);
  const tooDeep = scan(text, limit, (length) => (comments += length), onColon);
  return { tooDeep, content: text.length - comments, flowColons, leadingColons };
}

function isFlowEnd(c: number): boolean {
  return c === 44 /* , */ || c === 93 /* ] */ || c === 125; /* } */
}

type OnColon = (at: number, leading: boolean) => void;

function scan(text: string, limit: number, onComment: (length: number) => void, onColon: OnColon): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // One line of block context (or a line continuing a flow collection).
    const lineStart = i;
    while (i < n && text.charCodeAt(i) === SPACE) i++;
    const c0 = text.charCodeAt(i);
    if (flow === 0 && i < n && c0 !== LF && c0 !== CR && c0 !== 35 /* # */) {
      const indent = i - lineStart;
      while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
      if (indents.length > limit) return { at: i, depth: indents.length };
    }
    let valueStart = true;
    // Inside a plain scalar of a flow collection (only tracked there).
    let plain = false;
    let lineEnded = false;
    while (i < n && !lineEnded) {
      work.steps++;
      const c = text.charCodeAt(i);
      if (c === LF) {
        lineEnded = true;
        i++;
        break;
      }
      if (c === 35 /* # */ && (i === lineStart || isBlank(text.charCodeAt(i - 1)))) {
        const from = i;
        while (i < n && text.charCodeAt(i) !== LF) i++;
        onComment(i - from);
        plain = false;
        continue;
      }
      if (flow > 0 && c === 58 /* : */ && !isBlank(text.charCodeAt(i + 1))) {
        if (plain && isFlowEnd(text.charCodeAt(i + 1))) onColon(i, false);
        else if (!plain && valueStart) onColon(i, true);
        if (!plain && valueStart) valueStart = false;
        i++;
        continue;
      }
      if (c === 34 /* " */ || c === 39 /* ' */) {
        if ((flow > 0 && !plain) || valueStart) {
          i = skipQuoted(text, i);
          valueStart = false;
          continue;
        }
      } else if (c === 91 /* [ */ || c === 123 /* { */) {
        if (flow > 0 || valueStart) {
          flow++;
          plain = false;
          if (flow + indents.length > limit) return { at: i, depth: flow + indents.length };
          valueStart = true;
          i++;
          continue;
        }
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        if (flow > 0) flow--;
        plain = false;
      } else if (flow === 0 && (c === 124 /* | */ || c === 62) /* > */ && valueStart) {
        i = skipBlockScalar(text, i, lineStart);
        lineEnded = true;
        continue;
      } else if ((c === 45 /* - */ || c === 63 /* ? */ || c === 58) /* : */ && isBlank(text.charCodeAt(i + 1))) {
        // `- ` and `? ` open a compact block collection on the same line; after `: ` a value starts.
        if (flow === 0 && c !== 58 && valueStart) {
          // The collection inside starts where the content after the indicator does.
          let col = i + 1;
          while (text.charCodeAt(col) === SPACE) col++;
          if (col - lineStart > indents[indents.length - 1]) indents.push(col - lineStart);
          if (indents.length > limit) return { at: i, depth: indents.length };
        }
        valueStart = true;
        if (c === 58) plain = false;
        i++;
        continue;
      } else if (c === 44 /* , */ && flow > 0) {
        valueStart = true;
        plain = false;
        i++;
        continue;
      }
      if (!isBlank(c)) {
        valueStart = false;
        if (flow > 0 && c !== 93 && c !== 125) plain = true;
      }
      i++;
    }
  }
  return undefined;
}

/** Past the closing quote (a quoted scalar may span lines), or the end of the text. */
function skipQuoted(text: string, at: number): number {
  const q = text.charCodeAt(at);
  let i = at + 1;
  while (i < text.length) {
    work.steps++;
    const c = text.charCodeAt(i);
    if (q === 34 && c === 92 /* \ */) i += 2;
    else if (c === q) {
      if (q === 39 && text.charCodeAt(i + 1) === 39) i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

/** Past the last line of a block scalar: the lines after its header indented more than the header's line. */
function skipBlockScalar(text: string, at: number, lineStart: number): number {
  let indent = 0;
  while (text.charCodeAt(lineStart + indent) === SPACE) indent++;
  let i = text.indexOf('\n', at);
  if (i < 0) return text.length;
  i++;
  while (i < text.length) {
    let j = i;
    while (text.charCodeAt(j) === SPACE) j++;
    work.steps += j - i + 1;
    const c = text.charCodeAt(j);
    const blank = c === LF || c === CR || j >= text.length;
    if (!blank && j - i <= indent) return i;
    const nl = text.indexOf('\n', j);
    if (nl < 0) return text.length;
    i = nl + 1;
  }
  return i;
}
