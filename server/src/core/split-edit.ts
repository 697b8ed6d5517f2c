// Splits an edited file into documents from its previous split: only the documents around the edit
// are split again, the others keep their chunk (and text string) from before, moved by the length
// change. Typing into a file of thousands of documents then costs a scan of the edited region, and
// the engine's cache finds each unchanged document by the very string it was stored under.
import { splitDocuments, type Chunk } from './split';

const BOM = 0xfeff;

/** `---` at `at`, followed by white space or the end: a document start marker line. */
function startsWithMarker(text: string, at: number): boolean {
  if (!text.startsWith('---', at)) return false;
  const next = text.charCodeAt(at + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/**
 * `splitDocuments(after)`, given `chunks = splitDocuments(before)`. Correct for any pair of texts;
 * falls back to a full split when the edit leaves no safe place to start or stop.
 *
 * Why re-splitting part of the file is exact: a split starts a chunk at a `---` line (or the
 * directives before it) or after a `...` line, and once such a first line is read the scanner's
 * state is the same as at the start of a file. So the split of the region from the chunk before the
 * edit to a `---` chunk after it, shifted to where the region starts, is the whole file's split
 * there, provided the region's split starts a chunk on that `---` line too (the text before it may
 * have lost all its content, which merges it into the chunk before).
 */
export function resplitDocuments(before: string, chunks: readonly Chunk[], after: string, known?: KnownSame): Chunk[] {
  if (before === after) return [...chunks];
  const delta = after.length - before.length;
  // Chunks before the edit: equal text at the same place, whole lines (the file's last chunk may end
  // inside a line that the edit continues). Those inside the known prefix need no comparing.
  const inPlace = (c: Chunk): boolean => c.text.endsWith('\n') && after.startsWith(c.text, c.start);
  let first = known ? countWhile(chunks, (c) => c.start + c.text.length <= known.prefix && c.text.endsWith('\n')) : 0;
  while (first < chunks.length && inPlace(chunks[first])) first++;
  // Chunks after the edit: equal text, moved by the length change (never overlapping those before).
  const moved = (c: Chunk): boolean => c.start + delta >= 0 && after.startsWith(c.text, c.start + delta);
  let last = chunks.length;
  if (known)
    last = Math.max(
      first,
      countWhile(chunks, (c) => c.start < before.length - known.suffix),
    );
  while (last > first && moved(chunks[last - 1])) last--;
  // Start one chunk before the first changed one: its start is decided by text before the edit.
  const from = Math.max(0, first - 1);
  const regionStart = from < chunks.length ? chunks[from].start : 0;
  // Where to stop: the first kept chunk after the edit that starts with a `---` line.
  let stop = last;
  while (stop < chunks.length && !startsWithMarker(before, chunks[stop].start)) stop++;
  // A split reads a byte order mark at its start as no text: only the file's own start may have one.
  if (regionStart > 0 && after.charCodeAt(regionStart) === BOM) return splitDocuments(after);
  if (stop >= chunks.length) return [...chunks.slice(0, from), ...shifted(splitDocuments(after.slice(regionStart)), regionStart)];
  const regionEnd = chunks[stop].start + delta;
  const lineEnd = after.indexOf('\n', regionEnd);
  const probeEnd = lineEnd === -1 ? after.length : lineEnd + 1;
  if (regionEnd <= regionStart) return splitDocuments(after);
  const region = splitDocuments(after.slice(regionStart, probeEnd));
  // The region's split must start a chunk on the stop line, as the old split did.
  if (region[region.length - 1].start !== regionEnd - regionStart) return splitDocuments(after);
  // That chunk is the stop line alone; the kept chunks from there on replace it.
  region.pop();
  const middle = shifted(region, regionStart);
  const tail = chunks.slice(stop).map((c) => ({ start: c.start + delta, text: c.text }));
  return [...chunks.slice(0, from), ...middle, ...tail];
}

/**
 * What the caller knows of the edit (from the editor's change events): at least this many characters
 * at the start, and at the end, are the same in both texts. Comparing text is what re-splitting
 * would otherwise spend its time on.
 */
export interface KnownSame {
  prefix: number;
  suffix: number;
}

/** How many chunks from the start satisfy `test` (which holds for a prefix of them): a binary search. */
function countWhile(chunks: readonly Chunk[], test: (c: Chunk) => boolean): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(chunks[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shifted(chunks: readonly Chunk[], by: number): Chunk[] {
  return by === 0 ? [...chunks] : chunks.map((c) => ({ start: c.start + by, text: c.text }));
}
