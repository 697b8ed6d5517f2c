// Character-level scanning for the text reader (tree-from-text.ts): where a one-line scalar, key or
// flow collection ends, by charCodeAt loops. Each function returns -1 (or false) for any shape the
// parser could read differently or report on, so the reader declines rather than guess.

const SPACE = 32;
/** `#`, which starts a comment after a blank; shared with the reader's other files. */
export const HASH = 35;
const COLON = 58;
const NL = 10;
const CR = 13;

/** Characters that may not start a plain scalar (indicators), as the parser's lexer sees them. */
const BAD_FIRST = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`'].map((c) => c.charCodeAt(0)));
const FLOW_STOP = new Set([',', '[', ']', '{', '}'].map((c) => c.charCodeAt(0)));

/**
 * Whether the character at `i` ends a "blank": a space, a line end or the end of the text. An
 * indicator (`-`, `?`, `:`) counts only when such a blank follows it.
 */
export function blankAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === SPACE || c === NL || c === CR || Number.isNaN(c);
}

/** Whether a plain scalar may start at `i` (`flow`: inside [ ] or { }, where , and brackets end it too). */
export function plainStarts(s: string, i: number, flow: boolean): boolean {
  const c = s.charCodeAt(i);
  if (Number.isNaN(c) || c === SPACE || c === NL || BAD_FIRST.has(c)) return false;
  if (c === 45 /* - */ || c === 63 /* ? */ || c === COLON) {
    const next = s.charCodeAt(i + 1);
    if (blankAt(s, i + 1) || (flow && FLOW_STOP.has(next))) return false;
    // A leading `:` inside brackets is the kubectl warning's business, and `:` starts are rare.
    if (c === COLON) return false;
  }
  return true;
}

/** End of the line that `i` is on (the index of its `\r\n` or `\n`, or the text's length). */
export function lineEnd(s: string, i: number): number {
  const nl = s.indexOf('\n', i);
  if (nl < 0) return s.length;
  return nl > i && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

/** Start of the line after the one ending at `eol` (past the text's end on the last line). */
export function nextLine(s: string, eol: number): number {
  return s.charCodeAt(eol) === CR ? eol + 2 : eol + 1;
}

/**
 * End of a block plain scalar starting at `from` (a value, not a key): up to a ` #` comment or the
 * line end, trailing spaces left out. -1 where `: ` (or a final `:`) would make it a key.
 */
export function blockPlainEnd(s: string, from: number, eol: number): number {
  let end = from;
  for (let i = from; i < eol; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE) {
      if (s.charCodeAt(i + 1) === HASH) break;
      continue;
    }
    if (c === COLON && blankAt(s, i + 1)) return -1;
    end = i + 1;
  }
  return end;
}

/**
 * End of a plain key starting at `from`: the index of its `:` (followed by a blank), with no space
 * before it; -1 when the line holds no such key (a comment or `: ` missing, spaces before `:`).
 */
export function plainKeyEnd(s: string, from: number, eol: number): number {
  for (let i = from; i < eol; i++) {
    const c = s.charCodeAt(i);
    if (c === COLON && blankAt(s, i + 1)) return s.charCodeAt(i - 1) === SPACE ? -1 : i;
    if (c === SPACE && s.charCodeAt(i + 1) === HASH) return -1;
  }
  return -1;
}

/**
 * Index just past the closing quote of a one-line quoted scalar opening at `from`, or -1 when it
 * holds an escape or doubled quote (values the parser's own reader must build) or does not close
 * on this line.
 */
export function quotedEnd(s: string, from: number, eol: number): number {
  const quote = s.charCodeAt(from);
  for (let i = from + 1; i < eol; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */ && quote === 34) return -1;
    if (c === quote) return s.charCodeAt(i + 1) === quote ? -1 : i + 1;
  }
  return -1;
}

/**
 * End of a plain scalar inside [ ] or { } starting at `from`: before , ] } or spaces; -1 on a `#`, a
 * bracket, or a `:` that is an indicator (before a blank or a flow indicator: a pair, not a scalar).
 */
export function flowPlainEnd(s: string, from: number, eol: number): number {
  let end = from;
  for (let i = from; i < eol; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 93 || c === 125) return end;
    if (c === COLON && (blankAt(s, i + 1) || FLOW_STOP.has(s.charCodeAt(i + 1)))) return -1;
    if (c === 91 || c === 123) return -1;
    if (c === SPACE) {
      if (s.charCodeAt(i + 1) === HASH) return -1;
      continue;
    }
    end = i + 1;
  }
  return -1;
}

/** Index of the first non-space at or after `i` on its line. */
export function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === SPACE) i++;
  return i;
}

/**
 * Whether the rest of a line from `i` (just after a node) is blanks, or blanks then a comment: the
 * parser needs a space before `#`, and anything else after a one-line node is an error or more YAML.
 */
export function restIsComment(s: string, i: number, eol: number): boolean {
  const j = skipSpaces(s, i);
  if (j >= eol) return true;
  return s.charCodeAt(j) === HASH && j > i;
}

/**
 * Whether the text holds a character this reader leaves to the parser anywhere: tabs, carriage
 * returns outside CRLF and other controls, a byte order mark, and the line breaks some readers know (NEL, LS, PS).
 */
export function hasAwkwardCharacter(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32) {
      if (c !== NL && (c !== CR || s.charCodeAt(i + 1) !== NL)) return true;
    } else if (c >= 127 && (c < 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff)) return true;
  }
  return false;
}
