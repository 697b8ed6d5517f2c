// The authorization part of an effective policy: the applying AuthorizationPolicies grouped by
// action (CUSTOM, DENY, ALLOW, AUDIT: authorization.go ListAuthorizationPolicies), the posture, and
// per-policy and per-port notes where the proxy reads a policy differently from how it is written:
// HTTP-only fields on a TCP port (ALLOW rule skipped, DENY widened: authz/model/model.go and
// builder.go), and ztunnel's L4 conversion in ambient mode (ambient/authorization.go).
import type { AuthorizationPolicyFact, WorkloadFact } from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';
import { authorizationPoliciesFor } from './applicable';
import type { DataPlaneAnswer } from './data-plane';
import { refOf, type WorkloadPort } from './ports';
import { isHttpOnly, matchesEverything, portExcluded, reduceRule } from './rule-fields';
import type { AppliedPolicy, EffectivePolicy, MeshSettings } from './types';
import { ztunnelNotes } from './ztunnel';

type Authz = EffectivePolicy['authorization'];

export interface AuthzAnswer {
  authorization: Authz;
  notApplicable: EffectivePolicy['notApplicable'];
  assumptions: string[];
}

const ACTIONS = new Set(['ALLOW', 'DENY', 'AUDIT', 'CUSTOM']);

function applied(fact: AuthorizationPolicyFact, scope: AppliedPolicy['scope']): AppliedPolicy {
  const rules = fact.rules ?? [];
  return {
    policy: refOf(fact),
    action: fact.action as AppliedPolicy['action'],
    scope,
    dryRun: fact.dryRun === true,
    ...(fact.provider ? { provider: fact.provider.value } : {}),
    rules,
    noRules: rules.length === 0,
  };
}

function label(p: AppliedPolicy): string {
  return `${p.action} ${p.policy.namespace ?? ''}/${p.policy.name}`;
}

/** What sidecar RBAC makes of each applying policy on a TCP port. */
function tcpNotes(policies: readonly AppliedPolicy[], port: number): string[] {
  const notes: string[] = [];
  let allowSurvives = false;
  let anyAllow = false;
  for (const p of policies) {
    if (p.dryRun) continue;
    if (p.action === 'ALLOW') anyAllow = true;
    if (p.noRules) continue;
    let survivors = 0;
    p.rules.forEach((rule) => {
      const r = reduceRule(rule, (f, where) => !isHttpOnly(f, where === 'when'));
      if (p.action === 'ALLOW') {
        if (r.dropped.length > 0)
          notes.push(`${label(p)}: rule[${rule.index}] uses ${r.dropped.join(', ')} (HTTP only) and is skipped on TCP port ${port}`);
        else if (!portExcluded(r.kept, port)) survivors++;
        return;
      }
      if (portExcluded(r.kept, port)) {
        notes.push(`${label(p)}: rule[${rule.index}] keeps ports that exclude ${port}: cannot match here`);
        return;
      }
      if (r.dropped.length > 0)
        notes.push(
          matchesEverything(r)
            ? `${label(p)}: rule[${rule.index}] loses ${r.dropped.join(', ')} (HTTP only) on TCP port ${port}; nothing else constrains it, so this ${p.action} matches every connection`
            : `${label(p)}: rule[${rule.index}] loses ${r.dropped.join(', ')} (HTTP only) on TCP port ${port} and matches on its other fields alone (wider)`,
        );
    });
    if (p.action === 'ALLOW' && survivors > 0) allowSurvives = true;
    if (p.action === 'ALLOW' && survivors === 0 && p.rules.length > 0)
      notes.push(`${label(p)}: no rule survives on TCP port ${port}; it allows no TCP connection`);
  }
  if (anyAllow && !allowSurvives) notes.push(`no ALLOW rule survives on TCP port ${port}: every TCP connection is denied`);
  return notes;
}

