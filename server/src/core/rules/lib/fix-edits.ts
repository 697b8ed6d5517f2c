// Builders for the minimal edits that fixes make; every fix should go through these so that
// quoting, comments and layout around the changed value stay exactly as the author wrote them.
import type { DocContext } from './rule';
import type { PathSegment } from '../../locate';
import type { Fix, TextEdit } from '../../types';

/** Replace a scalar's text, keeping its quotes. */
export function replaceScalar(text: string, span: { start: number; end: number }, newValue: string): TextEdit {
  const first = text[span.start];
  if ((first === '"' || first === "'") && span.end - span.start >= 2 && text[span.end - 1] === first) {
    return { start: span.start + 1, end: span.end - 1, newText: newValue };
  }
  return { start: span.start, end: span.end, newText: newValue };
}

/** A fix that sets the scalar at `path` to `newValue`; undefined when the value is not in the text. */
export function setValueFix(ctx: DocContext, path: readonly PathSegment[], newValue: string, title: string, safe: boolean): Fix | undefined {
  const span = ctx.spanOf(path, 'value');
  if (!span) return undefined;
  return { title, edits: [replaceScalar(ctx.text, span, newValue)], safe, preferred: true };
}
