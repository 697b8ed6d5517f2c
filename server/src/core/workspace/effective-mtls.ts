// Which PeerAuthentication decides the mTLS mode of some pods, as Istio composes it (istio/istio
// pilot/pkg/security/authn/policy_applier.go ComposePeerAuthentication), on the policy model's
// applicability (policy/applicable.ts): mesh (root namespace, no selector), then namespace, then
// workload (a selector outside the root namespace; one inside it is ignored), each overriding unless
// UNSET. Several at one level: the oldest; without creation timestamps the answer carries the tie.
// No policy in the workspace: unknown.
import type { Config } from '../config';
import type { Labels, PeerAuthenticationFact, Site, WorkloadFact } from './facts';
import { labelsMatch, type WorkspaceView } from './view';
import { meshSettings } from '../policy/mesh-settings';
import { peerAuthenticationsFor, peerAuthenticationsForPods, type PeerAuthentications } from '../policy/applicable';
import { decideMtls, portLevelMode } from '../policy/peer-auth';

export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';
type Level = 'workload' | 'namespace' | 'mesh';

export interface EffectiveMtls {
  mode: MtlsMode;
  policy: PeerAuthenticationFact;
  /** The mode value that decides, or the policy's name when the mode is Istio's default. */
  site: Site;
  level: Level;
  /** Policies tied at the deciding level (creation time unknown): Istio takes the oldest, which the manifests do not say. */
  tied?: PeerAuthenticationFact[];
}

export interface PodsTarget {
  namespace: string;
  labels: Labels;
  /**
   * True when `labels` are the pods' real labels; false when they are only known to include them
   * (e.g. a Service selector): then a workload policy that might or might not match makes the
   * answer unknown.
   */
  exact: boolean;
}

/** The model's decision (policy/peer-auth.ts decideMtls) with the policy and site a finding points at; undefined without any policy. */
function compose(found: PeerAuthentications): EffectiveMtls | undefined {
  const { mode, decidedBy } = decideMtls(found);
  // Only UNSET policies: Istio's default, PERMISSIVE, on behalf of the mesh policy (authentication.go:164-170).
  const level: Level | undefined = decidedBy.policy
    ? decidedBy.level
    : (['mesh', 'namespace', 'workload'] as const).find((l) => found[l].length > 0);
  if (!level) return undefined;
  const policy = decidedBy.policy ?? found[level][0];
  const list = found[level];
  const tied = list.length > 1 && !found.ordered[level] ? list : undefined;
  return { mode, policy, site: policy.mode?.site ?? policy.site, level, ...(tied ? { tied } : {}) };
}

function rootOf(view: WorkspaceView, config: Config): string {
  return meshSettings(view, config).rootNamespace.value;
}

/** Mesh and namespace levels only: what pods of a namespace get without a workload-level policy. */
function namespaceLevels(view: WorkspaceView, config: Config, namespace: string): PeerAuthentications {
  const found = peerAuthenticationsForPods(view, meshSettings(view, config), namespace, {});
  return { ...found, workload: [] };
}

/** Labels that could still be matched by `selector` when the pods are only known to carry `known`. */
function mayMatch(selector: Labels, known: Labels): boolean {
  for (const [k, v] of Object.entries(selector)) if (known[k] !== undefined && known[k] !== v) return false;
  return true;
}

export function effectiveMtls(view: WorkspaceView, config: Config, target: PodsTarget): EffectiveMtls | undefined {
  const settings = meshSettings(view, config);
  // A selector policy in the root namespace is ignored by Istio (policy_applier.go:421).
  const selecting =
    target.namespace === settings.rootNamespace.value
      ? []
      : view.inNamespace('peer-authentication', target.namespace).filter((pa) => pa.selector);
  if (
    !target.exact &&
    selecting.some((pa) => pa.selector && !labelsMatch(pa.selector.labels, target.labels) && mayMatch(pa.selector.labels, target.labels))
  )
    return undefined;
  return compose(peerAuthenticationsForPods(view, settings, target.namespace, target.labels));
}

/** A workload's effective mode (without port-level settings), from the model, once per index snapshot. */
export function workloadMtls(view: WorkspaceView, config: Config, w: WorkloadFact): EffectiveMtls | undefined {
  if (w.namespace === undefined) return undefined;
  const settings = meshSettings(view, config);
  return view.memo(`mtls\u0000${settings.rootNamespace.value}\u0000${w.uri}\u0000${w.site.start}`, () => {
    return compose(peerAuthenticationsFor(view, settings, w));
  });
}

/** The mode pods of a namespace get when no workload-level policy selects them. */
export function namespaceMtls(view: WorkspaceView, config: Config, namespace: string): EffectiveMtls | undefined {
  return compose(namespaceLevels(view, config, namespace));
}

/** The mesh-wide PeerAuthentication (selector-less, in the root namespace); the oldest when known. */
export function meshPolicy(view: WorkspaceView, config: Config): PeerAuthenticationFact | undefined {
  return namespaceLevels(view, config, rootOf(view, config)).mesh[0];
}

/** Does any workload-level policy in the namespace exist (so namespace-level answers may not hold for every pod)? */
export function hasWorkloadPolicies(view: WorkspaceView, config: Config, namespace: string): boolean {
  if (namespace === rootOf(view, config)) return false;
  return view.inNamespace('peer-authentication', namespace).some((p) => p.selector !== undefined);
}

/**
 * The mode on one workload (container/target) port: the portLevelMtls entry of the workload-level
 * policy in force, when it has one for that port and it is not UNSET, else the workload's mode
 * (policy_applier.go:370-376, 453-463: port-level settings are read from the workload policy only,
 * keyed by the target port).
 */
export function workloadPortMtls(view: WorkspaceView, config: Config, w: WorkloadFact, port: number): EffectiveMtls | undefined {
  const whole = workloadMtls(view, config, w);
  const found = peerAuthenticationsFor(view, meshSettings(view, config), w);
  const wp = found.workload[0];
  const set = portLevelMode(wp, port);
  if (!wp || !set) return whole;
  const tied = found.workload.length > 1 && !found.ordered.workload ? found.workload : undefined;
  return { mode: set.mode, policy: wp, site: set.entry.site, level: 'workload', ...(tied ? { tied } : {}) };
}

/** Every workload with the PeerAuthentications of each level that apply to it (the model's answer). */
export function workloadPeerAuthentications(view: WorkspaceView, config: Config): { w: WorkloadFact; found: PeerAuthentications }[] {
  const settings = meshSettings(view, config);
  return view.all('workload').map((w) => ({ w, found: peerAuthenticationsFor(view, settings, w) }));
}
