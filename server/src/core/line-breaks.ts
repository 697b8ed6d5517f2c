// Lone carriage returns (classic Mac OS line endings, `\r` with no `\n` after it) end a line for
// go-yaml, kubectl's YAML reader: is_break counts `\r` on its own as a break (yamlprivateh.go, line
// 102, the same in go-yaml v2, which sigs.k8s.io/yaml vendors, and v3), so kubectl reads a
// one-document file written that way as the manifest it looks like. The `yaml` library reads them
// as ordinary characters, and such a file came out as one long line full of syntax errors. Every
// reader here takes the text with each lone `\r` replaced by `\n`: one character for one, so every
// offset into it is an offset into the file as written. (kubectl's own document splitter does not
// end lines there: what that loses in a file of several documents is kubectl-split.ts's to say.)

const LONE_CR = /\r(?!\n)/g;

/** Whether `text` has a `\r` that is not the first half of a `\r\n`. */
export function hasLoneCarriageReturn(text: string): boolean {
  // Most texts have no `\r` at all: one native scan answers for them.
  if (!text.includes('\r')) return false;
  LONE_CR.lastIndex = 0;
  return LONE_CR.test(text);
}

/** `text` with each lone `\r` made a `\n`; the same string when it has none. Offsets are unchanged. */
export function withLineFeeds(text: string): string {
  return hasLoneCarriageReturn(text) ? text.replace(LONE_CR, '\n') : text;
}

/**
 * `fixed` (the file after its fixes) with the line endings of `written` when `written` ends its
 * lines with lone `\r` only: fixes are made on the LF twin, so the lines they add end in `\n`.
 * A file that mixes endings keeps them mixed; the lines a fix adds end in `\n` there.
 */
export function inWrittenLineEndings(written: string, fixed: string): string {
  if (written.includes('\n') || !written.includes('\r')) return fixed;
  return fixed.replace(/\r?\n/g, '\r');
}

/** The first line of `text` (a lone `\r` ends it too), or its first character when that line is empty. */
export function firstLineSpan(text: string): { start: number; end: number } {
  const nl = withLineFeeds(text).indexOf('\n');
  return { start: 0, end: nl > 0 ? nl : Math.min(1, text.length) };
}
