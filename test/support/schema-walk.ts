// Schema navigation for the conformance test's document generator (built on the core's schema-walk).
import type { SchemaRegistry } from '../../server/src/core/schema';
import { childSchema as coreChild, resolve as coreResolve, type JsonSchema as Schema } from '../../server/src/core/schema-walk';

export type { Schema };

export function resolve(registry: SchemaRegistry, schema: Schema | undefined): Schema | undefined {
  return coreResolve(registry, schema);
}

export function childSchema(registry: SchemaRegistry, parent: Schema | undefined, key: string | number): Schema | undefined {
  const p = coreResolve(registry, parent);
  return p && coreChild(registry, p, key);
}

/** The declared JSON type of a schema ('string', 'object', ...), or undefined when free-form. */
export function typeOf(s: Schema | undefined): string | undefined {
  if (!s) return undefined;
  if (typeof s.type === 'string') return s.type;
  if (s['x-kubernetes-int-or-string']) return 'int-or-string';
  return undefined;
}
