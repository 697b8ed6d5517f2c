// One AuthorizationPolicy rule evaluated the way Istio translates it for a sidecar (model.go New and
// Generate): from/to/when merged, values ORed, fields ANDed, `not` forms negated; values Istio cannot
// translate drop the whole rule in ALLOW and only themselves in DENY, AUDIT and CUSTOM (checkError).
import type { RuleField, RuleView } from '../policy/types';
import type { FieldTrace, MatchResult } from './types';
import type { MatchContext, RequestAttrs } from './request';
import { attributeOf } from './attributes';
import { expandTrustDomains, rewritePrincipals } from './trust-domain';
import { headerValue, matchValue } from './value-match';
import { and, not, or, MATCH, NO_MATCH, UNKNOWN } from './tri';

export interface RuleOptions {
  /** ALLOW: any untranslatable value drops the rule. Otherwise only that value is dropped. */
  strict: boolean;
  /** The port is not HTTP: HTTP-only values cannot be translated. */
  forTCP: boolean;
}

export interface RuleOutcome {
  index: number;
  result: MatchResult | 'skipped-on-tcp';
  fields: FieldTrace[];
  /** Why the rule is not in the Envoy config, when it is not. */
  note?: string;
  /** Attributes whose unknown value left this rule's result unknown. */
  missing: string[];
}

interface FieldOutcome {
  /** Undefined: the field was dropped (every value untranslatable in a non-ALLOW rule). */
  result?: MatchResult;
  trace: FieldTrace;
  /** Set when the rule itself cannot be built. */
  fatal?: { tcp: boolean; message: string };
  missing?: string;
}

function requestValue(kind: string, req: RequestAttrs, arg: string[] | undefined): string | string[] | null {
  switch (kind) {
    case 'principal':
    case 'namespace':
    case 'serviceAccount':
    case 'trustDomain':
      return req.principal;
    case 'sourceIp':
      return req.sourceIp ?? null;
    case 'remoteIp':
      return req.remoteIp ?? req.sourceIp ?? null;
    case 'destinationIp':
      return req.destinationIp ?? null;
    case 'host':
      return req.host ?? null;
    case 'method':
      return req.method;
    case 'path':
      return req.path;
    case 'port':
      return String(req.port);
    case 'sni':
      return req.sni ?? null;
    case 'header':
      return headerValue(req, (arg?.[0] ?? '').toLowerCase()) ?? null;
    case 'requestPrincipal':
      return req.claims && typeof req.claims.iss === 'string' ? `${req.claims.iss}/${String(req.claims.sub)}` : null;
    default:
      return req.claims ? JSON.stringify(req.claims) : null;
  }
}

/** A field's trace before evaluation: its values as written, no request value yet. */
export function fieldTrace(field: RuleField, result: MatchResult): FieldTrace {
  return {
    path: field.path,
    values: field.values.map((v) => v.value),
    negated: field.negated,
    requestValue: null,
    result,
    location: field.site,
  };
}

function evalField(field: RuleField, inWhen: boolean, req: RequestAttrs, ctx: MatchContext, opts: RuleOptions): FieldOutcome {
  const attr = attributeOf(field.name, inWhen);
  const base = fieldTrace(field, NO_MATCH);
  if (attr === 'unknown-key') {
    const message = `unknown attribute "${field.name}": Istio skips the whole rule`;
    return { trace: { ...base, note: message }, fatal: { tcp: false, message } };
  }
  let values = base.values;
  if (attr !== 'bad-argument' && attr.kind === 'principal') values = rewritePrincipals(values, ctx.trustDomains);
  if (attr !== 'bad-argument' && attr.kind === 'trustDomain') values = expandTrustDomains(values, ctx.trustDomains);
  const trace: FieldTrace = { ...base, values };
  if (attr !== 'bad-argument') trace.requestValue = requestValue(attr.kind, req, attr.arg);
  const results: MatchResult[] = [];
  const errors: string[] = [];
  let tcpError = false;
  for (const value of values) {
    if (attr === 'bad-argument') errors.push(`malformed key "${field.name}"`);
    else if (opts.forTCP && attr.httpOnly) {
      tcpError = true;
      errors.push(`"${field.name}" is HTTP only`);
    } else {
      const r = matchValue(attr, value, req, ctx);
      if (typeof r === 'string') results.push(r);
      else errors.push(r.error);
    }
  }
  if (errors.length > 0 && opts.strict) {
    const message = `${errors[0]}: the rule is dropped`;
    return { trace: { ...trace, note: message }, fatal: { tcp: tcpError, message } };
  }
  if (results.length === 0) {
    // Every value dropped: the field no longer constrains anything (a wider DENY).
    const note = `${errors[0] ?? 'no values'}: the field is dropped, which widens the rule`;
    return { trace: { ...trace, result: MATCH, note } };
  }
  const any = or(results);
  const result = field.negated ? not(any) : any;
  const note = errors.length > 0 ? `${errors.length} value(s) dropped: ${errors[0]}` : undefined;
  const missing = result === UNKNOWN && attr !== 'bad-argument' ? attr.missingName : undefined;
  return { result, trace: note ? { ...trace, result, note } : { ...trace, result }, missing };
}

/** Evaluates one rule; a rule Istio cannot build reports why and never matches. */
export function evaluateRule(rule: RuleView, req: RequestAttrs, ctx: MatchContext, opts: RuleOptions): RuleOutcome {
  const fields: FieldTrace[] = [];
  const missing = new Set<string>();
  let fatal: FieldOutcome['fatal'];
  const run = (f: RuleField, inWhen: boolean): MatchResult => {
    const o = evalField(f, inWhen, req, ctx, opts);
    fields.push(o.trace);
    if (o.fatal && !fatal) fatal = o.fatal;
    if (o.missing) missing.add(o.missing);
    return o.result ?? MATCH;
  };
  const clauses = (list: RuleView['from']): MatchResult =>
    !list || list.length === 0 ? MATCH : or(list.map((c) => and(c.fields.map((f) => run(f, false)))));
  // Every clause is evaluated (no short cut) so the trace shows every field.
  const from = clauses(rule.from);
  const to = clauses(rule.to);
  const when = and(rule.when.map((f) => run(f, true)));
  if (fatal) {
    return { index: rule.index, result: fatal.tcp ? 'skipped-on-tcp' : NO_MATCH, fields, note: fatal.message, missing: [] };
  }
  const result = and([from, to, when]);
  return { index: rule.index, result, fields, missing: result === UNKNOWN ? [...missing].sort() : [] };
}
