// Compiles the CEL rules of CRD kinds (lazily, once per kind for the life of the registry) and
// runs them on a manifest: every value a rule applies to, with `self` bound to it.
import { isCelError, parse, plan, type CelResult } from '@bufbuild/cel';
import { kubernetesCelEnv } from './cel-library';
import { toCel } from './cel-value';
import type { CelRuleSpec, CelSite, Schema } from './structural';

type Program = (self: unknown) => CelResult;

interface CompiledRule {
  spec: CelRuleSpec;
  program?: Program;
  message?: Program;
  /** Why the rule cannot be run at all (it does not parse). */
  problem?: string;
}

interface CompiledSite {
  path: string[];
  schema: Schema;
  rules: CompiledRule[];
  /** Whether a rule's text reads a field the API server hands CEL as a typed value (see TYPED_FORMATS). */
  readsTyped: (rule: string) => boolean;
}

export type DataPath = (string | number)[];

export interface CelOutcome {
  /** The value the rule is attached to. */
  at: DataPath;
  spec: CelRuleSpec;
  /** `failed`: the rule says no; `unevaluable`: meshlint could not run it (unsupported function, error). */
  status: 'failed' | 'unevaluable';
  /** The CRD's message for a failure; the reason for an unevaluable rule. */
  message: string;
}

/**
 * The API server gives CEL a `format: byte` string as bytes, `duration` as a duration and `date` /
 * `date-time` as a timestamp (k8s.io/apiserver pkg/cel/common/values.go, UnstructuredToVal); we give
 * CEL the string as written, so `size()` counts base64 characters, not bytes. A rule over such a
 * field that fails here may pass on the server: it is a note, never a false error.
 */
const TYPED_FORMATS = new Set(['byte', 'duration', 'date', 'date-time']);
const TYPED_VALUE: Pick<CelOutcome, 'status' | 'message'> = {
  status: 'unevaluable',
  message: 'it reads a byte, duration or date-time field, which the API server gives CEL as a typed value and meshlint as text',
};

function typedFormatBelow(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  if (Array.isArray(schema)) return schema.some(typedFormatBelow);
  const s = schema as Record<string, unknown>;
  if (typeof s.format === 'string' && TYPED_FORMATS.has(s.format)) return true;
  // Only the parts of a schema that describe values: not the CEL rules, enums or defaults.
  return ['properties', 'items', 'additionalProperties', 'anyOf', 'allOf', 'oneOf'].some((k) =>
    k === 'properties' && s.properties && typeof s.properties === 'object'
      ? Object.values(s.properties).some(typedFormatBelow)
      : typedFormatBelow(s[k]),
  );
}

/**
 * A test of a rule's text: true when `self` itself is typed, or when the rule names a property of
 * the site that holds a typed field (`has(self.tpp)` on a one-of reads no such value and stays exact).
 */
function typedReader(schema: Schema): (rule: string) => boolean {
  const s = schema as Record<string, unknown>;
  if (typeof s.format === 'string' && TYPED_FORMATS.has(s.format)) return () => true;
  const props = s.properties && typeof s.properties === 'object' ? (s.properties as Record<string, unknown>) : {};
  const names = Object.entries(props)
    .filter(([, v]) => typedFormatBelow(v))
    .map(([k]) => k);
  const elements = ['items', 'additionalProperties'].some((k) => typedFormatBelow(s[k]));
  if (elements) return () => true;
  if (names.length === 0) return () => false;
  return (rule) => names.some((n) => new RegExp(`\\.${n.replace(/[^A-Za-z0-9_]/g, '')}\\b`).test(rule) && !hasOnly(rule, n));
}

/** `has(self.x)` only asks whether the field is there, which the text answers exactly. */
function hasOnly(rule: string, name: string): boolean {
  const uses = rule.split(`.${name}`).length - 1;
  const hasUses = rule.split(`has(self.${name})`).length - 1;
  return uses === hasUses;
}

/** Rules that compare with the stored object (`oldSelf`) only apply to updates; offline there is no old object. */
const TRANSITION = /\boldSelf\b/;

export class CrdRuleIndex {
  private readonly compiled = new Map<string, CompiledSite[]>();
  /** Rules compiled so far: each once for the life of the index (tests and the benchmark read it). */
  compilations = 0;

  constructor(private readonly sites: ReadonlyMap<string, readonly CelSite[]>) {}

  has(id: string): boolean {
    return this.sites.has(id);
  }

