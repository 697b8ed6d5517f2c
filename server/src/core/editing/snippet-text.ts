// Expands TextMate/LSP snippet syntax to the text it inserts when every placeholder keeps its
// default: `${1:default}` -> default, `$1` -> the default given to tabstop 1 elsewhere (or ''),
// `${1|a,b|}` -> a, `$0` -> '', `${VAR:default}` -> default, `\$` `\}` `\\` -> literal characters.
// Used for clients without snippet support and to check that snippets expand to clean manifests.

interface Parser {
  text: string;
  i: number;
  defaults: Map<string, string>;
}

export function expandSnippet(snippet: string): string {
  // Two passes: a bare `$1` before `${1:default}` still mirrors that default.
  const defaults = new Map<string, string>();
  parse({ text: snippet, i: 0, defaults }, undefined);
  return parse({ text: snippet, i: 0, defaults }, undefined);
}

/** Parses until `stop` (a closing brace of the enclosing placeholder) or the end. */
function parse(p: Parser, stop: '}' | undefined): string {
  let out = '';
  while (p.i < p.text.length) {
    const c = p.text[p.i];
    if (c === '\\' && p.i + 1 < p.text.length && '$}\\'.includes(p.text[p.i + 1])) {
      out += p.text[p.i + 1];
      p.i += 2;
      continue;
    }
    if (stop && c === stop) return out;
    if (c === '$') {
      out += dollar(p);
      continue;
    }
    out += c;
    p.i++;
  }
  return out;
}

function dollar(p: Parser): string {
  const rest = p.text.slice(p.i + 1);
  const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
  if (simple) {
    p.i += 1 + simple[0].length;
    return /^\d/.test(simple[0]) ? (p.defaults.get(simple[0]) ?? '') : '';
  }
  if (rest[0] !== '{') {
    p.i++;
    return '$';
  }
  const head = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
  if (!head) {
    p.i++;
    return '$';
  }
  const id = head[1];
  p.i += 1 + head[0].length;
  const next = p.text[p.i];
  if (next === '}') {
    p.i++;
    return /^\d/.test(id) ? (p.defaults.get(id) ?? '') : '';
  }
  if (next === ':') {
    p.i++;
    const value = parse(p, '}');
    p.i++; // the closing brace
    if (/^\d/.test(id) && !p.defaults.has(id)) p.defaults.set(id, value);
    return value;
  }
  if (next === '|') {
    p.i++;
    const choices: string[] = [''];
    while (p.i < p.text.length && !(p.text[p.i] === '|' && p.text[p.i + 1] === '}')) {
      const ch = p.text[p.i];
      if (ch === '\\' && p.i + 1 < p.text.length && ',|\\'.includes(p.text[p.i + 1])) {
        choices[choices.length - 1] += p.text[p.i + 1];
        p.i += 2;
      } else if (ch === ',') {
        choices.push('');
        p.i++;
      } else {
        choices[choices.length - 1] += ch;
        p.i++;
      }
    }
    p.i += 2;
    if (/^\d/.test(id) && !p.defaults.has(id)) p.defaults.set(id, choices[0]);
    return choices[0];
  }
  if (next === '/') {
    // A transform (`${1/regex/format/flags}`): rare in manifests; skip it to the closing brace.
    let depth = 1;
    while (p.i < p.text.length && depth > 0) {
      if (p.text[p.i] === '\\') p.i++;
      else if (p.text[p.i] === '{') depth++;
      else if (p.text[p.i] === '}') depth--;
      p.i++;
    }
    return '';
  }
  p.i++;
  return '$';
}
