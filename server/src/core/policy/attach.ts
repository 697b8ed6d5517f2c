// Which policies attach to a workload, exactly as Istio decides (pilot/pkg/model/policyattachment.go
// ShouldAttachPolicy; model/authorization.go ListAuthorizationPolicies; model/authentication.go
// getConfigsForWorkload): the namespaces looked in, selector vs targetRefs by data plane, and a
// reason for every policy looked at that does not attach. Memoised per index snapshot.
import type { Labels, SelectorFact, TargetRefFact, WorkloadFact } from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';
import { classicGateways, dataPlaneOf, GATEWAY_NAME_LABEL, WAYPOINT_CLASS } from './data-plane';
import type { DataPlane, MeshSettings } from './types';

export interface AttachTarget {
  namespace: string;
  labels: Labels;
  dataPlane: DataPlane;
  /** The gateway-name label: a Gateway API gateway or waypoint pod. */
  gatewayName?: string;
  isWaypoint: boolean;
  /** Services a waypoint serves (istio.io/use-waypoint), for Service/ServiceEntry targetRefs. */
  services: { name: string; namespace: string; registry: 'Kubernetes' | 'External' }[];
  /** Classic Istio Gateways the pods are instances of, for Gateway targetRefs. */
  classicGateways: { namespace: string; name: string }[];
  rootNamespace: string;
}

/** What ShouldAttachPolicy reads of a policy. */
export interface Attachable {
  kind: string;
  namespace?: string;
  name?: string;
  selector?: SelectorFact;
  targetRefs?: TargetRefFact[];
  /** Legacy flag on facts extracted before targetRefs were kept. */
  targeted?: boolean;
}

export type Verdict =
  { applies: true; scope: 'root' | 'namespace' | 'workload' | 'targetRef'; why: string } | { applies: false; why: string };

export function attachTarget(view: WorkspaceView, settings: MeshSettings, w: WorkloadFact): AttachTarget {
  const namespace = w.namespace ?? '';
  const rootNamespace = settings.rootNamespace.value;
  return view.memo(`attach-target\u0000${rootNamespace}\u0000${w.uri}\u0000${w.site.start}`, () => {
    const plane = dataPlaneOf(view, w);
    const gatewayName = w.podLabels[GATEWAY_NAME_LABEL];
    const isWaypoint = plane.dataPlane === 'waypoint';
    return {
      namespace,
      labels: w.podLabels,
      dataPlane: plane.dataPlane,
      gatewayName,
      isWaypoint,
      services: isWaypoint && gatewayName ? servedBy(view, namespace, gatewayName) : [],
      classicGateways: classicGateways(view, w).map((g) => ({ namespace: g.namespace ?? '', name: g.name ?? '' })),
      rootNamespace,
    };
  });
}

/**
 * The waypoint a Service or ServiceEntry is bound to (ambient/waypoints.go, getUseWaypoint): its own
 * istio.io/use-waypoint label wins over its namespace's, and "none" (or no label at all) means none.
 */
export function useWaypoint(
  labels: Labels | undefined,
  namespaceLabels: Labels | undefined,
  ownNamespace: string,
): { name: string; namespace: string } | undefined {
  const from = labels?.['istio.io/use-waypoint'] !== undefined ? labels : namespaceLabels;
  const name = from?.['istio.io/use-waypoint'];
  if (name === undefined || name === 'none') return undefined;
  return { name, namespace: from?.['istio.io/use-waypoint-namespace'] ?? ownNamespace };
}

/** Services and ServiceEntries bound to the waypoint by istio.io/use-waypoint (on them, or on their namespace). */
function servedBy(view: WorkspaceView, wpNamespace: string, wpName: string): AttachTarget['services'] {
  const out: AttachTarget['services'] = [];
  const consider = (
    name: string | undefined,
    namespace: string | undefined,
    labels: Labels | undefined,
    registry: 'Kubernetes' | 'External',
  ): void => {
    if (!name || namespace === undefined) return;
    const bound = useWaypoint(labels, view.namespace(namespace)?.labels, namespace);
    if (bound?.name === wpName && bound.namespace === wpNamespace) out.push({ name, namespace, registry });
  };
  for (const s of view.all('service')) consider(s.name, s.namespace, s.labels, 'Kubernetes');
  for (const s of view.all('service-entry')) consider(s.name, s.namespace, s.labels, 'External');
  return out;
}

/** Why a selector does not match: the first label that differs or is missing. */
export function selectorMiss(selector: Labels, labels: Labels): string | undefined {
  for (const [k, v] of Object.entries(selector)) {
    if (labels[k] === undefined) return `selector key ${k} missing on the pods`;
    if (labels[k] !== v) return `selector label ${k}=${v} ≠ ${labels[k]}`;
  }
  return undefined;
}

