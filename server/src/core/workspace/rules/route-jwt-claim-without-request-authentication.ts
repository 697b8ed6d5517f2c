// A VirtualService route that matches on a JWT claim (`headers: {"@request.auth.claims.<name>": ...}`)
// at a gateway whose pods no RequestAuthentication applies to. The claims are metadata the JWT
// filter writes after validating a token, and Istio adds that filter only for a RequestAuthentication
// (istio/istio pilot/pkg/security/authn/policy_applier.go, JwtFilter returns nil without JWT rules;
// pilot/pkg/networking/core/route/route.go translateHeaderMatch turns the key into a metadata match).
// Without it a `headers` match can never hold (the route silently never applies) and a
// `withoutHeaders` match always does. istioctl analyze has the same check
// (pkg/config/analysis/analyzers/virtualservice/jwtclaimroute.go, JWTClaimRouteAnalyzer).
import type { WorkspaceRule } from '../rule';
import type { GatewayFact, VirtualServiceFact, WorkloadFact } from '../facts';
import type { WorkspaceView } from '../view';
import { nameOf, namesOf } from '../describe';
import { meshSettings } from '../../policy/mesh-settings';
import { requestAuthenticationsFor } from '../../policy/applicable';

/** The classic Gateway a VirtualService names (`name` or `namespace/name`), when the workspace has it. */
function gatewayNamed(view: WorkspaceView, vs: VirtualServiceFact, ref: string): GatewayFact | undefined {
  const [ns, name] = ref.includes('/') ? ref.split('/', 2) : [vs.namespace ?? '', ref];
  return view.inNamespace('gateway', ns).find((g) => g.name === name);
}

/** The gateway's pods, when it and its pods are in the workspace. */
function gatewayPods(view: WorkspaceView, g: GatewayFact): WorkloadFact[] {
  const selector = g.selector?.labels;
  if (!selector) return [];
  return view.workloadsMatchingAnywhere(selector);
}

export const rule: WorkspaceRule = {
  meta: {
    id: 'route-jwt-claim-without-request-authentication',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'A VirtualService route matches on a JWT claim at a gateway no RequestAuthentication applies to: the claim is never set, so the route never matches.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const settings = meshSettings(view, config);
    for (const vs of view.all('virtual-service')) {
      for (const m of vs.claimMatches) {
        const refs = m.gateways ?? vs.gateways.map((g) => g.value);
        // `mesh` routes run in client sidecars, and a gateway outside the workspace may well have a
        // RequestAuthentication: both stay quiet.
        const gateways = refs.filter((r) => r !== 'mesh').map((r) => gatewayNamed(view, vs, r));
        if (gateways.length === 0 || gateways.some((g) => g === undefined)) continue;
        const known = gateways.filter((g): g is GatewayFact => g !== undefined);
        const podsPerGateway = known.map((g) => gatewayPods(view, g));
        if (podsPerGateway.some((list) => list.length === 0)) continue;
        const pods = podsPerGateway.flat();
        if (pods.some((w) => requestAuthenticationsFor(view, settings, w).applied.length > 0)) continue;
        const effect = m.negated
          ? 'the `withoutHeaders` condition holds for every request, with or without a token'
          : 'this match never holds and the route never applies';
        ctx.report({
          at: m.site,
          message: `This route matches on the JWT claim \`${m.claim}\` at ${namesOf(known)}, but no RequestAuthentication applies to its pods (${namesOf(pods)}). Claims exist only after a RequestAuthentication has validated a token, so ${effect}. Add a RequestAuthentication selecting the gateway pods.`,
          related: known.map((g) => ({ at: g.site, message: nameOf(g) })),
        });
      }
    }
  },
};