export function authorizationOf(
  view: WorkspaceView,
  settings: MeshSettings,
  w: WorkloadFact,
  plane: DataPlaneAnswer,
  ports: readonly WorkloadPort[],
): AuthzAnswer {
  const found = authorizationPoliciesFor(view, settings, w);
  const assumptions: string[] = [];
  const notApplicable = found.notApplicable.map((r) => ({ policy: refOf(r.fact), why: r.why }));
  const groups: Record<'custom' | 'deny' | 'allow' | 'audit', AppliedPolicy[]> = { custom: [], deny: [], allow: [], audit: [] };
  for (const a of found.applied) {
    if (!ACTIONS.has(a.fact.action)) {
      notApplicable.push({ policy: refOf(a.fact), why: `action ${a.fact.action} is not one Istio knows: the policy is ignored` });
      continue;
    }
    const p = applied(a.fact, a.verdict.scope);
    const notes: string[] = [];
    if (p.dryRun) notes.push('dry-run (istio.io/dry-run): evaluated and logged, never enforced');
    else if (a.fact.dryRunSite) notes.push(`istio.io/dry-run is \`${a.fact.dryRunSite.value}\`, which Go's ParseBool rejects: enforced`);
    if (p.noRules && p.action === 'ALLOW') notes.push('no rules: matches nothing, so it allows nothing');
    if (p.noRules && (p.action === 'DENY' || p.action === 'CUSTOM'))
      notes.push(`a ${p.action} policy without rules is rejected by Istio's validation`);
    if (p.action === 'CUSTOM') notes.push(...customNotes(p, settings));
    if (p.action === 'CUSTOM' && p.dryRun) notes.push('a dry-run CUSTOM policy still calls the external authorizer');
    if (plane.dataPlane === 'ambient') notes.push(...ztunnelNotes(p));
    if (notes.length > 0) p.notes = notes;
    groups[p.action.toLowerCase() as keyof typeof groups].push(p);
  }
  const providers = new Set(groups.custom.map((p) => p.provider ?? ''));
  if (providers.size > 1)
    assumptions.push(
      `CUSTOM policies name ${providers.size} providers (${[...providers].join(', ')}): unless PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is on ` +
        '(off by default), Istio turns every CUSTOM rule on this workload into a DENY.',
    );
  if (plane.dataPlane === 'waypoint' || plane.dataPlane === 'gateway')
    assumptions.push(
      `On a ${plane.dataPlane} the rules are read as a sidecar reads HTTP rules; port semantics there are only partly modelled.`,
    );
  if (
    plane.dataPlane === 'gateway' &&
    found.applied.some((a) => !(a.fact.targetRefs?.length ?? 0)) &&
    w.podLabels['gateway.networking.k8s.io/gateway-name']
  )
    assumptions.push('Selector policies on Gateway API gateways assume ENABLE_SELECTOR_BASED_K8S_GATEWAY_POLICY at its default (on).');
  const enforcedAllow = groups.allow.some((p) => !p.dryRun);
  const all = [...groups.custom, ...groups.deny, ...groups.allow, ...groups.audit];
  const perPort = ports.map((p) => {
    const sidecarLike = plane.dataPlane === 'sidecar';
    const notes = sidecarLike && p.protocol !== 'http' ? tcpNotes(all, p.port) : [];
    const shown = p.protocol === 'unknown' && notes.length > 0 ? notes.map((n) => `if the traffic is not HTTP: ${n}`) : notes;
    return { port: p.port, protocol: p.protocol, notes: shown };
  });
  return {
    authorization: {
      ...groups,
      posture: enforcedAllow ? 'deny-unless-allowed' : 'allow-unless-denied',
      perPort,
    },
    notApplicable,
    assumptions,
  };
}

function customNotes(p: AppliedPolicy, settings: MeshSettings): string[] {
  if (!p.provider) return ['CUSTOM without provider.name: Istio rejects it'];
  const known = settings.extensionProviders.value;
  if (settings.extensionProviders.source === 'default')
    return [`provider ${p.provider}: no mesh config in the workspace lists extensionProviders, so it cannot be checked`];
  const hit = known.find((k) => k.name === p.provider);
  if (!hit) return [`provider ${p.provider} is not among the mesh's extensionProviders: Istio generates deny rules instead`];
  return [`provider ${p.provider} (${hit.kind})`];
}
