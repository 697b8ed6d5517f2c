// Makes text from manifests (messages quote their values, paths are file names) safe to print: a
// control character or a bidirectional override must not colour, move or forge lines in a CI log.

// C0 controls, DEL, C1 controls, the bidi marks and overrides, and the Unicode line separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_RE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same without C0, which JSON.stringify already escapes (and whose raw newlines lay the JSON out). */
const UNSAFE_IN_JSON_RE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(c: string, digits: number): string {
  return (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(digits, '0');
}

/** The text for a terminal or log line: unsafe characters as `\n`, `\x1B`, `\u202E`. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_RE, (c) => SHORT[c] ?? (c <= '\u00ff' ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON text with those characters as `\uXXXX` escapes. JSON.stringify escapes only C0; the
 * others are legal raw inside strings (the only place they can occur), and the escape reads back
 * as the same string, so consumers see no difference while a `cat` in a log shows no surprise.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON_RE, (c) => `\\u${hex(c, 4)}`);
}
