// Completion of values from the schema: enum members (with what each means), booleans, consts.
// The zero-trust choice of a security setting comes first and is preselected.
import type { CursorContext } from '../editing/cursor-context';
import { conceptOf, descriptionOf, enumOf, type JsonSchema, shapeOf, type SchemaSource } from '../schema-walk';
import { explainValue } from '../hover/value-doc';
import type { ConceptLibrary } from '../hover/concept-text';
import { yamlValue } from './insert-text';
import type { Suggestion } from './types';

/** The safe value for each security concept's enum fields. */
const RECOMMENDED: Readonly<Record<string, string>> = {
  'mtls-modes': 'STRICT',
  'destination-rule-tls': 'ISTIO_MUTUAL',
  'certificate-lifetime': 'Always',
  'sidecar-injection': 'REGISTRY_ONLY',
};

export function valueItems(
  source: SchemaSource,
  schema: JsonSchema,
  ctx: CursorContext,
  fileOffset: number,
  concepts?: ConceptLibrary,
  /** The enclosing list's schema, whose concept covers its items. */
  list?: JsonSchema,
): Suggestion[] {
  let values = enumOf(schema);
  if (!values && schema.type === 'boolean') values = [true, false];
  if (!values || shapeOf(source, schema) === 'object' || shapeOf(source, schema) === 'array') return [];
  const conceptName = conceptOf(schema) ?? (list ? conceptOf(list) : undefined);
  const concept = conceptName ? concepts?.get(conceptName) : undefined;
  const recommended = conceptName ? RECOMMENDED[conceptName] : undefined;
  const description = descriptionOf(schema);
  return values.map((v, order) => {
    const label = typeof v === 'string' ? v : JSON.stringify(v);
    const best = label === recommended;
    const text = ctx.quote ? label : yamlValue(v);
    const meaning = typeof v === 'string' ? explainValue(v, description, concept) : undefined;
    return {
      label,
      kind: 'value' as const,
      detail: best ? 'recommended' : undefined,
      documentation: meaning,
      insertText: `${ctx.needsSpace ? ' ' : ''}${text}`,
      snippet: false,
      start: fileOffset + ctx.replaceStart,
      end: fileOffset + ctx.replaceEnd,
      sortText: `${best ? 0 : 1}${String(order).padStart(4, '0')}`,
      filterText: label,
      preselect: best || undefined,
    };
  });
}
