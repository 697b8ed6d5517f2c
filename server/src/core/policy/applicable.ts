// The policies of each kind that apply to one workload, and why the others in the namespaces Istio
// looks in do not: the small functions workspace rules and `explain` share. PeerAuthentication
// levels follow ComposePeerAuthentication (authn/policy_applier.go), everything else
// ShouldAttachPolicy (attach.ts).
import type {
  AuthorizationPolicyFact,
  Fact,
  Labels,
  PeerAuthenticationFact,
  RequestAuthenticationFact,
  SelectingResourceFact,
  WorkloadFact,
} from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';
import { attachTarget, lookupNamespaces, selectorMiss, shouldAttach, type AttachTarget, type Verdict } from './attach';
import type { MeshSettings } from './types';

export interface Applied<F> {
  fact: F;
  verdict: Extract<Verdict, { applies: true }>;
}
export interface Rejected<F> {
  fact: F;
  why: string;
}
export interface Applicability<F> {
  applied: Applied<F>[];
  notApplicable: Rejected<F>[];
}

function key(prefix: string, settings: MeshSettings, w: WorkloadFact): string {
  return `${prefix}\u0000${settings.rootNamespace.value}\u0000${w.uri}\u0000${w.site.start}`;
}

export function sortOldest<F extends Fact>(facts: readonly F[]): F[] {
  // Istio sorts by creation time, then name, then namespace; without timestamps keep index order.
  if (!facts.every((f) => f.created !== undefined)) return [...facts];
  return [...facts].sort(
    (a, b) =>
      (a.created ?? '').localeCompare(b.created ?? '') ||
      (a.name ?? '').localeCompare(b.name ?? '') ||
      (a.namespace ?? '').localeCompare(b.namespace ?? ''),
  );
}

function attachAll<F extends Fact & Parameters<typeof shouldAttach>[1]>(t: AttachTarget, facts: readonly F[]): Applicability<F> {
  const out: Applicability<F> = { applied: [], notApplicable: [] };
  for (const fact of facts) {
    const v = shouldAttach(t, fact);
    if (v.applies) out.applied.push({ fact, verdict: v });
    else out.notApplicable.push({ fact, why: v.why });
  }
  return out;
}

/** ListAuthorizationPolicies: root namespace, then the workload's (and, for waypoints, the served Services'). */
export function authorizationPoliciesFor(
  view: WorkspaceView,
  settings: MeshSettings,
  w: WorkloadFact,
): Applicability<AuthorizationPolicyFact> {
  return view.memo(key('authz-for', settings, w), () => {
    const t = attachTarget(view, settings, w);
    const namespaces = lookupNamespaces(
      t.rootNamespace,
      t.namespace,
      t.services.map((s) => s.namespace),
    );
    const facts = namespaces.flatMap((ns) => view.inNamespace('authorization-policy', ns));
    const out = attachAll(t, sortOldest(facts));
    if (t.dataPlane === 'none') {
      for (const a of out.applied)
        out.notApplicable.push({ fact: a.fact, why: 'no proxy runs for these pods (no sidecar, ambient or gateway): nothing enforces it' });
      out.applied = [];
    }
    return out;
  });
}

/** RequestAuthentications: the workload's namespace, then the root namespace; attachment as ShouldAttachPolicy. */
export function requestAuthenticationsFor(
  view: WorkspaceView,
  settings: MeshSettings,
  w: WorkloadFact,
): Applicability<RequestAuthenticationFact> {
  return view.memo(key('ra-for', settings, w), () => {
    const t = attachTarget(view, settings, w);
    const facts = lookupNamespaces(t.namespace, t.rootNamespace).flatMap((ns) => view.inNamespace('request-authentication', ns));
    return attachAll(t, sortOldest(facts));
  });
}

/** EnvoyFilter, WasmPlugin (selector or targetRefs) that apply; a root-namespace selector reaches every namespace. */
export function selectingResourcesFor(
  view: WorkspaceView,
  settings: MeshSettings,
  w: WorkloadFact,
  kind: string,
): Applicability<SelectingResourceFact> {
  return view.memo(key(`selecting-for\u0000${kind}`, settings, w), () => {
    const t = attachTarget(view, settings, w);
    const facts = lookupNamespaces(t.namespace, t.rootNamespace)
      .flatMap((ns) => view.inNamespace('selecting-resource', ns))
      .filter((f) => f.kind === kind);
    return attachAll(t, sortOldest(facts));
  });
}

