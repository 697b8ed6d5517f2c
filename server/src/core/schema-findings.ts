// Turns raw schema errors into findings placed on the exact key or value, worded for people,
// with a "did you mean" and a rename fix where a known name is close.
import { deref, locate, valueSpan, keySpan, nearestSpan, type Span } from './locate';
import { yaml11Hint } from './go-scalars';
import type { YNode } from './parse';
import type { SchemaError } from './schema';
import { closest } from './suggest';
import { editableScalar, replaceScalar } from './scalar-edit';
import type { Finding, Fix } from './types';

export const SCHEMA_RULE_ID = 'schema-validation';

export function describePath(path: (string | number)[]): string {
  if (path.length === 0) return 'the resource';
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  return `a ${typeof v}`;
}

function dataAt(value: unknown, path: (string | number)[]): unknown {
  let cur: unknown = value;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p as string];
  }
  return cur;
}

/** A fix that writes `newText` over the key or value at `path`, when that text may be edited in place. */
function rewrite(
  root: YNode | null,
  text: string,
  path: (string | number)[],
  on: 'key' | 'value',
  newText: string,
  title: string,
): Fix[] | undefined {
  const node = editableScalar(root, path, on);
  const edits = node && replaceScalar(text, node, newText);
  return edits ? [{ title, edits, safe: false, preferred: true }] : undefined;
}

export function schemaFindings(errors: SchemaError[], root: YNode | null, value: unknown, text: string, kind: string): Finding[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.path.join('/')));
  const typePaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.path.join('/')));
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // An int-or-string mismatch yields one type error per branch plus the anyOf: keep the anyOf.
    if (e.keyword === 'type' && anyOfPaths.has(e.path.join('/'))) continue;
    // A value of the wrong type also fails its enum or pattern; the type is the real mistake.
    if (
      e.keyword !== 'type' &&
      e.keyword !== 'anyOf' &&
      e.keyword !== 'required' &&
      e.keyword !== 'additionalProperties' &&
      typePaths.has(e.path.join('/'))
    )
      continue;
    const f = toFinding(e, root, value, text, kind);
    if (!f) continue;
    const key = `${f.start}:${f.end}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function toFinding(e: SchemaError, root: YNode | null, value: unknown, text: string, kind: string): Finding | undefined {
  const where = describePath(e.path);
  const make = (span: Span | undefined, message: string, fixes?: Fix[]): Finding | undefined =>
    span ? { ruleId: SCHEMA_RULE_ID, severity: 'error', message, start: span.start, end: span.end, fixes } : undefined;

  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String(e.params.additionalProperty);
      const loc = locate(root, [...e.path, prop]);
      const span = loc && keySpan(loc);
      const props = Object.keys((e.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const guess = closest(prop, props);
      const inWhat = e.path.length === 0 ? kind : `${kind} ${where}`;
      const message = guess
        ? `Unknown field \`${prop}\` in ${inWhat}. Did you mean \`${guess}\`?`
        : `Unknown field \`${prop}\` in ${inWhat}; the API server rejects fields it does not know.${props.length ? ` Known fields: ${props.join(', ')}.` : ''}`;
      const fixes = guess ? rewrite(root, text, [...e.path, prop], 'key', guess, `Rename to \`${guess}\``) : undefined;
      return make(span, message, fixes);
    }
    case 'required': {
      const missing = String(e.params.missingProperty);
      const span = e.path.length === 0 ? nearestSpan(root, ['kind'], 'value') : nearestSpan(root, e.path, 'key');
      const owner = e.path.length === 0 ? kind : `\`${where}\``;
      return make(span, `${owner} is missing the required field \`${missing}\`.`);
    }
    case 'enum': {
      // EnvoyFilter's applyTo and operation list INVALID, the proto's zero value, which the webhook
      // refuses ("missing applyTo", "missing patch operation"): never suggest it.
      const allowed = (e.params.allowedValues as unknown[]).map(String).filter((v) => v !== 'INVALID');
      const actual = dataAt(value, e.path);
      const loc = locate(root, e.path);
      const span = loc && valueSpan(loc);
      const guess = typeof actual === 'string' ? closest(actual, allowed) : undefined;
      const message = `\`${String(actual)}\` is not a valid value for \`${where}\`; use one of ${allowed.join(', ')}.${guess ? ` Did you mean \`${guess}\`?` : ''}`;
      const fixes = guess ? rewrite(root, text, e.path, 'value', guess, `Change to \`${guess}\``) : undefined;
      return make(span, message, fixes);
    }
    case 'type': {
      const loc = locate(root, e.path);
      const actual = dataAt(value, e.path);
      if (actual === null) {
        // The API server drops null fields of structural schemas before validating, so `mode:`
        // with nothing after it is accepted and silently means "not set": worth a warning, not an error.
        const f = make(
          loc && valueSpan(loc),
          `\`${where}\` has no value. The API server drops empty fields, so this line has no effect; write ${article(String(e.params.type))} or remove it.`,
        );
        return f && { ...f, severity: 'warning' };
      }
      const node = deref(loc?.value ?? null);
      const hint = node?.kind === 'scalar' && node.style === 'plain' ? yaml11Hint(text.slice(node.start, node.end)) : undefined;
      return make(loc && valueSpan(loc), `\`${where}\` must be ${article(String(e.params.type))}, not ${typeName(actual)}.${hint ?? ''}`);
    }
    case 'oneOf': {
      const loc = locate(root, e.path);
      const names = alternativesOf(e.schema);
      const data = dataAt(value, e.path);
      const set = names.filter((n) => data !== null && typeof data === 'object' && n in data);
      const msg =
        set.length > 1
          ? `\`${where}\` sets ${set.join(' and ')}, which are alternatives: only one of ${names.join(', ')} may be set.`
          : names.length > 0
            ? `\`${where}\` must set exactly one of ${names.join(', ')}.`
            : `\`${where}\` does not match exactly one allowed form.`;
      return make((loc && keySpan(loc)) ?? nearestSpan(root, e.path, 'key'), msg);
    }
    case 'anyOf': {
      const loc = locate(root, e.path);
      const actual = dataAt(value, e.path);
      const ps = e.parentSchema;
      const intOrString = ps && ps['x-kubernetes-int-or-string'] === true;
      const msg = intOrString
        ? `\`${where}\` must be an integer or a string, not ${typeName(actual)}.`
        : `\`${where}\` does not match any allowed form.`;
      return make(loc && valueSpan(loc), msg);
    }
    default: {
      const loc = locate(root, e.path);
      const span = (loc && valueSpan(loc)) ?? nearestSpan(root, e.path, 'key');
      return make(span, `\`${where}\` ${limitMessage(e)}.`);
    }
  }
}

