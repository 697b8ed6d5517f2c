// Which proxy enforces policy for a workload's pods: a sidecar (injected), ztunnel (ambient), a
// waypoint or gateway (pods of a Gateway API Gateway, or of a classic Istio Gateway), or none. The
// answer follows the injector's and the ambient controller's label precedence, and says when the
// workspace cannot tell (no Namespace manifest) so the caller can add an assumption.
import type { GatewayFact, KubernetesGatewayFact, WorkloadFact } from '../workspace/facts';
import { labelsMatch, type WorkspaceView } from '../workspace/view';
import type { DataPlane } from './types';
import { injection, podOptsIn, podOptsOut } from './injection';

export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
export const WAYPOINT_CLASS = 'istio-waypoint';
const DATAPLANE_MODE = 'istio.io/dataplane-mode';

export interface DataPlaneAnswer {
  dataPlane: DataPlane;
  why: string;
  /** Set when the workspace lacks the evidence and this is a guess. */
  assumption?: string;
  /** For gateway/waypoint pods: the Gateway API Gateway they belong to, when the workspace has it. */
  gateway?: KubernetesGatewayFact;
}

export function dataPlaneOf(view: WorkspaceView, w: WorkloadFact): DataPlaneAnswer {
  return view.memo(`data-plane\u0000${w.uri}\u0000${w.site.start}`, () => compute(view, w));
}

/** Classic (networking.istio.io) Gateways whose selector picks these pods, in any namespace. */
export function classicGateways(view: WorkspaceView, w: WorkloadFact): GatewayFact[] {
  return view.all('gateway').filter((g) => g.selector !== undefined && labelsMatch(g.selector.labels, w.podLabels));
}

function compute(view: WorkspaceView, w: WorkloadFact): DataPlaneAnswer {
  const ns = w.namespace ?? '';
  const labels = w.podLabels;
  const gatewayName = labels[GATEWAY_NAME_LABEL];
  if (gatewayName !== undefined) {
    const gateway = view.inNamespace('k8s-gateway', ns).find((g) => g.name === gatewayName);
    const klass = gateway?.gatewayClassName?.value;
    const managedWaypoint = labels['gateway.istio.io/managed'] === 'istio.io-mesh-controller';
    if (klass === WAYPOINT_CLASS || (klass === undefined && managedWaypoint))
      return { dataPlane: 'waypoint', why: `pods of Gateway ${ns}/${gatewayName} (class ${WAYPOINT_CLASS})`, gateway };
    return {
      dataPlane: 'gateway',
      why: `pods of Gateway ${ns}/${gatewayName}${klass ? ` (class ${klass})` : ''}`,
      gateway,
      assumption: gateway ? undefined : `Gateway ${ns}/${gatewayName} is not in the workspace: taken as a gateway, not a waypoint.`,
    };
  }
  const classic = classicGateways(view, w);
  if (classic.length > 0)
    return { dataPlane: 'gateway', why: `selected by Gateway ${classic.map((g) => `${g.namespace ?? ''}/${g.name ?? ''}`).join(', ')}` };
  if (!w.pod) return { dataPlane: 'sidecar', why: 'a VM (WorkloadEntry/WorkloadGroup) runs its own proxy' };
  if (w.hostNetwork) return { dataPlane: 'none', why: 'hostNetwork pods get neither a sidecar nor ztunnel capture' };
  const namespace = view.namespace(ns);
  const nsLabels = namespace?.labels ?? {};
  const { sidecar, why } = injection(w, ns, nsLabels);
  if (sidecar) return { dataPlane: 'sidecar', why };
  const podMode = labels[DATAPLANE_MODE];
  const nsMode = nsLabels[DATAPLANE_MODE];
  if (podMode === 'ambient' || (podMode !== 'none' && nsMode === 'ambient')) {
    const from = podMode === 'ambient' ? 'the pod' : `namespace ${ns}`;
    return { dataPlane: 'ambient', why: `${from} has ${DATAPLANE_MODE}=ambient: ztunnel enforces L4 policy` };
  }
  // A namespace the workspace does not show may well inject: unless the pod itself decides, assume so.
  if (!namespace && !podOptsOut(w) && !podOptsIn(w))
    return {
      dataPlane: 'sidecar',
      why: `namespace ${ns} is not in the workspace`,
      assumption: `Namespace ${ns} has no manifest in the workspace: its injection labels are unknown; a sidecar is assumed.`,
    };
  return { dataPlane: 'none', why: `${why}, and it is not in ambient mode` };
}
