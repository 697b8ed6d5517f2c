// Reads one line of block-style YAML without a parser: indentation, `- ` item markers, a `key:`
// and what follows it. Completion works from lines because the document being typed is often not
// valid YAML yet (`mode:` with nothing after it, a half-written key, a stray indent).

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

/** A `key:` at the start of the text: quoted, or plain up to the first `: ` / `:` at the end. */
const KEY_RE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#"'[\]{},&*!|>%@`](?:[^#:]|:(?![ \t]|$))*?))[ \t]*:(?=[ \t]|$)/;

export function matchKey(text: string): { name: string; length: number } | undefined {
  const m = KEY_RE.exec(text);
  if (!m) return undefined;
  const name = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3].trimEnd();
  return { name, length: m[0].length };
}

/** Cuts a trailing comment (`#` after white space, outside quotes). */
export function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
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
    return { indent, dashes, contentCol: col, key: { name: key.name, col }, rest: withoutProperties(stripComment(content.slice(key.length)).trim()) };
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
