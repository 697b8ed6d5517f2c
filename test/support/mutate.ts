// Builds conformance-test documents: takes a valid base document and applies one change derived
// from meshlint's schema at a chosen place (wrong type, unknown key, out-of-range value, wrong enum
// value, missing required field, null, or a new optional field generated from the schema).
import type { SchemaRegistry } from '../../server/src/core/schema';
import { childSchema, resolve, typeOf, type Schema } from './schema-walk';

export const MUTATIONS = [
  'wrong-type',
  'unknown-key',
  'out-of-range',
  'wrong-enum',
  'bad-pattern',
  'missing-required',
  'null-value',
  'add-generated',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** Random choices drawn by fast-check; the mutation itself is a pure function of them. */
export interface Plan {
  base: number;
  mutation: Mutation;
  target: number;
  pick: number;
}

type Path = (string | number)[];
interface Site {
  path: Path;
  schema: Schema | undefined;
  /** Present in the document (false: a property the schema allows but the document leaves out). */
  present: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every place in the document, plus the absent optional properties of each object in it. */
function sites(registry: SchemaRegistry, doc: unknown, root: Schema): Site[] {
  const out: Site[] = [];
  const walk = (value: unknown, schema: Schema | undefined, path: Path): void => {
    out.push({ path, schema, present: true });
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, childSchema(registry, schema, i), [...path, i]));
    else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, childSchema(registry, schema, k), [...path, k]);
      const props = resolve(registry, schema)?.properties as Record<string, Schema> | undefined;
      for (const k of Object.keys(props ?? {})) {
        if (!(k in value)) out.push({ path: [...path, k], schema: resolve(registry, props?.[k]), present: false });
      }
    }
  };
  walk(doc, resolve(registry, root), []);
  // apiVersion and kind say which schema and oracle apply; they are not mutated.
  return out.filter((s) => s.path.length > 0 && !(s.path.length === 1 && (s.path[0] === 'apiVersion' || s.path[0] === 'kind')));
}

