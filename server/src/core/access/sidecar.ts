// The sidecar's inbound chain in Envoy's order (Istio listener_builder.go:474-484, builder.go:112-141):
// mTLS filter-chain match, CUSTOM (ext_authz), jwt_authn, AUDIT, DENY, ALLOW; dry-run policies only
// leave shadow results. Three-valued: an unknown attribute decides nothing unless the verdict hinges on it.
import type { AppliedPolicy, EffectivePolicy } from '../policy/types';
import type { AccessResult, Reason, Verdict } from './types';
import { answerBase, portMtls, trustBundle, type ResolvedQuery } from './resolved';
import { evaluateGroup, type GroupOutcome, type RuleHit } from './policy-eval';
import { authenticate } from './jwt';
import { headerMap, type RequestAttrs } from './request';
import { normalizePath } from './path';

interface Decision {
  verdict: Verdict;
  reason: Reason;
  decidedBy?: AccessResult['decidedBy'];
  missing?: string[];
  notes: string[];
}

const hitRef = (h: RuleHit): AccessResult['decidedBy'] => ({ policy: h.policy, rule: h.rule, envoyName: h.envoyName });

/** DENY then ALLOW, as two RBAC filters in a row. */
function denyThenAllow(deny: GroupOutcome, allow: GroupOutcome): Decision {
  const allowDecision = ((): Decision => {
    if (allow.enforced === 0) return { verdict: 'ALLOW', reason: 'no-allow-policies', notes: [] };
    if (allow.matches.length > 0)
      return { verdict: 'ALLOW', reason: 'allow-policy-matched', decidedBy: hitRef(allow.matches[0]), notes: [] };
    if (allow.unknown.length > 0) return { verdict: 'UNKNOWN', reason: 'unknown-attribute', missing: allow.missing, notes: [] };
    return { verdict: 'DENY', reason: 'allow-policies-exist-none-matched', notes: [] };
  })();
  if (deny.matches.length > 0) {
    const notes = allow.matches.length > 0 ? [`not reached: ALLOW ${allow.matches[0].envoyName} would have matched`] : [];
    return { verdict: 'DENY', reason: 'deny-policy-matched', decidedBy: hitRef(deny.matches[0]), notes };
  }
  if (deny.unknown.length === 0) return allowDecision;
  // A DENY rule might match: that only matters when the ALLOW step would not deny anyway.
  if (allowDecision.verdict === 'DENY') {
    allowDecision.notes.push(`DENY ${deny.unknown[0].envoyName} may also match (unknown: ${deny.missing.join(', ')})`);
    return allowDecision;
  }
  const missing = [...new Set([...deny.missing, ...(allowDecision.missing ?? [])])].sort();
  return { verdict: 'UNKNOWN', reason: 'unknown-attribute', missing, notes: [] };
}

function providerProblem(ep: EffectivePolicy, custom: readonly AppliedPolicy[]): string | undefined {
  const names = [...new Set(custom.map((p) => p.provider ?? ''))].sort();
  if (names.length > 1) {
    return `several CUSTOM providers (${names.join(', ')}) without PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS: Istio denies on every CUSTOM rule`;
  }
  const known = ep.mesh.extensionProviders;
  if (known.source !== 'default' && !known.value.some((p) => p.name === names[0])) {
    return `extension provider "${names[0]}" is not defined in the mesh config: Istio denies on every CUSTOM rule`;
  }
  return undefined;
}

