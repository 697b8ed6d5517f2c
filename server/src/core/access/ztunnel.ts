// Ambient workloads: ztunnel's L4 authorization (Istio serviceregistry/ambient/authorization.go
// handleRule; istio/ztunnel src/rbac.rs matches, src/state.rs). Differs from the sidecar: ALLOW rules
// with any L7 attribute are dropped, L7 parts of DENY rules are left out (a clause left empty never
// matches), trustDomains is not converted, namespaces match the identity's namespace as a string.
import type { AppliedPolicy, EffectivePolicy, RuleField, RuleView } from '../policy/types';
import type { AccessResult, FieldTrace, MatchResult, PolicyTrace } from './types';
import { answerBase, portMtls, type ResolvedQuery } from './resolved';
import { attributeOf } from './attributes';
import { cidrContains, parseCidr } from './cidr';
import { envoyName, type RuleHit } from './policy-eval';
import { fieldTrace } from './rule-eval';
import { and, fromBool, not, or, MATCH, NO_MATCH, UNKNOWN } from './tri';

interface Peer {
  id: string | null;
  ns: string;
  sa: string;
}

function peerOf(principal: string | null): Peer {
  const m = principal ? /^spiffe:\/\/[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal) : null;
  return { id: principal, ns: m?.[1] ?? '', sa: m?.[2] ?? '' };
}

/** ztunnel's StringMatch: exact, prefix, suffix or presence, no regex. */
function stringMatch(pattern: string, actual: string): boolean {
  if (pattern === '*') return actual.length > 0;
  if (pattern.startsWith('*')) return actual.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return actual.startsWith(pattern.slice(0, -1));
  return actual === pattern;
}

function ipMatch(value: string, address: string | undefined): MatchResult | undefined {
  const range = parseCidr(value);
  if (!range) return undefined; // dropped by the conversion
  if (address === undefined) return UNKNOWN;
  const r = cidrContains(range, address);
  return r === undefined ? UNKNOWN : fromBool(r);
}

/** One value; undefined when the conversion drops it. */
function valueMatch(kind: string, value: string, peer: Peer, rq: ResolvedQuery, policyNs: string): MatchResult | undefined {
  switch (kind) {
    case 'principal':
      return fromBool(peer.id !== null && peer.id.startsWith('spiffe://') && stringMatch(value, peer.id.slice('spiffe://'.length)));
    case 'namespace':
      return fromBool(stringMatch(value, peer.ns));
    case 'serviceAccount': {
      const slash = value.indexOf('/');
      const [ns, sa] = slash < 0 ? [policyNs, value] : [value.slice(0, slash), value.slice(slash + 1)];
      return fromBool(peer.id !== null && peer.ns === ns && peer.sa === sa);
    }
    case 'sourceIp':
      return ipMatch(value, rq.network?.sourceIp);
    case 'destinationIp':
      return ipMatch(value, rq.network?.destinationIp);
    case 'port':
      return /^\d+$/.test(value) && Number(value) <= 65535 ? fromBool(Number(value) === rq.targetPort) : undefined;
    default:
      return undefined;
  }
}

interface ZRule {
  result: MatchResult;
  fields: FieldTrace[];
  note?: string;
  missing: string[];
}

function evalRule(rule: RuleView, allow: boolean, peer: Peer, rq: ResolvedQuery, policyNs: string): ZRule {
  const fields: FieldTrace[] = [];
  const missing = new Set<string>();
  let l7: string | undefined;
  /** A match group: its L4 fields ANDed; undefined when none is left (an empty match never matches). */
  const group = (list: readonly RuleField[], inWhen: boolean): MatchResult | undefined => {
    const parts: MatchResult[] = [];
    for (const f of list) {
      const attr = attributeOf(f.name, inWhen);
      const trace = fieldTrace(f, MATCH);
      fields.push(trace);
      if (attr === 'unknown-key' || attr === 'bad-argument' || (!attr.l4 && (inWhen || attr.kind !== 'trustDomain'))) {
        l7 ??= f.name;
        trace.note = 'L7 attribute: ztunnel cannot enforce it';
        continue;
      }
      if (attr.kind === 'trustDomain') {
        trace.note = 'trustDomains is not converted for ztunnel: ignored';
        continue;
      }
      const results = trace.values
        .map((v) => valueMatch(attr.kind, v, peer, rq, policyNs))
        .filter((r): r is MatchResult => r !== undefined);
      if (results.length === 0) {
        trace.note = 'no valid value: ignored';
        continue;
      }
      trace.result = f.negated ? not(or(results)) : or(results);
      trace.requestValue = attr.kind === 'port' ? String(rq.targetPort) : attr.kind.endsWith('Ip') ? null : peer.id;
      if (trace.result === UNKNOWN) missing.add(attr.missingName);
      parts.push(trace.result);
    }
    return parts.length === 0 ? undefined : and(parts);
  };
  const clause = (entries: RuleView['from']): MatchResult => {
    if (!entries || entries.length === 0) return MATCH;
    return or(entries.map((c) => group(c.fields, false) ?? NO_MATCH));
  };
  const from = clause(rule.from);
  const to = clause(rule.to);
  const when = and(rule.when.map((w) => group([w], true) ?? NO_MATCH));
  if (allow && l7) return { result: NO_MATCH, fields, note: `L7 attribute ${l7}: ztunnel drops this ALLOW rule`, missing: [] };
  const result = and([from, to, when]);
  return {
    result,
    fields,
    note: l7 ? `L7 attribute ${l7} left out by ztunnel` : undefined,
    missing: result === UNKNOWN ? [...missing] : [],
  };
}

