// Which PeerAuthentication decides the mTLS mode of some pods, as Istio resolves it: a policy whose
// selector matches the pods, else the namespace's selector-less policy, else the mesh-wide one in
// the root namespace. UNSET (or no mode) inherits from the next level; a mesh-wide policy that
// inherits falls back to Istio's default, PERMISSIVE. No policy in the workspace: unknown.
import type { Config } from '../config';
import type { Labels, PeerAuthenticationFact, Site, WorkloadFact } from './facts';
import { labelsMatch, type WorkspaceView } from './view';

export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

export interface EffectiveMtls {
  mode: MtlsMode;
  policy: PeerAuthenticationFact;
  /** The mode value that decides, or the policy's name when the mode is Istio's default. */
  site: Site;
  level: 'workload' | 'namespace' | 'mesh';
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

function decided(policy: PeerAuthenticationFact, level: EffectiveMtls['level']): EffectiveMtls | undefined {
  const m = policy.mode;
  if (!m || (m.mode !== 'STRICT' && m.mode !== 'PERMISSIVE' && m.mode !== 'DISABLE')) return undefined;
  return { mode: m.mode, policy, site: m.site, level };
}

/** Labels that could still be matched by `selector` when the pods are only known to carry `known`. */
function mayMatch(selector: Labels, known: Labels): boolean {
  for (const [k, v] of Object.entries(selector)) if (known[k] !== undefined && known[k] !== v) return false;
  return true;
}

export function effectiveMtls(view: WorkspaceView, config: Config, target: PodsTarget): EffectiveMtls | undefined {
  const selecting = view.inNamespace('peer-authentication', target.namespace).filter((pa) => pa.selector !== undefined);
  for (const pa of selecting) {
    const d = pa.selector && labelsMatch(pa.selector.labels, target.labels) ? decided(pa, 'workload') : undefined;
    if (d) return d;
  }
  if (
    !target.exact &&
    selecting.some((pa) => pa.selector && !labelsMatch(pa.selector.labels, target.labels) && mayMatch(pa.selector.labels, target.labels))
  )
    return undefined;
  return namespaceMtls(view, config, target.namespace);
}

/** A workload's effective mode, computed once per index snapshot. */
export function workloadMtls(view: WorkspaceView, config: Config, w: WorkloadFact): EffectiveMtls | undefined {
  const namespace = w.namespace;
  if (namespace === undefined) return undefined;
  return view.memo(`mtls\u0000${config.rootNamespace}\u0000${w.uri}\u0000${w.site.start}`, () =>
    effectiveMtls(view, config, { namespace, labels: w.podLabels, exact: true }),
  );
}

/** The mode pods of a namespace get when no workload-level policy selects them. */
export function namespaceMtls(view: WorkspaceView, config: Config, namespace: string): EffectiveMtls | undefined {
  if (namespace !== config.rootNamespace) {
    const nsPolicy = view.inNamespace('peer-authentication', namespace).find((p) => !p.selector);
    const d = nsPolicy && decided(nsPolicy, 'namespace');
    if (d) return d;
  }
  const mesh = meshPolicy(view, config);
  if (!mesh) return undefined;
  return decided(mesh, 'mesh') ?? { mode: 'PERMISSIVE', policy: mesh, site: mesh.mode?.site ?? mesh.site, level: 'mesh' };
}

/** The mesh-wide PeerAuthentication: selector-less, in the root namespace. */
export function meshPolicy(view: WorkspaceView, config: Config): PeerAuthenticationFact | undefined {
  return view.inNamespace('peer-authentication', config.rootNamespace).find((p) => !p.selector);
}

/** Does any workload-level policy in the namespace exist (so namespace-level answers may not hold for every pod)? */
export function hasWorkloadPolicies(view: WorkspaceView, namespace: string): boolean {
  return view.inNamespace('peer-authentication', namespace).some((p) => p.selector !== undefined);
}
