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
import { peerAuthenticationsFor, sortOldest, type PeerAuthentications } from '../policy/applicable';

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

function modeOf(policy: PeerAuthenticationFact): MtlsMode | undefined {
  const m = policy.mode?.mode;
  return m === 'STRICT' || m === 'PERMISSIVE' || m === 'DISABLE' ? m : undefined;
}

/** One level's candidates, oldest first when known: the first is the one Istio uses. */
function levelOf(
  list: readonly PeerAuthenticationFact[],
  level: Level,
): { policy: PeerAuthenticationFact; level: Level; tied?: PeerAuthenticationFact[] } | undefined {
  if (list.length === 0) return undefined;
  const ordered = list.every((p) => p.created !== undefined);
  const sorted = sortOldest(list);
  return { policy: sorted[0], level, tied: list.length > 1 && !ordered ? sorted : undefined };
}

/** Mesh, then namespace, then workload; the narrowest level with a mode decides. */
function compose(levels: ReturnType<typeof levelOf>[]): EffectiveMtls | undefined {
  let out: EffectiveMtls | undefined;
  let mesh: ReturnType<typeof levelOf>;
  for (const l of levels) {
    if (!l) continue;
    if (l.level === 'mesh') mesh = l;
    const mode = modeOf(l.policy);
    if (mode && l.policy.mode)
      out = { mode, policy: l.policy, site: l.policy.mode.site, level: l.level, ...(l.tied ? { tied: l.tied } : {}) };
  }
  if (out) return out;
  // Only UNSET policies: Istio's default, PERMISSIVE, on behalf of the mesh policy (authentication.go:164-170).
  const first = mesh ?? levels.find((l) => l !== undefined);
  return first && { mode: 'PERMISSIVE', policy: first.policy, site: first.policy.mode?.site ?? first.policy.site, level: first.level };
}

function rootOf(view: WorkspaceView, config: Config): string {
  return meshSettings(view, config).rootNamespace.value;
}

/** Labels that could still be matched by `selector` when the pods are only known to carry `known`. */
function mayMatch(selector: Labels, known: Labels): boolean {
  for (const [k, v] of Object.entries(selector)) if (known[k] !== undefined && known[k] !== v) return false;
  return true;
}

export function effectiveMtls(view: WorkspaceView, config: Config, target: PodsTarget): EffectiveMtls | undefined {
  const root = rootOf(view, config);
  // A selector policy in the root namespace is ignored by Istio (policy_applier.go:421).
  const selecting = target.namespace === root ? [] : view.inNamespace('peer-authentication', target.namespace).filter((pa) => pa.selector);
  const matching = selecting.filter((pa) => pa.selector && labelsMatch(pa.selector.labels, target.labels));
  if (
    !target.exact &&
    selecting.some((pa) => pa.selector && !labelsMatch(pa.selector.labels, target.labels) && mayMatch(pa.selector.labels, target.labels))
  )
    return undefined;
  return compose([...namespaceLevels(view, root, target.namespace), levelOf(matching, 'workload')]);
}

/** A workload's effective mode (without port-level settings), from the model, once per index snapshot. */
export function workloadMtls(view: WorkspaceView, config: Config, w: WorkloadFact): EffectiveMtls | undefined {
  if (w.namespace === undefined) return undefined;
  const settings = meshSettings(view, config);
  return view.memo(`mtls\u0000${settings.rootNamespace.value}\u0000${w.uri}\u0000${w.site.start}`, () => {
    const found = peerAuthenticationsFor(view, settings, w);
    return compose([levelOf(found.mesh, 'mesh'), levelOf(found.namespace, 'namespace'), levelOf(found.workload, 'workload')]);
  });
}

function namespaceLevels(view: WorkspaceView, root: string, namespace: string): ReturnType<typeof levelOf>[] {
  const mesh = levelOf(
    view.inNamespace('peer-authentication', root).filter((p) => !p.selector),
    'mesh',
  );
  if (namespace === root) return [mesh];
  const ns = view.inNamespace('peer-authentication', namespace).filter((p) => !p.selector);
  return [mesh, levelOf(ns, 'namespace')];
}

/** The mode pods of a namespace get when no workload-level policy selects them. */
export function namespaceMtls(view: WorkspaceView, config: Config, namespace: string): EffectiveMtls | undefined {
  return compose(namespaceLevels(view, rootOf(view, config), namespace));
}

/** The mesh-wide PeerAuthentication (selector-less, in the root namespace); the oldest when known. */
export function meshPolicy(view: WorkspaceView, config: Config): PeerAuthenticationFact | undefined {
  return namespaceLevels(view, rootOf(view, config), rootOf(view, config))[0]?.policy;
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
  const wp = levelOf(found.workload, 'workload');
  const entry = wp?.policy.ports.find((e) => e.portNumber === port);
  const mode = entry?.mode;
  if (!wp || !entry || (mode !== 'STRICT' && mode !== 'PERMISSIVE' && mode !== 'DISABLE')) return whole;
  return { mode, policy: wp.policy, site: entry.site, level: 'workload', ...(wp.tied ? { tied: wp.tied } : {}) };
}

/** Every workload with the PeerAuthentications of each level that apply to it (the model's answer). */
export function workloadPeerAuthentications(view: WorkspaceView, config: Config): { w: WorkloadFact; found: PeerAuthentications }[] {
  const settings = meshSettings(view, config);
  return view.all('workload').map((w) => ({ w, found: peerAuthenticationsFor(view, settings, w) }));
}
