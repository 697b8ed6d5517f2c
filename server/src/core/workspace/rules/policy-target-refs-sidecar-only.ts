// A policy bound by targetRefs to a Service whose pods all run sidecars, with no waypoint serving it:
// nothing enforces it. Sidecars only honour selector policies (istio/istio
// pilot/pkg/model/policyattachment.go ShouldAttachPolicy: a proxy without the gateway-name label
// returns false as soon as targetRefs is set), and only a waypoint or gateway reads targetRefs.
// Quiet unless the workspace shows the Service, its pods, their sidecars and no waypoint binding.
import type { WorkspaceRule } from '../rule';
import type { Fact, Labels, SelectorFact, ServiceFact, TargetRefFact, WorkloadFact } from '../facts';
import type { WorkspaceView } from '../view';
import { namesOf, nameOf } from '../describe';
import { meshSettings } from '../../policy/mesh-settings';
import { workloadsForPolicy } from '../../policy/applicable';
import { dataPlaneOf } from '../../policy/data-plane';

type Targeted = Fact & {
  type: 'authorization-policy' | 'request-authentication' | 'selecting-resource';
  selector?: SelectorFact;
  targetRefs?: TargetRefFact[];
};

const USE_WAYPOINT = 'istio.io/use-waypoint';

function waypointBound(labels: Labels | undefined): boolean {
  const v = labels?.[USE_WAYPOINT];
  return v !== undefined && v !== 'none';
}

/** The Service's pods when every one is known to run a sidecar and nothing binds it to a waypoint; else undefined. */
function sidecarOnlyPods(view: WorkspaceView, svc: ServiceFact): WorkloadFact[] | undefined {
  const ns = svc.namespace ?? '';
  const namespace = view.namespace(ns);
  if (!namespace || !svc.selector || waypointBound(svc.labels) || waypointBound(namespace.labels)) return undefined;
  const pods = view.workloadsMatching(ns, svc.selector);
  if (pods.length === 0) return undefined;
  const sidecars = pods.every((w) => {
    const plane = dataPlaneOf(view, w);
    return plane.dataPlane === 'sidecar' && plane.assumption === undefined && w.pod;
  });
  return sidecars ? pods : undefined;
}

export const rule: WorkspaceRule = {
  meta: {
    id: 'policy-target-refs-sidecar-only',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'A policy bound with targetRefs to a Service whose pods all run sidecars, and no waypoint: sidecars ignore targetRefs, so the policy has no effect.',
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
      // Every ref must be a Service we can see whose pods are all sidecars; a Gateway or GatewayClass
      // ref is served by gateway pods the workspace rarely holds, so it proves nothing.
      const services = view.inNamespace('service', policy.namespace);
      const found = refs.map((ref) => {
        if (ref.kind !== 'Service' || (ref.group !== '' && ref.group !== 'core')) return undefined;
        const svc = services.find((s) => s.name === ref.name);
        const pods = svc ? sidecarOnlyPods(view, svc) : undefined;
        return svc && pods ? { ref, svc, pods } : undefined;
      });
      if (found.some((f) => f === undefined)) continue;
      for (const f of found) {
        if (!f) continue;
        ctx.report({
          at: f.ref.site,
          message: `${nameOf(policy)} is bound with targetRefs to Service ${policy.namespace}/${f.ref.name}, whose pods (${namesOf(f.pods)}) all run sidecars, and no waypoint serves it (no \`${USE_WAYPOINT}\` on the Service or its namespace). Sidecars ignore targetRefs policies, so this one has no effect. Use \`selector\` with the pods' labels, or deploy a waypoint and label the Service with \`${USE_WAYPOINT}\`.`,
          related: [{ at: f.svc.site, message: `Service ${policy.namespace}/${f.ref.name}` }],
        });
      }
    }
  },
};