  /** Every rule outcome other than a pass, for the kind with this schema id. */
  evaluate(id: string, value: unknown): CelOutcome[] {
    const out: CelOutcome[] = [];
    for (const site of this.sitesOf(id)) {
      for (const { at, data } of instances(value, site.path)) {
        if (!shapeFits(data, site.schema)) continue;
        const self = toCel(data, site.schema);
        for (const rule of site.rules) {
          const outcome = run(rule, self);
          if (outcome)
            out.push({ at, spec: rule.spec, ...(outcome.status === 'failed' && site.readsTyped(rule.spec.rule) ? TYPED_VALUE : outcome) });
        }
      }
    }
    return out;
  }

  private sitesOf(id: string): CompiledSite[] {
    let c = this.compiled.get(id);
    if (!c) {
      c = (this.sites.get(id) ?? []).map((s) => ({
        path: s.path,
        schema: s.schema,
        rules: s.rules.filter((r) => !TRANSITION.test(r.rule)).map(compile),
        readsTyped: typedReader(s.schema),
      }));
      for (const s of c) this.compilations += s.rules.length;
      this.compiled.set(id, c);
    }
    return c;
  }
}

function compile(spec: CelRuleSpec): CompiledRule {
  const env = kubernetesCelEnv();
  const out: CompiledRule = { spec };
  try {
    const p = plan(env, parse(spec.rule));
    out.program = (self) => p({ self } as never);
  } catch (e) {
    out.problem = `it does not compile (${(e as Error).message})`;
  }
  if (spec.messageExpression) {
    try {
      const m = plan(env, parse(spec.messageExpression));
      out.message = (self) => m({ self } as never);
    } catch {
      // A broken messageExpression falls back to the plain message, as on the API server.
    }
  }
  return out;
}

function run(rule: CompiledRule, self: unknown): Pick<CelOutcome, 'status' | 'message'> | undefined {
  if (!rule.program) return { status: 'unevaluable', message: rule.problem ?? 'it cannot be run' };
  let result: CelResult;
  try {
    result = rule.program(self);
  } catch (e) {
    result = e as CelResult;
  }
  if (result === true) return undefined;
  if (result === false) return { status: 'failed', message: messageOf(rule, self) };
  const reason = isCelError(result) || result instanceof Error ? result.message : `it gave a ${typeof result}, not true or false`;
  const unsupported = /unbound function|overload/i.test(reason);
  return { status: 'unevaluable', message: unsupported ? `it uses a function meshlint does not implement (${reason})` : reason };
}

function messageOf(rule: CompiledRule, self: unknown): string {
  if (rule.message) {
    try {
      const m = rule.message(self);
      if (typeof m === 'string' && m.trim() !== '') return m;
    } catch {
      // Fall back to the plain message below.
    }
  }
  return rule.spec.message ?? `failed rule: ${rule.spec.rule.trim()}`;
}

/** The values at a site path, `*` standing for every list item or map value. */
function instances(value: unknown, path: readonly string[]): { at: DataPath; data: unknown }[] {
  let level: { at: DataPath; data: unknown }[] = [{ at: [], data: value }];
  for (const seg of path) {
    const next: { at: DataPath; data: unknown }[] = [];
    for (const { at, data } of level) {
      if (data === null || typeof data !== 'object') continue;
      if (seg !== '*') {
        const v = (data as Record<string, unknown>)[seg];
        if (v !== undefined && Object.prototype.hasOwnProperty.call(data, seg)) next.push({ at: [...at, seg], data: v });
      } else if (Array.isArray(data)) data.forEach((v, i) => next.push({ at: [...at, i], data: v }));
      else for (const [k, v] of Object.entries(data)) next.push({ at: [...at, k], data: v });
    }
    level = next;
  }
  // A rule sees only values that are present: an empty `field:` is dropped before validation.
  return level.filter((l) => l.data !== null && l.data !== undefined);
}

/** A value of the wrong shape is already a schema error; running the rule on it would only add noise. */
function shapeFits(data: unknown, schema: Schema): boolean {
  const t = schema.type;
  if (schema['x-kubernetes-int-or-string'] === true) return typeof data === 'number' || typeof data === 'string';
  if (t === 'object') return typeof data === 'object' && data !== null && !Array.isArray(data);
  if (t === 'array') return Array.isArray(data);
  if (t === 'string') return typeof data === 'string';
  if (t === 'integer') return typeof data === 'number' && Number.isInteger(data);
  if (t === 'number') return typeof data === 'number';
  if (t === 'boolean') return typeof data === 'boolean';
  return true;
}