const isCore = (g: string): boolean => g === '' || g === 'core';

function refMatches(ref: TargetRefFact, group: string, kind: string): boolean {
  return ref.kind === kind && (group === '' ? isCore(ref.group) : ref.group === group);
}

function describeRefs(refs: TargetRefFact[]): string {
  return refs.map((r) => `${r.kind}/${r.name}`).join(', ');
}

/** Istio's ShouldAttachPolicy (policyattachment.go), with the reason either way. */
export function shouldAttach(t: AttachTarget, p: Attachable): Verdict {
  const refs = p.targetRefs ?? [];
  const ns = p.namespace ?? '';
  const scopeOf = (): 'root' | 'namespace' | 'workload' => (ns === t.rootNamespace ? 'root' : p.selector ? 'workload' : 'namespace');
  const bySelector = (): Verdict => {
    if (!p.selector)
      return {
        applies: true,
        scope: scopeOf(),
        why: ns === t.rootNamespace ? 'root namespace, no selector: mesh-wide' : 'no selector: namespace-wide',
      };
    const miss = selectorMiss(p.selector.labels, t.labels);
    if (miss) return { applies: false, why: miss };
    return {
      applies: true,
      scope: scopeOf(),
      why: ns === t.rootNamespace ? 'selector matches (root namespace: pods of every namespace)' : 'selector matches',
    };
  };
  for (const ref of refs) {
    if (!refMatches(ref, 'networking.istio.io', 'Gateway')) continue;
    if (
      t.classicGateways.some(
        (g) => g.name === ref.name && g.namespace === ns && (ref.namespace === undefined || ref.namespace === '' || ref.namespace === ns),
      )
    )
      return { applies: true, scope: 'targetRef', why: `targetRefs Gateway ${ns}/${ref.name}, which selects these pods` };
  }
  if (t.gatewayName === undefined) {
    if (refs.length > 0 || (p.targeted && refs.length === 0))
      return {
        applies: false,
        why: `targetRefs ${describeRefs(refs) || '(set)'} binds to a waypoint or gateway; ${t.dataPlane === 'ambient' ? 'ztunnel' : 'sidecars'} ignore it`,
      };
    return bySelector();
  }
  if (refs.length === 0) {
    if (t.isWaypoint) return { applies: false, why: 'waypoints ignore selector policies (no targetRefs)' };
    const v = bySelector();
    return v.applies
      ? { ...v, why: `${v.why} (gateway pods honour selectors while ENABLE_SELECTOR_BASED_K8S_GATEWAY_POLICY is on, the default)` }
      : v;
  }
  for (const ref of refs) {
    const hit = (registry: 'Kubernetes' | 'External'): boolean =>
      t.isWaypoint && t.services.some((s) => s.name === ref.name && s.namespace === ns && s.registry === registry);
    if (refMatches(ref, '', 'Service') && hit('Kubernetes'))
      return { applies: true, scope: 'targetRef', why: `targetRefs Service ${ns}/${ref.name}, served by this waypoint` };
    if (refMatches(ref, 'networking.istio.io', 'ServiceEntry') && hit('External'))
      return { applies: true, scope: 'targetRef', why: `targetRefs ServiceEntry ${ns}/${ref.name}, served by this waypoint` };
    if (
      ns === t.rootNamespace &&
      t.isWaypoint &&
      refMatches(ref, 'gateway.networking.k8s.io', 'GatewayClass') &&
      ref.name === WAYPOINT_CLASS
    )
      return { applies: true, scope: 'targetRef', why: `targetRefs GatewayClass ${WAYPOINT_CLASS} in the root namespace: every waypoint` };
    if (t.namespace !== ns) continue;
    if (ref.namespace !== undefined && ref.namespace !== '' && ref.namespace !== t.namespace) continue;
    if (refMatches(ref, 'gateway.networking.k8s.io', 'Gateway') && ref.name === t.gatewayName)
      return { applies: true, scope: 'targetRef', why: `targetRefs Gateway ${ns}/${ref.name}` };
  }
  return {
    applies: false,
    why: `targetRefs ${describeRefs(refs)} names neither this ${t.isWaypoint ? 'waypoint' : 'gateway'} nor a service it serves`,
  };
}

/** Namespaces Istio looks in, in its order, without repeats. */
export function lookupNamespaces(first: string, second: string, more: string[] = []): string[] {
  return [...new Set([first, second, ...more])];
}