function evalPolicies(list: readonly AppliedPolicy[], allow: boolean, peer: Peer, rq: ResolvedQuery, trace: PolicyTrace[]) {
  const matches: RuleHit[] = [];
  const unknown: RuleHit[] = [];
  const missing = new Set<string>();
  for (const p of list) {
    const rules = p.rules.map((r) => ({ index: r.index, ...evalRule(r, allow, peer, rq, p.policy.namespace ?? '') }));
    for (const r of rules) {
      const hit = { policy: p.policy, rule: r.index, envoyName: envoyName(p.policy, r.index), dryRun: false };
      if (r.result === MATCH) matches.push(hit);
      if (r.result === UNKNOWN) unknown.push(hit);
      r.missing.forEach((m) => missing.add(m));
    }
    trace.push({
      policy: p.policy,
      action: p.action,
      dryRun: false,
      result: or(rules.map((r) => r.result)),
      rules: rules.map((r) => ({ index: r.index, result: r.result, fields: r.fields, ...(r.note ? { note: r.note } : {}) })),
    });
  }
  return { matches, unknown, missing: [...missing].sort() };
}

export function evaluateAmbient(ep: EffectivePolicy, rq: ResolvedQuery): AccessResult {
  const assumptions = [...rq.assumptions, 'ambient workload: ztunnel enforces L4 attributes only'];
  const a = ep.authorization;
  if (a.custom.length + a.audit.length > 0) assumptions.push('ztunnel does not support CUSTOM or AUDIT policies: ignored');
  const dry = [...a.allow, ...a.deny].filter((p) => p.dryRun);
  if (dry.length > 0) assumptions.push('dry-run policies need AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY (off by default): not applied');
  const mtls = portMtls(ep, rq.targetPort);
  const base = answerBase(ep, rq, rq.principal, assumptions);
  const trace = base.trace;
  if (mtls.mode === 'STRICT' && rq.principal === null) {
    return {
      verdict: 'DENY',
      reason: 'mtls-strict-plaintext-rejected',
      ...(mtls.policy ? { decidedBy: { policy: mtls.policy } } : {}),
      ...base,
    };
  }
  const peer = peerOf(rq.principal);
  const deny = evalPolicies(
    a.deny.filter((p) => !p.dryRun),
    false,
    peer,
    rq,
    trace,
  );
  const allowPolicies = a.allow.filter((p) => !p.dryRun);
  const allow = evalPolicies(allowPolicies, true, peer, rq, trace);
  const hit = (h: RuleHit) => ({ decidedBy: { policy: h.policy, rule: h.rule } });
  if (deny.matches.length > 0) return { verdict: 'DENY', reason: 'deny-policy-matched', ...hit(deny.matches[0]), ...base };
  const allowVerdict: Pick<AccessResult, 'verdict' | 'reason' | 'missing' | 'decidedBy'> =
    allowPolicies.length === 0
      ? { verdict: 'ALLOW', reason: 'no-allow-policies' }
      : allow.matches.length > 0
        ? { verdict: 'ALLOW', reason: 'allow-policy-matched', ...hit(allow.matches[0]) }
        : allow.unknown.length > 0
          ? { verdict: 'UNKNOWN', reason: 'unknown-attribute', missing: allow.missing }
          : { verdict: 'DENY', reason: 'allow-policies-exist-none-matched' };
  if (deny.unknown.length > 0 && allowVerdict.verdict !== 'DENY') {
    return {
      verdict: 'UNKNOWN',
      reason: 'unknown-attribute',
      missing: [...new Set([...deny.missing, ...(allowVerdict.missing ?? [])])].sort(),
      ...base,
    };
  }
  return { ...allowVerdict, ...base };
}
