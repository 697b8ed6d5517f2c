// Builders for the minimal edits that fixes make; every fix should go through these so that
// quoting, comments and layout around the changed value stay exactly as the author wrote them,
// and nothing an alias shares is edited (see scalar-edit.ts).
import type { DocContext } from './rule';
import type { PathSegment } from '../../locate';
import type { Fix, TextEdit } from '../../types';
import { editableScalar, replaceScalar } from '../../scalar-edit';

export { replaceScalar };

/** Edits setting the scalar at `path` (or its key, renamed) to `newValue`; undefined when not safe to edit. */
export function setValueEdits(
  ctx: DocContext,
  path: readonly PathSegment[],
  newValue: string,
  on: 'key' | 'value' = 'value',
): TextEdit[] | undefined {
  const node = editableScalar(ctx.root, path, on);
  return node && replaceScalar(ctx.text, node, newValue);
}

/** A fix that sets the scalar at `path` to `newValue`; undefined when the value is not in the text. */
export function setValueFix(
  ctx: DocContext,
  path: readonly PathSegment[],
  newValue: string,
  title: string,
  safe: boolean,
): Fix | undefined {
  const edits = setValueEdits(ctx, path, newValue);
  return edits ? { title, edits, safe, preferred: true } : undefined;
}