/** The field names a oneOf chooses between (each branch requires one; a `not` branch allows none). */
function alternativesOf(branches: unknown): string[] {
  const out = new Set<string>();
  const visit = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(visit);
    if (s === null || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (Array.isArray(o.required)) for (const r of o.required) if (typeof r === 'string') out.add(r);
    for (const k of ['not', 'anyOf', 'allOf', 'oneOf']) if (o[k] !== undefined) visit(o[k]);
  };
  visit(branches);
  return [...out];
}

function article(t: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
  };
  return t
    .split(',')
    .map((x) => names[x] ?? x)
    .join(' or ');
}

function limitMessage(e: SchemaError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be greater than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(p.limit)}`;
    case 'maxItems':
      return `may hold at most ${String(p.limit)} items`;
    case 'minItems':
      return `needs at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `may be at most ${String(p.limit)} characters long`;
    case 'minLength':
      return `must be at least ${String(p.limit)} characters long`;
    case 'maxProperties':
      return `may hold at most ${String(p.limit)} entries`;
    case 'minProperties':
      return `needs at least ${String(p.limit)} entr${p.limit === 1 ? 'y' : 'ies'}`;
    case 'pattern':
      return `does not have the expected form (pattern ${String(p.pattern)})`;
    case 'const':
      return `must be \`${String(p.allowedValue)}\``;
    case 'uniqueItems':
      return `lists the same item twice (items ${String(p.j)} and ${String(p.i)})`;
    default:
      return `is not valid here (${e.message})`;
  }
}