export function evaluateSidecar(ep: EffectivePolicy, rq: ResolvedQuery): AccessResult {
  const assumptions = [...rq.assumptions];
  const http = rq.protocol === 'http';
  const mtls = portMtls(ep, rq.targetPort);
  // A DISABLE port has only a plaintext filter chain: the server never sees a client certificate.
  const principal = mtls.mode === 'DISABLE' ? null : rq.principal;
  if (mtls.mode === 'DISABLE' && rq.principal !== null) {
    assumptions.push(`port ${rq.targetPort} is DISABLE: the client sends plaintext, so no identity reaches the policies`);
  }
  const base = answerBase(ep, rq, principal, assumptions);
  const trace = base.trace;
  if (mtls.mode === 'STRICT' && rq.principal === null) {
    const decidedBy = mtls.policy ? { policy: mtls.policy } : undefined;
    return { verdict: 'DENY', reason: 'mtls-strict-plaintext-rejected', decidedBy, ...base };
  }
  const req: RequestAttrs = {
    principal,
    method: rq.request?.method ?? 'GET',
    path: normalizePath(rq.request?.path ?? '/', ep.mesh.pathNormalization.value),
    host: rq.request?.host,
    headers: headerMap(rq.request?.headers),
    claims: null,
    port: rq.targetPort,
    sourceIp: rq.network?.sourceIp,
    remoteIp: rq.network?.remoteIp,
    destinationIp: rq.network?.destinationIp,
    sni: rq.network?.sni,
  };
  const bundle = trustBundle(ep);
  const forTCP = !http;

  // CUSTOM runs before jwt_authn, so it never sees request.auth.* (claims stay null here).
  const a = ep.authorization;
  let custom: GroupOutcome | undefined;
  let customProblem: string | undefined;
  const kindOf = (name: string | undefined): string | undefined => ep.mesh.extensionProviders.value.find((p) => p.name === name)?.kind;
  const customPolicies = a.custom.filter((p) => !(forTCP && kindOf(p.provider) === 'envoyExtAuthzHttp'));
  if (customPolicies.length < a.custom.length) assumptions.push('an HTTP ext_authz provider is not applied on a TCP port');
  if (customPolicies.some((p) => p.dryRun)) assumptions.push('a dry-run CUSTOM policy still calls its provider (Istio builder.go)');
  if (customPolicies.length > 0) {
    customProblem = providerProblem(ep, customPolicies);
    const asEnforced = customPolicies.map((p) => ({ ...p, dryRun: false }));
    custom = evaluateGroup(asEnforced, req, bundle, { strict: false, forTCP });
    trace.push(...custom.traces.map((t, i) => ({ ...t, dryRun: customPolicies[i].dryRun })));
  }

  const jwt = authenticate(ep, rq.request, http);
  const jwtOutcome = 'error' in jwt ? undefined : jwt;
  if (jwtOutcome) assumptions.push(...jwtOutcome.assumptions);
  const context = { ...base.context, jwt: jwtOutcome?.status === 'ignored' ? ('absent' as const) : jwtOutcome?.status };

  const rest = ((): Decision => {
    if (jwtOutcome?.status === 'rejected') {
      const decidedBy = jwtOutcome.rejectedBy ? { policy: jwtOutcome.rejectedBy } : undefined;
      return { verdict: 'DENY', reason: 'jwt-rejected-401', decidedBy, notes: [`401: ${jwtOutcome.why ?? 'token rejected'}`] };
    }
    const withClaims: RequestAttrs = { ...req, claims: jwtOutcome?.claims ?? null };
    const audit = evaluateGroup(a.audit, withClaims, bundle, { strict: false, forTCP });
    const deny = evaluateGroup(a.deny, withClaims, bundle, { strict: false, forTCP });
    const allow = evaluateGroup(a.allow, withClaims, bundle, { strict: true, forTCP });
    trace.push(...audit.traces, ...deny.traces, ...allow.traces);
    base.shadow.push(
      ...deny.shadow.map((h) => ({ policy: h.policy, rule: h.rule, wouldBe: 'DENY' as const })),
      ...allow.shadow.map((h) => ({ policy: h.policy, rule: h.rule, wouldBe: 'ALLOW' as const })),
    );
    return denyThenAllow(deny, allow);
  })();
  assumptions.push(...rest.notes);

  if (custom && (custom.matches.length > 0 || custom.unknown.length > 0)) {
    const hit = custom.matches[0] ?? custom.unknown[0];
    if (customProblem) {
      if (custom.matches.length === 0)
        return { verdict: 'UNKNOWN', reason: 'unknown-attribute', missing: custom.missing, ...base, context };
      assumptions.push(customProblem);
      return { verdict: 'DENY', reason: 'custom-bad-config-deny', decidedBy: hitRef(hit), ...base, context };
    }
    if (custom.matches.length === 0) {
      const missing = [...new Set([...custom.missing, ...(rest.missing ?? [])])].sort();
      return { verdict: 'UNKNOWN', reason: 'unknown-attribute', missing, ...base, context };
    }
    const provider = customPolicies.find((p) => p.policy === hit.policy)?.provider;
    const ifCustomAllows = rest.verdict as Exclude<Verdict, 'CUSTOM'>;
    return { verdict: 'CUSTOM', reason: 'custom-provider-decides', decidedBy: hitRef(hit), ifCustomAllows, provider, ...base, context };
  }
  const result: AccessResult = { verdict: rest.verdict, reason: rest.reason, ...base, context };
  if (rest.decidedBy) result.decidedBy = rest.decidedBy;
  if (rest.missing) result.missing = rest.missing;
  return result;
}
