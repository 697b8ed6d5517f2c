// A policy's workload selector that matches none of its namespace's workloads: the policy protects
// (or configures) nothing, usually because of a mistyped label. Only said when the workspace holds
// workloads of that namespace. Gateways are left out: their selector reaches pods in any namespace.
// So are selectors on the pods Istio deploys for Gateway API Gateways.
import type { WorkspaceRule } from '../rule';
import { nameOf } from '../describe';
import type { Fact, SelectorFact } from '../facts';

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
    summary: "A policy's selector matches none of the workloads the workspace holds in its namespace.",
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const selecting: (Fact & { selector?: SelectorFact; targeted?: boolean })[] = [
      ...view.all('peer-authentication'),
      ...view.all('authorization-policy'),
      ...view.all('request-authentication'),
      ...view.all('telemetry'),
      ...view.all('destination-rule'),
      ...view.all('selecting-resource'),
    ];
    for (const f of selecting) {
      const selector = f.selector;
      if (!selector || f.namespace === undefined || f.targeted) continue;
      if (Object.keys(selector.labels).some((k) => GATEWAY_POD_LABELS.has(k))) continue;
      const workloads = view.inNamespace('workload', f.namespace);
      if (workloads.length === 0 || view.workloadsMatching(f.namespace, selector.labels).length > 0) continue;
      const wanted = Object.entries(selector.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      const elsewhere =
        f.namespace === config.rootNamespace
          ? view.workloadsMatchingAnywhere(selector.labels).find((w) => w.namespace !== f.namespace)
          : undefined;
      const note = elsewhere
        ? ` A selector in the root namespace only applies to workloads of the root namespace; ${nameOf(elsewhere)} matches it but lives in ${elsewhere.namespace}. Move the policy to that namespace.`
        : ' Check the labels against the pod template of the workload you meant.';
      ctx.report({
        at: selector.site,
        message: `${nameOf(f)} selects pods labelled ${wanted}, but none of the ${workloads.length} workload(s) the workspace holds in ${f.namespace} carries those labels, so it applies to nothing.${note}`,
        related: elsewhere ? [{ at: elsewhere.site, message: `${nameOf(elsewhere)} carries these labels` }] : undefined,
      });
    }
  },
};
