// A required field or a list item written with no value (`key:` or `- `). The API server drops
// empty fields before validating, so a required one then counts as missing; list items are kept
// and fail their type check. Either way the object is rejected.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { childSchema, requiredOf, resolve, type JsonSchema as Schema } from '../schema-walk';

export const rule: DocumentRule = {
  meta: {
    id: 'empty-required-value',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A required field or a list item has no value; the API server drops the empty field and rejects the object.',
    fixable: false,
  },
  check(ctx) {
    // Every finding is about a null; most documents hold none, and then the schema walk is skipped.
    if (!holdsNullOutsideMetadata(ctx.value)) return;
    const r = ctx.resource;
    const kind = ctx.schemas.find(r.group, r.version, r.kind);
    if (!kind) return;
    const root = resolve(ctx.schemas, ctx.schemas.schemaById(kind.id));
    const walk = (value: unknown, schema: Schema | undefined, path: PathSegment[]): void => {
      if (!schema || value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          const itemSchema = childSchema(ctx.schemas, schema, i);
          if (item === null && typeof itemSchema?.type === 'string') {
            ctx.report({
              path: [...path, i],
              message: `This list item has no value, and the API server rejects it (a list entry is not dropped like an empty field). Write the ${describe(itemSchema)} or remove the "-" line.`,
            });
          } else walk(item, itemSchema, [...path, i]);
        });
        return;
      }
      const required = requiredOf(schema);
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const sub = childSchema(ctx.schemas, schema, key);
        if (v === null && required.includes(key)) {
          ctx.report({
            path: [...path, key],
            on: 'key',
            message: `\`${key}\` is required but has no value. The API server drops empty fields before validating, so it answers that ${key} is missing. Write the ${describe(sub)}.`,
          });
        } else walk(v, sub, [...path, key]);
      }
    };
    // metadata is decoded by Kubernetes itself, not by the CRD schema: leave it to the schema check.
    const props = (root?.properties ?? {}) as Record<string, Schema>;
    for (const [key, v] of Object.entries(ctx.value)) {
      if (key === 'metadata') continue;
      if (v === null && root && requiredOf(root).includes(key)) {
        ctx.report({
          path: [key],
          on: 'key',
          message: `\`${key}\` is required but has no value. The API server drops empty fields, so it answers that ${key} is missing. Write the ${key} block.`,
        });
      } else walk(v, resolve(ctx.schemas, props[key]), [key]);
    }
  },
};

function holdsNullOutsideMetadata(value: Record<string, unknown>): boolean {
  const open = new Set<object>();
  for (const key in value) if (key !== 'metadata' && holdsNull(value[key], open)) return true;
  return false;
}

/**
 * An alias inside its own anchor makes the value circular: such a document answers true, so the
 * schema walk (which stops at the schema's leaves) decides, as it did before this shortcut.
 * Plain loops: this walks every value of every checked document.
 */
function holdsNull(value: unknown, open: Set<object>): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (open.has(value)) return true;
  open.add(value);
  let found = false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && !found; i++) found = holdsNull(value[i], open);
  } else {
    const rec = value as Record<string, unknown>;
    for (const key of Object.keys(rec)) if ((found = holdsNull(rec[key], open))) break;
  }
  open.delete(value);
  return found;
}

function describe(s: Schema | undefined): string {
  const names: Record<string, string> = {
    string: 'string value',
    integer: 'number',
    number: 'number',
    boolean: 'true or false',
    object: 'mapping',
    array: 'list',
  };
  return (typeof s?.type === 'string' && names[s.type]) || 'value';
}
