// Navigates meshlint's JSON Schemas by data path, following $refs across schema files: which
// subschema governs a value, and which fields an object requires.
import type { SchemaRegistry } from './schema';

export type Schema = Record<string, unknown>;

export function resolveSchema(registry: SchemaRegistry, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let hops = 0; s && typeof s.$ref === 'string' && hops < 32; hops++) {
    const [id, pointer = ''] = (s.$ref as string).split('#');
    let target: unknown = registry.schemaById(id);
    for (const part of pointer.split('/').filter(Boolean)) target = (target as Record<string, unknown> | undefined)?.[part];
    s = target as Schema | undefined;
  }
  return s;
}

/** The schema of a child value: a property, a map value (additionalProperties) or a list item. */
export function childSchema(registry: SchemaRegistry, parent: Schema | undefined, key: string | number): Schema | undefined {
  const s = resolveSchema(registry, parent);
  if (!s) return undefined;
  if (typeof key === 'number') return resolveSchema(registry, s.items as Schema | undefined);
  const props = s.properties as Record<string, Schema> | undefined;
  if (props && Object.prototype.hasOwnProperty.call(props, key)) return resolveSchema(registry, props[key]);
  if (typeof s.additionalProperties === 'object') return resolveSchema(registry, s.additionalProperties as Schema);
  return undefined;
}

export function requiredFields(registry: SchemaRegistry, schema: Schema | undefined): string[] {
  const r = resolveSchema(registry, schema)?.required;
  return Array.isArray(r) ? (r as string[]) : [];
}