function setAt(doc: Record<string, unknown>, path: Path, value: unknown): void {
  let node: unknown = doc;
  for (const seg of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[seg];
  (node as Record<string | number, unknown>)[path[path.length - 1]] = value;
}

function deleteAt(doc: Record<string, unknown>, path: Path): void {
  let node: unknown = doc;
  for (const seg of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[seg];
  delete (node as Record<string, unknown>)[path[path.length - 1] as string];
}

function getAt(doc: unknown, path: Path): unknown {
  let node: unknown = doc;
  for (const seg of path) node = (node as Record<string | number, unknown> | undefined)?.[seg];
  return node;
}

const WRONG: Record<string, unknown[]> = {
  string: [42, true, { a: 'b' }, ['x']],
  integer: ['eighty', true, 1.5, ['1']],
  number: ['half', false, { n: 1 }],
  boolean: ['yes', 1, ['true']],
  object: ['text', ['a'], 7],
  array: ['text', { a: 'b' }, 3],
  'int-or-string': [true, { a: 1 }, ['1']],
};

/** A value the schema accepts, built from the schema alone (depth-limited); undefined when unsure. */
export function generate(registry: SchemaRegistry, schema: Schema | undefined, pick: number, depth = 0): unknown {
  const s = resolve(registry, schema);
  if (!s || depth > 4) return undefined;
  if (Array.isArray(s.enum)) return s.enum[pick % s.enum.length];
  if ('const' in s) return s.const;
  switch (typeOf(s)) {
    case 'boolean':
      return pick % 2 === 0;
    case 'integer': {
      const min = typeof s.minimum === 'number' ? s.minimum : 0;
      const max = typeof s.maximum === 'number' ? s.maximum : min + 1000;
      return min + (pick % (Math.min(max, min + 1000) - min + 1));
    }
    case 'number':
      return 0.5;
    case 'int-or-string':
      return 8080;
    case 'string': {
      if (typeof s.pattern === 'string' || typeof s.format === 'string') return undefined;
      const text = ['example', 'shop', 'a-b-c'][pick % 3];
      const min = typeof s.minLength === 'number' ? s.minLength : 0;
      const max = typeof s.maxLength === 'number' ? s.maxLength : 64;
      return max < text.length ? 'x'.repeat(Math.max(min, 1)) : text.padEnd(min, 'x');
    }
    case 'array': {
      const item = generate(registry, s.items as Schema, pick + 1, depth + 1);
      return item === undefined || (typeof s.maxItems === 'number' && s.maxItems < 1) ? [] : [item];
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const key of (s.required ?? []) as string[]) {
        const v = generate(registry, props[key], pick + key.length, depth + 1);
        if (v === undefined) return undefined;
        out[key] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** The mutated document, or undefined when the base document offers no place for this mutation. */
export function mutate(
  registry: SchemaRegistry,
  base: Record<string, unknown>,
  root: Schema,
  plan: Plan,
): Record<string, unknown> | undefined {
  const doc = structuredClone(base);
  const all = sites(registry, doc, root);
  const choose = <T>(list: T[]): T | undefined => (list.length ? list[plan.target % list.length] : undefined);
  switch (plan.mutation) {
    case 'wrong-type': {
      const site = choose(all.filter((s) => typeOf(s.schema) && WRONG[typeOf(s.schema) as string]));
      if (!site) return undefined;
      const options = WRONG[typeOf(site.schema) as string];
      setAt(doc, site.path, options[plan.pick % options.length]);
      return doc;
    }
    case 'unknown-key': {
      const site = choose(all.filter((s) => s.present && isObject(getAt(doc, s.path))));
      const holder = site ? (getAt(doc, site.path) as Record<string, unknown>) : doc;
      const known = Object.keys(resolve(registry, site?.schema)?.properties ?? {});
      // Typos of real field names are the realistic case; a made-up name is the other one.
      const name = known.length && plan.pick % 2 === 0 ? `${known[plan.pick % known.length]}s` : `unexpectedField${plan.pick % 7}`;
      if (name in holder) return undefined;
      holder[name] = 'x';
      return doc;
    }
    case 'out-of-range': {
      const site = choose(
        all.filter(
          (s) =>
            s.schema &&
            ['minimum', 'maximum', 'maxLength', 'minLength', 'maxItems', 'minProperties', 'maxProperties'].some(
              (k) => typeof s.schema?.[k] === 'number',
            ),
        ),
      );
      if (!site || !site.schema) return undefined;
      const s = site.schema;
      let value: unknown;
      if (typeof s.maximum === 'number' && (plan.pick % 2 === 0 || typeof s.minimum !== 'number')) value = s.maximum + 1;
      else if (typeof s.minimum === 'number') value = s.minimum - 1;
      else if (typeof s.maxLength === 'number') value = 'a'.repeat(s.maxLength + 1);
      else if (typeof s.minLength === 'number' && s.minLength > 0) value = '';
      else if (typeof s.maxItems === 'number') {
        const item = Array.isArray(getAt(doc, site.path))
          ? (getAt(doc, site.path) as unknown[])[0]
          : generate(registry, s.items as Schema, plan.pick);
        if (item === undefined) return undefined;
        value = Array.from({ length: s.maxItems + 1 }, () => structuredClone(item));
      } else if (typeof s.minProperties === 'number' && s.minProperties > 0) value = {};
      else return undefined;
      setAt(doc, site.path, value);
      return doc;
    }
    case 'wrong-enum': {
      const site = choose(
        all.filter((s) => Array.isArray(s.schema?.enum) && (s.schema?.enum as unknown[]).every((v) => typeof v === 'string')),
      );
      if (!site) return undefined;
      const values = site.schema?.enum as string[];
      const candidate = plan.pick % 2 === 0 ? values[plan.pick % values.length].toLowerCase() : 'NOT_A_VALUE';
      if (values.includes(candidate)) return undefined;
      setAt(doc, site.path, candidate);
      return doc;
    }
    case 'bad-pattern': {
      const site = choose(all.filter((s) => typeof s.schema?.pattern === 'string'));
      if (!site) return undefined;
      setAt(doc, site.path, ['Not Valid!', '-leading-dash', 'UPPER_case'][plan.pick % 3]);
      return doc;
    }
    case 'missing-required': {
      const site = choose(
        all.filter((s) => s.present && Array.isArray(resolve(registry, s.schema)?.required) && isObject(getAt(doc, s.path))),
      );
      const holder = site ? (getAt(doc, site.path) as Record<string, unknown>) : undefined;
      const required = ((resolve(registry, site?.schema)?.required ?? []) as string[]).filter((k) => holder && k in holder);
      if (!site || !required.length) return undefined;
      deleteAt(doc, [...site.path, required[plan.pick % required.length]]);
      return doc;
    }
    case 'null-value': {
      const site = choose(all.filter((s) => s.present));
      if (!site) return undefined;
      setAt(doc, site.path, null);
      return doc;
    }
    case 'add-generated': {
      const site = choose(all.filter((s) => !s.present));
      if (!site) return undefined;
      const value = generate(registry, site.schema, plan.pick);
      if (value === undefined) return undefined;
      setAt(doc, site.path, value);
      return doc;
    }
  }
}
