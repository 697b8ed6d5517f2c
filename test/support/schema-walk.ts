// Schema navigation for the conformance test's document generator (built on the core's schema-nav).
import type { SchemaRegistry } from '../../server/src/core/schema';
import { childSchema as coreChild, resolveSchema, type Schema } from '../../server/src/core/schema-nav';

export type { Schema };

export const resolve = resolveSchema;

export function childSchema(registry: SchemaRegistry, parent: Schema | undefined, key: string | number): Schema | undefined {
  return coreChild(registry, parent, key);
}

/** The declared JSON type of a schema ('string', 'object', ...), or undefined when free-form. */
export function typeOf(s: Schema | undefined): string | undefined {
  if (!s) return undefined;
  if (typeof s.type === 'string') return s.type;
  if (s['x-kubernetes-int-or-string']) return 'int-or-string';
  return undefined;
}
