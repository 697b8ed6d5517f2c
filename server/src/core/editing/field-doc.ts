// Markdown that describes one field: where it sits, its type, whether it is required, what it
// does (the schema's description) and its allowed values and limits.
import type { PathSegment } from '../locate';
import { constraintsOf, descriptionOf, enumOf, requiredOf, typeLabel, type JsonSchema, type SchemaSource } from '../schema-walk';

/** `spec.rules[].from[].source.principals`: list positions do not matter for what a field means. */
export function displayPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += '[]';
    else out += out === '' ? seg : `.${seg}`;
  }
  return out || '(document)';
}

export function formatValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export interface FieldDocInput {
  path: readonly PathSegment[];
  schema: JsonSchema;
  /** The schema of the enclosing object, to tell whether the field is required. */
  parent?: JsonSchema;
  /** Leave the description out (the value explanation above already says it). */
  brief?: boolean;
}

export function fieldMarkdown(source: SchemaSource, input: FieldDocInput): string {
  const { path, schema, parent } = input;
  const last = path[path.length - 1];
  const required = parent !== undefined && typeof last === 'string' && requiredOf(parent).includes(last);
  const head = [`**\`${displayPath(path)}\`**`, typeLabel(source, schema)];
  if (required) head.push('required');
  const parts = [head.join(' · ')];
  const description = descriptionOf(schema);
  if (description && !input.brief) parts.push(description);
  const values = enumOf(schema);
  if (values && values.length > 0) parts.push(`Allowed values: ${values.map((v) => `\`${formatValue(v)}\``).join(', ')}`);
  const limits = constraintsOf(schema);
  if (limits.length > 0) parts.push(`Limits: ${limits.join('; ')}`);
  return parts.join('\n\n');
}
