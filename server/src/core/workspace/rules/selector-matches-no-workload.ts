// A policy's workload selector that matches none of the workloads it can reach: the policy protects
// (or configures) nothing, usually because of a mistyped label. Only said when the workspace holds
// workloads there. An AuthorizationPolicy, RequestAuthentication, EnvoyFilter or WasmPlugin in the
// root namespace reaches matching pods of every namespace (istio/istio pilot/pkg/model/authorization.go:97-100
// looks in the root namespace for every workload); a selector PeerAuthentication there is ignored
// altogether, which peer-authentication-root-namespace-selector says. Gateways are left out (their
// selector reaches pods in any namespace), and so are selectors on the pods Istio deploys for
// Gateway API Gateways.
import type { WorkspaceRule } from '../rule';
import { nameOf } from '../describe';
import type { Fact, SelectorFact, TargetRefFact } from '../facts';
import { meshSettings } from '../../policy/mesh-settings';
import { MESH_WIDE_SELECTOR_KINDS } from '../root-reach';

/**
 * Labels Istio puts on the pods it deploys for a Gateway API Gateway (named after the Gateway):
 * those pods are never written in the workspace, so a selector on them cannot be judged here.
 */
const GATEWAY_POD_LABELS = new Set(['gateway.networking.k8s.io/gateway-name', 'istio.io/gateway-name']);

export const rule: WorkspaceRule = {
  meta: {
    id: 'selector-matches-no-workload',
    category: 'workspace',
    defaultSeverity: 'info',
    summary:
      "A policy's selector matches none of the workloads the workspace holds where it reaches (its namespace; every namespace from the root namespace).",
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const root = meshSettings(view, config).rootNamespace.value;
    const selecting: (Fact & { selector?: SelectorFact; targeted?: boolean; targetRefs?: TargetRefFact[] })[] = [
      ...view.all('peer-authentication'),
      ...view.all('authorization-policy'),
      ...view.all('request-authentication'),
      ...view.all('telemetry'),
      ...view.all('destination-rule'),
      ...view.all('selecting-resource'),
    ];
    for (const f of selecting) {
      const selector = f.selector;
      if (!selector || f.namespace === undefined || f.targeted || (f.targetRefs?.length ?? 0) > 0) continue;
      if (Object.keys(selector.labels).some((k) => GATEWAY_POD_LABELS.has(k))) continue;
      const inRoot = f.namespace === root;
      if (inRoot && f.type === 'peer-authentication') continue;
      const meshWide = inRoot && MESH_WIDE_SELECTOR_KINDS.has(f.kind);
      const workloads = meshWide ? view.all('workload') : view.inNamespace('workload', f.namespace);
      if (workloads.length === 0) continue;
      const matching = meshWide ? view.workloadsMatchingAnywhere(selector.labels) : view.workloadsMatching(f.namespace, selector.labels);
      if (matching.length > 0) continue;
      const wanted = Object.entries(selector.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      const where = meshWide
        ? `in any namespace (in the root namespace ${root}, a ${f.kind} selector reaches pods of every namespace)`
        : `in ${f.namespace}`;
      ctx.report({
        at: selector.site,
        message: `${nameOf(f)} selects pods labelled ${wanted}, but none of the ${workloads.length} workload(s) the workspace holds ${where} carries those labels, so it applies to nothing. Check the labels against the pod template of the workload you meant.`,
      });
    }
  },
};
