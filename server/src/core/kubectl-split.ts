// How kubectl cuts a file into documents before any YAML is read, and what it loses there. kubectl
// reads a file line by line, a line ending only at `\n` (LineReader.Read, bufio's ReadLine), and a
// line that begins with `---` starts the next piece; after the `---` it accepts only spaces or a
// comment, else it fails with "invalid Yaml document separator" (YAMLReader.Read). Each piece goes
// to go-yaml, which reads the first document of it and ignores the rest (YAMLToJSONDecoder.Decode).
// All in staging/src/k8s.io/apimachinery/pkg/util/yaml/decoder.go of kubernetes/kubernetes (commit
// 044f937: lines 387, 343 - 361 and 132 - 143). So a document that YAML starts but kubectl does not
// is never applied: one after a `...` line with no `---`, or any after the first in a file whose
// lines end in a lone `\r`. Checked with kubectl 1.32 (`create --dry-run=client`).
import { hasLoneCarriageReturn } from './line-breaks';
import type { Finding } from './types';

/** Go's strings.TrimSpace: Unicode white space at both ends (JavaScript's `\s` also counts U+FEFF). */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');
const FIX_LINE_ENDS = 'Save the file with `\\n` (or `\\r\\n`) line ends.';

/**
 * Warnings (rule `ruleId`) where kubectl reads `text` otherwise than YAML does: the `---` line it
 * stops at, and each document it never applies. `contentStarts`: where each of the file's YAML
 * documents that holds something begins, in file order.
 */
export function kubectlSplitFindings(text: string, contentStarts: readonly number[], ruleId: string): Finding[] {
  // A stream whose first character other than white space is `{` is read as JSON (hasJSONPrefix);
  // a chart template is rendered before kubectl reads it.
  if (/^\s*\{/.test(text) || text.includes('{{')) return [];
  const out: Finding[] = [];
  const separators: number[] = [];
  let stop = text.length;
  /** The start of the next line after `from` that begins with `---`, or -1. */
  const markerAfter = (from: number): number => {
    const nl = text.indexOf('\n---', from);
    return nl === -1 ? -1 : nl + 1;
  };
  for (let line = text.startsWith('---') ? 0 : markerAfter(0); line !== -1; line = markerAfter(line)) {
    // Nearly every separator is `---` alone on its line: no need to cut and trim the rest.
    const after = text.charCodeAt(line + 3);
    if (after === 10 || Number.isNaN(after) || (after === 13 && text.charCodeAt(line + 4) === 10)) {
      separators.push(line);
      continue;
    }
    const lineEnd = text.indexOf('\n', line);
    // Without its `\n`: a `\r` at its end is half of a `\r\n`, any other one a lone `\r`.
    const raw = text.slice(line + 3, lineEnd === -1 ? text.length : lineEnd);
    const rest = raw.replace(GO_TRIM, '');
    if (rest !== '' && !rest.startsWith('#')) {
      out.push({ ruleId, severity: 'warning', message: refusal(line, raw, rest, separators, contentStarts), start: line, end: line + 3 });
      stop = line;
      break;
    }
    separators.push(line);
  }
  let piece = -1;
  let next = 0;
  let previous = -1;
  for (const start of contentStarts) {
    if (start >= stop) break;
    let at = piece;
    while (next < separators.length && separators[next] <= start) {
      at = next;
      next++;
    }
    if (previous >= 0 && at === piece) {
      const lineEnd = text.slice(start).search(/[\r\n]/);
      const message = hasLoneCarriageReturn(text.slice(previous, start))
        ? "kubectl does not apply this document: the file's lines end in a lone carriage return, which kubectl does not take for a line end, so it finds no `---` line before this document and passes it to go-yaml with the one above; go-yaml reads only the first. " +
          FIX_LINE_ENDS
        : 'kubectl does not apply this document: kubectl starts a document only at a `---` line (not after `...`), so it passes this one to go-yaml with the one above, and go-yaml reads only the first. Start this document with a `---` line.';
      out.push({ ruleId, severity: 'warning', message, start, end: lineEnd === -1 ? text.length : start + lineEnd });
    }
    piece = at;
    previous = start;
  }
  return out;
}

/** Why kubectl fails at the `---` line starting at `line`, and what it does not apply then. */
function refusal(line: number, raw: string, rest: string, separators: readonly number[], contentStarts: readonly number[]): string {
  const failure = 'fails with "invalid Yaml document separator"';
  if (/\r(?!$)/.test(raw) && line === 0)
    return `kubectl cannot read this file: its lines end in a lone carriage return, which kubectl does not take for a line end, so it reads \`---\` followed by the rest of the file and ${failure}. ${FIX_LINE_ENDS}`;
  // The document being read when the line comes is lost with it, unless a `---` line ended it.
  const pieceStart = separators.length > 0 ? separators[separators.length - 1] : 0;
  const lost = contentStarts.some((c) => c >= pieceStart && c < line)
    ? 'neither the document above this line nor any after it is applied'
    : 'no document from here on is applied';
  if (/\r(?!$)/.test(raw))
    return `kubectl ${failure} on this line: the lines after it end in a lone carriage return, which kubectl does not take for a line end, so it reads \`---\` followed by the rest of the file; ${lost}. ${FIX_LINE_ENDS}`;
  if (rest.startsWith('-'))
    return `kubectl takes every line that begins with \`---\` for a document separator and ${failure} on this one; ${lost}. Quote or indent what this line holds, so that it does not begin with \`---\`.`;
  return `kubectl ${failure} on this line: after \`---\` it accepts only spaces or a comment on the same line; ${lost}. Move what follows \`---\` to the next line.`;
}
