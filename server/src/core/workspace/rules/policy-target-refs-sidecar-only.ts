// A policy bound by targetRefs to a Service whose pods all run sidecars or ztunnel (ambient), with no
// waypoint serving it: nothing enforces it. Sidecars only honour selector policies (istio/istio
// pilot/pkg/model/policyattachment.go ShouldAttachPolicy: a proxy without the gateway-name label
// returns false as soon as targetRefs is set), ztunnel drops targetRefs policies (pilot/pkg/
// serviceregistry/ambient/authorization.go convertAuthorizationPolicy returns nothing for them), and
// only a waypoint or gateway reads targetRefs. Quiet unless the workspace shows the Service, its pods,
// their data plane and no waypoint binding.
import type { WorkspaceRule } from '../rule';
import type { Fact, Labels, SelectorFact, ServiceFact, TargetRefFact, WorkloadFact } from '../facts';
import type { WorkspaceView } from '../view';
import { namesOf, nameOf } from '../describe';
import { meshSettings } from '../../policy/mesh-settings';
import { workloadsForPolicy } from '../../policy/applicable';
import { dataPlaneOf } from '../../policy/data-plane';
import { useWaypoint } from '../../policy/attach';

type Targeted = Fact & {
  type: 'authorization-policy' | 'request-authentication' | 'selecting-resource';
  selector?: SelectorFact;
  targetRefs?: TargetRefFact[];
};

const USE_WAYPOINT = 'istio.io/use-waypoint';

/**
 * Whether a waypoint may serve the Service's traffic (ambient/waypoints.go, fetchWaypointForService): it
 * is bound to one (useWaypoint), and that waypoint, when the workspace shows it, is not labelled
 * istio.io/waypoint-for with anything but service or all (those refuse Service traffic).
 */
function waypointServes(view: WorkspaceView, svc: ServiceFact, nsLabels: Labels): boolean {
  const bound = useWaypoint(svc.labels, nsLabels, svc.namespace ?? '');
  if (!bound) return false;
  const waypoint = view.inNamespace('k8s-gateway', bound.namespace).find((g) => g.name === bound.name);
  const kind = waypoint?.labels['istio.io/waypoint-for'];
  return kind === undefined || kind === 'service' || kind === 'all';
}

/** The Service's pods and their data plane when every one is known to run a sidecar or ztunnel and no waypoint serves it. */
function unservedPods(view: WorkspaceView, svc: ServiceFact): { pods: WorkloadFact[]; planes: Set<string> } | undefined {
  const ns = svc.namespace ?? '';
  const namespace = view.namespace(ns);
  if (!namespace || !svc.selector || waypointServes(view, svc, namespace.labels)) return undefined;
  const pods = view.workloadsMatching(ns, svc.selector);
  if (pods.length === 0) return undefined;
  const planes = new Set<string>();
  for (const w of pods) {
    const plane = dataPlaneOf(view, w);
    if ((plane.dataPlane !== 'sidecar' && plane.dataPlane !== 'ambient') || plane.assumption !== undefined || !w.pod) return undefined;
    planes.add(plane.dataPlane);
  }
  return { pods, planes };
}

/** Who ignores the policy, for the message. */
function ignoredBy(planes: Set<string>): { run: string; ignore: string } {
  if (planes.size > 1) return { run: 'run sidecars or ambient mode (ztunnel)', ignore: 'Sidecars and ztunnel ignore' };
  return planes.has('ambient')
    ? { run: 'run in ambient mode (ztunnel)', ignore: 'ztunnel ignores' }
    : { run: 'all run sidecars', ignore: 'Sidecars ignore' };
}

export const rule: WorkspaceRule = {
  meta: {
    id: 'policy-target-refs-sidecar-only',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'A policy bound with targetRefs to a Service whose pods run sidecars or ztunnel (ambient), and no waypoint: both ignore targetRefs, so the policy has no effect.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const settings = meshSettings(view, config);
    const policies: Targeted[] = [
      ...view.all('authorization-policy'),
      ...view.all('request-authentication'),
      ...view.all('selecting-resource').filter((f) => f.kind === 'WasmPlugin'),
    ];
    for (const policy of policies) {
      const refs = policy.targetRefs ?? [];
      if (refs.length === 0 || policy.namespace === undefined) continue;
      if (workloadsForPolicy(view, settings, policy).length > 0) continue;
      // Every ref must be a Service we can see whose pods all run sidecars or ztunnel; a Gateway or GatewayClass
      // ref is served by gateway pods the workspace rarely holds, so it proves nothing.
      const services = view.inNamespace('service', policy.namespace);
      const found = refs.map((ref) => {
        if (ref.kind !== 'Service' || (ref.group !== '' && ref.group !== 'core')) return undefined;
        const svc = services.find((s) => s.name === ref.name);
        const served = svc ? unservedPods(view, svc) : undefined;
        return svc && served ? { ref, svc, ...served } : undefined;
      });
      if (found.some((f) => f === undefined)) continue;
      for (const f of found) {
        if (!f) continue;
        const { run, ignore } = ignoredBy(f.planes);
        ctx.report({
          at: f.ref.site,
          message: `${nameOf(policy)} is bound with targetRefs to Service ${policy.namespace}/${f.ref.name}, whose pods (${namesOf(f.pods)}) ${run}, and no waypoint serves it (no \`${USE_WAYPOINT}\` on the Service or its namespace, \`none\` on the Service, or a waypoint only for workload traffic). ${ignore} targetRefs policies, so this one has no effect. Use \`selector\` with the pods' labels, or deploy a waypoint and label the Service with \`${USE_WAYPOINT}\`.`,
          related: [{ at: f.svc.site, message: `Service ${policy.namespace}/${f.ref.name}` }],
        });
      }
    }
  },
};
