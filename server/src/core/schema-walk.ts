// Walks the raw JSON Schemas by a data path (for hover, completion and schema-driven rules):
// follows `$ref`s to other `meshlint:` schemas and answers "which schema describes the value at
// spec.mtls.mode?".
import type { PathSegment } from './locate';

export type JsonSchema = Record<string, unknown>;

/** What the walker needs from the schema registry (kept narrow so tests can pass a map). */
export interface SchemaSource {
  schemaById(id: string): object | undefined;
}

const MAX_REF_HOPS = 16;

function isSchema(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `meshlint:security.istio.io/defs#/definitions/X` -> that subschema. */
export function resolveRef(source: SchemaSource, ref: string): JsonSchema | undefined {
  const hash = ref.indexOf('#');
  const id = hash >= 0 ? ref.slice(0, hash) : ref;
  const pointer = hash >= 0 ? ref.slice(hash + 1) : '';
  let cur: unknown = source.schemaById(id);
  for (const raw of pointer.split('/').filter((s) => s.length > 0)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchema(cur)) return undefined;
    cur = cur[seg];
  }
  return isSchema(cur) ? cur : undefined;
}

/**
 * Follows a chain of `$ref`s. Keywords written beside a `$ref` (a field's own description or
 * concept) describe the use site more precisely than the shared definition, so they win.
 */
export function resolve(source: SchemaSource, schema: unknown): JsonSchema | undefined {
  if (!isSchema(schema)) return undefined;
  const overlays: JsonSchema[] = [];
  let cur: JsonSchema | undefined = schema;
  for (let hops = 0; cur && typeof cur.$ref === 'string' && hops < MAX_REF_HOPS; hops++) {
    const { $ref, ...rest } = cur;
    overlays.push(rest);
    cur = resolveRef(source, $ref);
  }
  // The overlay nearest the use site (pushed first) is applied last, so it wins.
  const withOverlays = (base: JsonSchema): JsonSchema => overlays.reduceRight((merged, o) => ({ ...merged, ...o }), base);
  if (!cur) return overlays.length ? withOverlays({}) : undefined;
  return overlays.length ? withOverlays(cur) : cur;
}

/** The branches of anyOf/oneOf/allOf, resolved; the schema itself when it has none. */
function branches(source: SchemaSource, schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const kw of ['anyOf', 'oneOf', 'allOf']) {
    const list = schema[kw];
    if (Array.isArray(list))
      for (const b of list) {
        const r = resolve(source, b);
        if (r) out.push(r);
      }
  }
  return out;
}

/** The schema of one step down: a property, a map entry or a list item. */
export function childSchema(source: SchemaSource, parent: JsonSchema, seg: PathSegment): JsonSchema | undefined {
  const direct = directChild(source, parent, seg);
  if (direct) return direct;
  for (const b of branches(source, parent)) {
    const c = directChild(source, b, seg);
    if (c) return c;
  }
  return undefined;
}

function directChild(source: SchemaSource, parent: JsonSchema, seg: PathSegment): JsonSchema | undefined {
  if (typeof seg === 'number') return parent.items !== undefined ? resolve(source, parent.items) : undefined;
  const props = parent.properties;
  if (isSchema(props) && isSchema(props[seg])) return resolve(source, props[seg]);
  const patterns = parent.patternProperties;
  if (isSchema(patterns)) {
    for (const [pattern, sub] of Object.entries(patterns)) {
      try {
        if (new RegExp(pattern, 'u').test(seg)) return resolve(source, sub);
      } catch {
        // A pattern JS cannot compile says nothing about this key; try the next one.
      }
    }
  }
  if (isSchema(parent.additionalProperties)) return resolve(source, parent.additionalProperties);
  return undefined;
}

/** The schema at a data path below a root schema; undefined where the schemas say nothing. */
export function schemaAt(source: SchemaSource, root: JsonSchema, path: readonly PathSegment[]): JsonSchema | undefined {
  let cur: JsonSchema | undefined = resolve(source, root);
  for (const seg of path) {
    if (!cur) return undefined;
    cur = childSchema(source, cur, seg);
  }
  return cur;
}

