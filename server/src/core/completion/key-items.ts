// Completion of keys: the properties the schema allows in the map at the cursor, minus those
// already written; required ones first, server-managed and deprecated ones last.
import type { PathSegment } from '../locate';
import type { CursorContext } from '../editing/cursor-context';
import { descriptionOf, propertiesOf, requiredOf, type JsonSchema, type SchemaSource } from '../schema-walk';
import { fieldMarkdown } from '../editing/field-doc';
import { keySnippet } from './insert-text';
import type { Suggestion } from './types';

/** Fields people should rarely write by hand: listed, but after everything else. */
const DEMOTED = /^(Deprecated|Old spelling|Set by the API server|Written by the controller)/;

export function keyItems(
  source: SchemaSource,
  parent: JsonSchema,
  path: readonly PathSegment[],
  ctx: CursorContext,
  fileOffset: number,
): Suggestion[] {
  const required = new Set(requiredOf(parent));
  const out: Suggestion[] = [];
  propertiesOf(source, parent).forEach(([name, schema], order) => {
    if (ctx.presentKeys.has(name)) return;
    // `status` is written by controllers; a manifest that sets it is rejected or ignored.
    if (path.length === 0 && name === 'status') return;
    const description = descriptionOf(schema) ?? '';
    const demoted = DEMOTED.test(description);
    const rank = required.has(name) ? 0 : demoted ? 2 : 1;
    const insert = keySnippet(source, name, schema, ctx);
    out.push({
      label: name,
      kind: 'key',
      detail: required.has(name) ? 'required' : undefined,
      documentation: fieldMarkdown(source, { path: [...path, name], schema, parent }),
      insertText: insert.text,
      snippet: insert.snippet,
      start: fileOffset + ctx.replaceStart,
      end: fileOffset + ctx.replaceEnd,
      sortText: `${rank}${String(order).padStart(4, '0')}`,
      filterText: name,
      deprecated: /^(Deprecated|Old spelling)/.test(description) || undefined,
    });
  });
  return out;
}
