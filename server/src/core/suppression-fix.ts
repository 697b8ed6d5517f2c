// The edit behind "suppress this finding": a `# meshlint-disable-next-line <rule-id>` comment line
// above the finding's line, indented like it. Where a comment line cannot go (the finding sits on a
// later line of a multi-line string or flow collection, where a new line would change the value),
// a `# meshlint-disable` / `# meshlint-enable` pair goes around the whole value instead.
import type { YNode } from './parse';
import { canSuppress } from './suppressions';
import type { TextEdit } from './types';
import { withLineFeeds } from './line-breaks';

export interface ParsedDocumentRef {
  /** Offset of the document in the file, and its positioned tree (offsets relative to it). */
  start: number;
  end: number;
  root: YNode | null;
}

export function suppressionEdits(written: string, documents: readonly ParsedDocumentRef[], offset: number, ruleId: string): TextEdit[] {
  // A comment that would not hide the finding is not offered.
  if (!canSuppress(ruleId)) return [];
  // Lines are found in the LF twin (a lone `\r` ends one: line-breaks.ts); its offsets are the file's.
  const text = withLineFeeds(written);
  const lineStart = startOfLine(text, offset);
  const doc = documents.find((d) => offset >= d.start && offset < d.end) ?? documents.find((d) => offset === d.end);
  const span = doc ? multiLineValueAround(doc.root, offset - doc.start, text, doc.start, lineStart) : undefined;
  if (span) {
    const first = startOfLine(text, span.start);
    const indent = indentAt(text, first);
    const last = startOfLine(text, Math.max(span.start, span.end - 1));
    const next = endOfLine(text, last);
    const eol = eolAt(text, first);
    const enable =
      next < text.length
        ? { start: next + 1, end: next + 1, newText: `${indent}# meshlint-enable ${ruleId}${eol}` }
        : { start: text.length, end: text.length, newText: `${eol}${indent}# meshlint-enable ${ruleId}${eol}` };
    return [{ start: first, end: first, newText: `${indent}# meshlint-disable ${ruleId}${eol}` }, enable];
  }
  // Add the id to a directive already on the line above rather than stacking a second one.
  if (lineStart > 0) {
    const prevStart = startOfLine(text, lineStart - 1);
    const prev = text.slice(prevStart, lineStart).replace(/\r?\n$/, '');
    const m = /^\s*#\s*meshlint-disable-next-line\b([^#]*)$/.exec(prev);
    if (m && m[1].trim() !== '') {
      if (m[1].split(/[\s,]+/).includes(ruleId)) return [];
      const at = prevStart + prev.trimEnd().length;
      return [{ start: at, end: at, newText: ` ${ruleId}` }];
    }
  }
  return [
    {
      start: lineStart,
      end: lineStart,
      newText: `${indentAt(text, lineStart)}# meshlint-disable-next-line ${ruleId}${eolAt(text, lineStart)}`,
    },
  ];
}

/**
 * The outermost scalar or flow collection holding `offset` that began on an earlier line than the
 * finding's (file offsets), or undefined when a comment line can go right above the finding.
 */
function multiLineValueAround(
  root: YNode | null,
  rel: number,
  text: string,
  docStart: number,
  lineStart: number,
): { start: number; end: number } | undefined {
  let node: YNode | null = root;
  for (let depth = 0; node && depth < 256; depth++) {
    const start = docStart + node.start;
    const end = docStart + node.end;
    const inline = node.kind === 'scalar' || ((node.kind === 'map' || node.kind === 'seq') && node.flow);
    if (inline && start < lineStart && text.slice(start, end).includes('\n')) return { start, end };
    node = childAt(node, rel);
  }
  return undefined;
}

function childAt(node: YNode, rel: number): YNode | null {
  const within = (n: YNode | null): n is YNode => n !== null && rel >= n.start && rel < Math.max(n.end, n.start + 1);
  if (node.kind === 'map') {
    for (const p of node.pairs) {
      if (within(p.key)) return p.key;
      if (within(p.value)) return p.value;
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) if (within(item)) return item;
  }
  return null;
}

function startOfLine(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', Math.max(0, offset) - 1) + 1;
  // A byte order mark must stay the file's first character: the first line starts after it.
  return start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}

function endOfLine(text: string, lineStart: number): number {
  const nl = text.indexOf('\n', lineStart);
  return nl < 0 ? text.length : nl;
}

function indentAt(text: string, lineStart: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart, endOfLine(text, lineStart)))?.[0] ?? '';
}

function eolAt(text: string, lineStart: number): string {
  const end = endOfLine(text, lineStart);
  // The last line may have no line break of its own: the one before it tells the file's style.
  const at = end < text.length ? end : lineStart - 1;
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}
