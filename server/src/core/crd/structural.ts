// Turns a CRD version's structural `openAPIV3Schema` into a JSON Schema for ajv with the API
// server's meaning (unknown fields are errors as with kubectl's Strict field validation, nullable,
// int-or-string, embedded resources; defaults are not applied), and collects the CEL rules
// (`x-kubernetes-validations`) with the data paths they apply to.
export type Schema = Record<string, unknown>;

export interface CelRuleSpec {
  rule: string;
  message?: string;
  messageExpression?: string;
  /** Relative path (`.a.b`, `['x.y']`) of the field to blame, from the rule's own object. */
  fieldPath?: string;
}

/** Where rules sit: a data path in which `*` is every item of a list or every value of a map. */
export interface CelSite {
  path: string[];
  rules: CelRuleSpec[];
  /** The structural schema of the value, to give CEL integers and escaped field names. */
  schema: Schema;
}

export interface Converted {
  schema: Schema;
  sites: CelSite[];
  /** Parts that could not be kept (e.g. a pattern JavaScript cannot compile), worded for people. */
  notes: string[];
}

export interface ConvertOptions {
  id: string;
  apiVersion: string;
  kind: string;
  /** `$ref` for the root `metadata` (the API server checks ObjectMeta itself, not the CRD). */
  metadataRef?: string;
}

/** Keywords whose value is copied as it is. */
const PLAIN = [
  'description',
  'title',
  'type',
  'enum',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
];

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

export function convertCrdSchema(root: Schema, opts: ConvertOptions): Converted {
  const sites: CelSite[] = [];
  const notes: string[] = [];
  const schema = convert(root, [], { sites, notes, structural: true });
  const props = isSchema(schema.properties) ? { ...schema.properties } : {};
  props.apiVersion = { description: `Always ${opts.apiVersion} for this schema.`, type: 'string', const: opts.apiVersion };
  props.kind = { description: `Always ${opts.kind}.`, type: 'string', const: opts.kind };
  if (opts.metadataRef) props.metadata = { $ref: opts.metadataRef };
  // The API server ignores status written in a manifest (the status subresource owns it), and
  // `kubectl get -o yaml` exports carry it: accepted as it is, as with the built-in schemas.
  if (isSchema(props.status)) props.status = { description: props.status.description, 'x-kubernetes-preserve-unknown-fields': true };
  const required = new Set(['apiVersion', 'kind', ...(Array.isArray(schema.required) ? (schema.required as string[]) : [])]);
  return {
    schema: { ...schema, $id: opts.id, type: 'object', properties: props, required: [...required], additionalProperties: false },
    sites,
    notes,
  };
}

interface Walk {
  sites: CelSite[];
  notes: string[];
  /** False inside allOf/anyOf/oneOf/not, which only check values and declare no fields. */
  structural: boolean;
}

function convert(node: unknown, path: string[], w: Walk): Schema {
  if (!isSchema(node)) return {};
  const out: Schema = {};
  for (const k of PLAIN) if (node[k] !== undefined) out[k] = node[k];
  // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum; JSON Schema 7 as numbers.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (node[flag] === true && typeof node[bound] === 'number') {
      out[flag] = node[bound];
      delete out[bound];
    }
  }
  if (typeof node.pattern === 'string') {
    if (compiles(node.pattern)) out.pattern = node.pattern;
    else w.notes.push(`the pattern ${node.pattern} at ${path.join('.') || 'the root'} is not checked (JavaScript cannot compile it)`);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    if (!Array.isArray(node.anyOf)) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  // A set must not hold the same item twice; the API server rejects it.
  if (node['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
  for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[kw];
    if (Array.isArray(list)) out[kw] = list.map((b) => convert(b, path, { ...w, structural: false }));
  }
  if (isSchema(node.not)) out.not = convert(node.not, path, { ...w, structural: false });
  if (isSchema(node.items)) out.items = convert(node.items, [...path, '*'], w);
  if (isSchema(node.properties)) {
    const props: Schema = {};
    for (const [name, sub] of Object.entries(node.properties)) props[name] = convert(sub, [...path, name], w);
    out.properties = props;
  }
  if (isSchema(node.additionalProperties)) out.additionalProperties = convert(node.additionalProperties, [...path, '*'], w);
  else if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  if (!w.structural) return out;
  if (node['x-kubernetes-embedded-resource'] === true) embedResource(out);
  const isObject = node.type === 'object' || isSchema(node.properties);
  if (isObject && out.additionalProperties === undefined && node['x-kubernetes-preserve-unknown-fields'] !== true) {
    // The API server prunes fields the schema does not declare; kubectl's Strict validation (and meshlint) calls them errors.
    out.additionalProperties = false;
  }
  const rules = celRules(node['x-kubernetes-validations']);
  if (rules.length > 0) w.sites.push({ path, rules, schema: node });
  return out;
}

/** An embedded object always has apiVersion, kind and metadata, declared or not. */
function embedResource(out: Schema): void {
  const props: Schema = isSchema(out.properties) ? { ...out.properties } : {};
  props.apiVersion ??= { type: 'string' };
  props.kind ??= { type: 'string' };
  props.metadata ??= { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  out.properties = props;
}

function celRules(raw: unknown): CelRuleSpec[] {
  if (!Array.isArray(raw)) return [];
  const out: CelRuleSpec[] = [];
  for (const r of raw) {
    if (!isSchema(r) || typeof r.rule !== 'string') continue;
    const spec: CelRuleSpec = { rule: r.rule };
    if (typeof r.message === 'string' && r.message.trim() !== '') spec.message = r.message;
    if (typeof r.messageExpression === 'string') spec.messageExpression = r.messageExpression;
    if (typeof r.fieldPath === 'string') spec.fieldPath = r.fieldPath;
    out.push(spec);
  }
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