/** Declared properties, including those of anyOf/oneOf/allOf branches, in schema order. */
export function propertiesOf(source: SchemaSource, schema: JsonSchema): [string, JsonSchema][] {
  const out = new Map<string, JsonSchema>();
  for (const s of [schema, ...branches(source, schema)]) {
    const props = s.properties;
    if (!isSchema(props)) continue;
    for (const [name, sub] of Object.entries(props)) {
      if (out.has(name)) continue;
      const r = resolve(source, sub);
      if (r) out.set(name, r);
    }
  }
  return [...out];
}

export function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
}

export function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as unknown[];
  if ('const' in schema) return [schema.const];
  return undefined;
}

export function descriptionOf(schema: JsonSchema): string | undefined {
  return typeof schema.description === 'string' ? schema.description : undefined;
}

export function conceptOf(schema: JsonSchema): string | undefined {
  const c = schema['x-meshlint-concept'];
  return typeof c === 'string' ? c : undefined;
}

export type ShapeKind = 'object' | 'array' | 'scalar' | 'any';

/** What kind of YAML node a schema expects: a mapping, a list, a scalar or anything. */
export function shapeOf(source: SchemaSource, schema: JsonSchema): ShapeKind {
  const types = typesOf(schema);
  if (types.length === 0) {
    if (schema.properties !== undefined || schema.additionalProperties !== undefined) return 'object';
    if (schema.items !== undefined) return 'array';
    const b = branches(source, schema);
    if (b.length > 0) {
      const shapes = new Set(b.map((x) => shapeOf(source, x)));
      return shapes.size === 1 ? [...shapes][0] : 'any';
    }
    return schema['x-kubernetes-int-or-string'] ? 'scalar' : 'any';
  }
  if (types.every((t) => t === 'object')) return 'object';
  if (types.every((t) => t === 'array')) return 'array';
  if (types.every((t) => t !== 'object' && t !== 'array')) return 'scalar';
  return 'any';
}

function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** A short type for people: "string", "list of string", "map of string to string", "integer or string". */
export function typeLabel(source: SchemaSource, schema: JsonSchema, depth = 0): string {
  if (schema['x-kubernetes-int-or-string']) return 'integer or string';
  const types = typesOf(schema);
  if (types.length === 0) {
    const b = branches(source, schema);
    if (b.length > 0 && depth < 3) return [...new Set(b.map((x) => typeLabel(source, x, depth + 1)))].join(' or ');
    if (schema.properties !== undefined) return 'object';
    if (schema['x-kubernetes-preserve-unknown-fields']) return 'any';
    return 'any';
  }
  return types
    .map((t) => {
      if (t === 'array' && depth < 3) {
        const items = schema.items !== undefined ? resolve(source, schema.items) : undefined;
        return items ? `list of ${typeLabel(source, items, depth + 1)}` : 'list';
      }
      if (t === 'object' && !isSchema(schema.properties) && isSchema(schema.additionalProperties) && depth < 3) {
        const values = resolve(source, schema.additionalProperties);
        return values ? `map of string to ${typeLabel(source, values, depth + 1)}` : 'map';
      }
      return t;
    })
    .join(' or ');
}

/** Limits worth showing next to the type (length, range, item count, pattern). */
export function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  const num = (k: string): number | undefined => (typeof schema[k] === 'number' ? schema[k] : undefined);
  const min = num('minimum');
  const max = num('maximum');
  if (min !== undefined && max !== undefined) out.push(`${min}..${max}`);
  else if (min !== undefined) out.push(`at least ${min}`);
  else if (max !== undefined) out.push(`at most ${max}`);
  const minLen = num('minLength');
  const maxLen = num('maxLength');
  if (minLen !== undefined && minLen > 0) out.push(`at least ${minLen} character${minLen === 1 ? '' : 's'}`);
  if (maxLen !== undefined) out.push(`at most ${maxLen} characters`);
  const minItems = num('minItems');
  const maxItems = num('maxItems');
  if (minItems !== undefined && minItems > 0) out.push(`at least ${minItems} item${minItems === 1 ? '' : 's'}`);
  if (maxItems !== undefined) out.push(`at most ${maxItems} items`);
  const minProps = num('minProperties');
  const maxProps = num('maxProperties');
  if (minProps !== undefined && minProps > 0) out.push(`at least ${minProps} entr${minProps === 1 ? 'y' : 'ies'}`);
  if (maxProps !== undefined) out.push(`at most ${maxProps} entries`);
  if (typeof schema.pattern === 'string') out.push(`pattern \`${schema.pattern}\``);
  return out;
}