export type PeerLevel = 'mesh' | 'namespace' | 'workload' | 'ignored';

/** Where ComposePeerAuthentication files a PeerAuthentication (a selector in the root namespace: ignored). */
export function peerAuthenticationLevel(pa: PeerAuthenticationFact, settings: MeshSettings): PeerLevel {
  const root = pa.namespace === settings.rootNamespace.value;
  if (!pa.selector) return root ? 'mesh' : 'namespace';
  return root ? 'ignored' : 'workload';
}

export interface PeerAuthentications {
  /** Candidates per level, oldest first (several at one level: Istio takes the oldest). */
  mesh: PeerAuthenticationFact[];
  namespace: PeerAuthenticationFact[];
  workload: PeerAuthenticationFact[];
  notApplicable: Rejected<PeerAuthenticationFact>[];
  /** Whether the first of each level is known to be the oldest (every candidate has a creationTimestamp). */
  ordered: { mesh: boolean; namespace: boolean; workload: boolean };
}

/** PeerAuthentications of the workload's namespace and the root namespace, by level (authentication.go getConfigsForWorkload). */
export function peerAuthenticationsFor(view: WorkspaceView, settings: MeshSettings, w: WorkloadFact): PeerAuthentications {
  return view.memo(key('pa-for', settings, w), () => peerAuthenticationsForPods(view, settings, w.namespace ?? '', w.podLabels));
}

/** The same for pods known only by namespace and labels (a Service's selector, a namespace's pods). */
export function peerAuthenticationsForPods(view: WorkspaceView, settings: MeshSettings, ns: string, labels: Labels): PeerAuthentications {
  const out: PeerAuthentications = {
    mesh: [],
    namespace: [],
    workload: [],
    notApplicable: [],
    ordered: { mesh: true, namespace: true, workload: true },
  };
  for (const pa of lookupNamespaces(ns, settings.rootNamespace.value).flatMap((n) => view.inNamespace('peer-authentication', n))) {
    const miss = pa.selector ? selectorMiss(pa.selector.labels, labels) : undefined;
    if (miss) {
      out.notApplicable.push({ fact: pa, why: miss });
      continue;
    }
    const level = peerAuthenticationLevel(pa, settings);
    if (level === 'ignored')
      out.notApplicable.push({
        fact: pa,
        why: 'a PeerAuthentication with a selector in the root namespace is ignored by Istio (policy_applier.go ComposePeerAuthentication)',
      });
    else out[level].push(pa);
  }
  for (const level of ['mesh', 'namespace', 'workload'] as const) {
    out.ordered[level] = out[level].every((p) => p.created !== undefined);
    out[level] = sortOldest(out[level]);
  }
  return out;
}

/** Every workload a policy applies to (the reverse question, for "applies to N workloads"). */
export function workloadsForPolicy(
  view: WorkspaceView,
  settings: MeshSettings,
  policy: AuthorizationPolicyFact | RequestAuthenticationFact | PeerAuthenticationFact | SelectingResourceFact,
): WorkloadFact[] {
  const ns = policy.namespace ?? '';
  const root = ns === settings.rootNamespace.value;
  const selector = policy.selector?.labels ?? {};
  const targeted = policy.type !== 'peer-authentication' && (policy.targetRefs?.length ?? 0) > 0;
  // targetRefs reach gateway and waypoint pods, which may live in another namespace.
  const candidates = targeted
    ? view.all('workload')
    : root
      ? view.workloadsMatchingAnywhere(selector)
      : view.workloadsMatching(ns, selector);
  return candidates.filter((w) => {
    if (policy.type === 'peer-authentication') {
      const r = peerAuthenticationsFor(view, settings, w);
      return [...r.mesh, ...r.namespace, ...r.workload].includes(policy);
    }
    const t = attachTarget(view, settings, w);
    if (!root && t.namespace !== ns && t.services.every((s) => s.namespace !== ns)) return false;
    if (policy.type === 'authorization-policy') return authorizationPoliciesFor(view, settings, w).applied.some((a) => a.fact === policy);
    return shouldAttach(t, policy).applies;
  });
}
