// Gives CEL a manifest value typed the way the API server types it from the structural schema:
// integers as CEL ints, declared field names escaped (`namespace` -> `__namespace__`), maps as maps.
import type { Schema } from './structural';

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/** The name a rule uses for a declared property (Kubernetes' escaping of field names). */
export function escapeFieldName(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  return name.replace(/__/g, '__underscores__').replace(/\./g, '__dot__').replace(/-/g, '__dash__').replace(/\//g, '__slash__');
}

export type CelData = null | boolean | string | number | bigint | CelData[] | Map<string, CelData>;

export function toCel(value: unknown, schema: Schema | undefined): CelData {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = isSchema(schema?.items) ? schema.items : undefined;
    return value.map((v) => toCel(v, items));
  }
  if (typeof value === 'object') {
    const props = isSchema(schema?.properties) ? schema.properties : undefined;
    const extra = isSchema(schema?.additionalProperties) ? schema.additionalProperties : undefined;
    const out = new Map<string, CelData>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const declared = props && isSchema(props[k]) ? props[k] : undefined;
      // Map keys (additionalProperties) are data and stay as written; declared names are escaped.
      out.set(declared ? escapeFieldName(k) : k, toCel(v, declared ?? extra));
    }
    return out;
  }
  if (typeof value === 'number') return integral(value, schema) ? BigInt(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

function integral(n: number, schema: Schema | undefined): boolean {
  if (!Number.isSafeInteger(n)) return false;
  if (schema?.type === 'number') return false;
  return schema?.type === 'integer' || schema?.['x-kubernetes-int-or-string'] === true || schema?.type === undefined;
}
