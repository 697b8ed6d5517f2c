// Reads one line of block-style YAML without a parser: indentation, `- ` item markers, a `key:`
// and what follows it. Completion works from lines because the document being typed is often not
// valid YAML yet (`mode:` with nothing after it, a half-written key, a stray indent).
import { work } from '../work-count';

export interface YamlLine {
  indent: number;
  /** Columns of the `- ` markers at the start of the content, outermost first. */
  dashes: number[];
  /** Column where the content after the markers starts. */
  contentCol: number;
  key?: { name: string; col: number };
  /** Text after `key:` (or the item's scalar), comment removed and trimmed; '' when nothing. */
  rest: string;
}

/** A quoted `key:` at the start of the text (the quoted forms cannot backtrack: one way to read each). */
const QUOTED_KEY_RE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')[ \t]*:(?=[ \t]|$)/;
/** Characters that cannot start a plain key. */
const NOT_KEY_START = new Set([...'#"\'[]{},&*!|>%@`']);

/** A `key:` at the start of the text: quoted, or plain up to the first `: ` / `:` at the end. */
export function matchKey(text: string): { name: string; length: number } | undefined {
  const first = text[0];
  if (first === '"' || first === "'") {
    const m = QUOTED_KEY_RE.exec(text);
    if (!m) return undefined;
    return { name: m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2].replace(/''/g, "'"), length: m[0].length };
  }
  if (first === undefined || /\s/.test(first) || NOT_KEY_START.has(first)) return undefined;
  // A plain key runs to the first colon followed by a blank or the end, and holds no `#`. Read by
  // hand: as a regular expression (a lazy run, then blanks, then the colon) a long line of spaces
  // cost time quadratic in its length on every completion request.
  for (let i = 1; i < text.length; i++) {
    work.steps++;
    const c = text[i];
    if (c === '#') return undefined;
    if (c === ':' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      return { name: text.slice(0, i).trimEnd(), length: i + 1 };
    }
  }
  return undefined;
}

/** Cuts a trailing comment (`#` after white space, outside quotes). */
export function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    work.steps++;
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /\s/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i);
    }
  }
  return text;
}

/** `&anchor` and `!tag` before a value say nothing about it. */
export function withoutProperties(rest: string): string {
  return rest.replace(/^(?:[&!]\S*\s*)+/, '');
}

export function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t[0] === '"' && t[t.length - 1] === '"') return t.slice(1, -1).replace(/\\(.)/g, '$1');
  if (t.length >= 2 && t[0] === "'" && t[t.length - 1] === "'") return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

export function readLine(line: string): YamlLine {
  const indent = indentOf(line);
  const dashes: number[] = [];
  let col = indent;
  while (line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ' || line[col + 1] === '\t')) {
    dashes.push(col);
    col++;
    while (line[col] === ' ' || line[col] === '\t') col++;
  }
  const content = line.slice(col);
  const key = matchKey(content);
  if (key) {
    return {
      indent,
      dashes,
      contentCol: col,
      key: { name: key.name, col },
      rest: withoutProperties(stripComment(content.slice(key.length)).trim()),
    };
  }
  return { indent, dashes, contentCol: col, rest: stripComment(content).trim() };
}

export function isBlankOrComment(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

export function isDocumentMarker(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line) || line.startsWith('%');
}
