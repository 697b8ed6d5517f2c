// Splits a multi-document YAML file into per-document chunks by scanning for document markers,
// without parsing, so that unchanged documents can be recognised by their text and skipped.
//
// YAML 1.2 treats `---` or `...` at column 0 followed by white space or end of line as a
// document marker everywhere (even where a scalar would otherwise continue), so a line scan is
// exact. A chunk starts at its `---` line (directives before it belong to it) and ends where the
// next chunk starts; an `...` line ends its chunk.

import { withLineFeeds } from './line-breaks';

export interface Chunk {
  /** Offset of the chunk's first character in the file. */
  start: number;
  text: string;
}

function isMarkerLine(text: string, i: number, marker: '---' | '...'): boolean {
  if (!text.startsWith(marker, i)) return false;
  const next = text.charCodeAt(i + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

export function splitDocuments(file: string): Chunk[] {
  // Markers are found in the file's LF twin (a lone `\r` ends a line: line-breaks.ts); the chunks
  // are cut from the file as written, at the same offsets.
  const text = withLineFeeds(file);
  const starts: number[] = [0];
  let pendingDirectiveStart = -1;
  let sawContent = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl === -1) nl = text.length;
    // A byte order mark is not content: the first line is read from after it.
    const from = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
    const first = text.charCodeAt(from);
    if (first === 45 /* - */ && isMarkerLine(text, from, '---')) {
      const at = pendingDirectiveStart >= 0 ? pendingDirectiveStart : lineStart;
      if (sawContent && at > starts[starts.length - 1]) starts.push(at);
      sawContent = true;
      pendingDirectiveStart = -1;
    } else if (first === 46 /* . */ && isMarkerLine(text, from, '...')) {
      const after = nl + 1;
      if (after < text.length) starts.push(after);
      sawContent = false;
      pendingDirectiveStart = -1;
    } else if (first === 37 /* % */) {
      // `%` cannot start a plain scalar at column 0, so this is a directive of the next document.
      if (pendingDirectiveStart < 0) pendingDirectiveStart = lineStart;
    } else if (!isBlankOrComment(text, from, nl)) {
      sawContent = true;
    }
    lineStart = nl + 1;
  }
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    chunks.push({ start, text: file.slice(start, end) });
  }
  return chunks;
}

function isBlankOrComment(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c === 35; /* # */
  }
  return true;
}
