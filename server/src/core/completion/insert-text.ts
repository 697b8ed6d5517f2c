// Builds the text a completion inserts: YAML-safe scalars and keys, and the snippet for a key with
// its nested lines indented relative to the cursor's line (the editor re-indents from there).
import { requiredOf, resolve, shapeOf, childSchema, type JsonSchema, type SchemaSource } from '../schema-walk';

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

const NUMBER_LIKE = /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/;
// Kubernetes reads manifests as YAML 1.1, where yes/no/on/off are booleans too.
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN_SAFE = /^[A-Za-z0-9_./][\w./@+=-]*(?: [\w./@+=-]+)*$/;

/** A string as a YAML scalar that reads back as the same string. */
export function yamlString(value: string): string {
  if (value !== '' && PLAIN_SAFE.test(value) && !NUMBER_LIKE.test(value) && !RESERVED.test(value)) return value;
  return JSON.stringify(value);
}

/** An enum or const value as YAML: strings quoted only when needed, numbers and booleans as is. */
export function yamlValue(value: unknown): string {
  return typeof value === 'string' ? yamlString(value) : JSON.stringify(value);
}

export interface Placement {
  /** Column of the key being inserted. */
  column: number;
  /** Leading spaces of the cursor's line. */
  lineIndent: number;
  /** A colon already follows the word being replaced: insert the name only. */
  keyOnly?: boolean;
}

/** `key: ` for scalars; `key:` plus an indented line with a placeholder for maps and lists. */
export function keySnippet(
  source: SchemaSource,
  name: string,
  schema: JsonSchema | undefined,
  at: Placement,
): { text: string; snippet: boolean } {
  const key = yamlString(name);
  if (at.keyOnly) return { text: key, snippet: false };
  const shape = schema ? shapeOf(source, schema) : 'any';
  if (!schema || shape === 'scalar' || shape === 'any') return { text: `${key}: `, snippet: false };
  const nl = `\n${' '.repeat(Math.max(0, at.column - at.lineIndent + 2))}`;
  const counter = { next: 1 };
  if (shape === 'object') return { text: `${escapeSnippet(key)}:${nl}${requiredLines(source, schema, nl, counter)}`, snippet: true };
  const items = schema.items !== undefined ? resolve(source, schema.items) : undefined;
  if (items && shapeOf(source, items) === 'object' && requiredOf(items).length > 0) {
    return { text: `${escapeSnippet(key)}:${nl}- ${requiredLines(source, items, `${nl}  `, counter)}`, snippet: true };
  }
  return { text: `${escapeSnippet(key)}:${nl}- $1`, snippet: true };
}

/** One line per required key of a map (a placeholder each), or one empty placeholder. */
function requiredLines(source: SchemaSource, schema: JsonSchema, nl: string, counter: { next: number }): string {
  const required = requiredOf(schema);
  if (required.length === 0) return `$${counter.next++}`;
  return required
    .map((name) => {
      const child = childSchema(source, schema, name);
      const shape = child ? shapeOf(source, child) : 'scalar';
      const key = escapeSnippet(yamlString(name));
      if (shape === 'object') return `${key}:${nl}  $${counter.next++}`;
      if (shape === 'array') return `${key}:${nl}  - $${counter.next++}`;
      return `${key}: $${counter.next++}`;
    })
    .join(nl);
}
