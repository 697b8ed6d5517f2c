// A selector with no labels selects every workload in the namespace: Istio's webhook
// (validateWorkloadSelector and ValidateAlphaWorkloadSelector) accepts it with a warning.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';

/**
 * Kinds whose webhook warns about an empty selector, and where the labels sit: validateWorkloadSelector
 * (ProxyConfig, Telemetry, WasmPlugin) and ValidateAlphaWorkloadSelector (EnvoyFilter). Sidecar's
 * warning is sidecar-invalid's.
 */
const SELECTORS: Record<string, [string, string]> = {
  'networking.istio.io/ProxyConfig': ['selector', 'matchLabels'],
  'telemetry.istio.io/Telemetry': ['selector', 'matchLabels'],
  'extensions.istio.io/WasmPlugin': ['selector', 'matchLabels'],
  'networking.istio.io/EnvoyFilter': ['workloadSelector', 'labels'],
};

export const rule: DocumentRule = {
  meta: {
    id: 'workload-selector-without-labels',
    category: 'api',
    defaultSeverity: 'warning',
    summary: 'A selector without matchLabels, which the webhook warns applies to every workload in the namespace.',
    fixable: false,
  },
  kinds: Object.keys(SELECTORS),
  check(ctx) {
    const [field, map] = SELECTORS[`${ctx.resource.group}/${ctx.resource.kind}`] ?? ['selector', 'matchLabels'];
    const selector = recordAt(recordAt(ctx.value, 'spec'), field);
    if (!selector || Object.keys(recordAt(selector, map) ?? {}).length > 0) return;
    ctx.report({
      path: ['spec', field],
      on: 'key',
      message:
        `The webhook warns: "workload selector specified without labels"; this ${ctx.resource.kind} then applies to every workload in the namespace. ` +
        `Add ${map}: naming the workloads, or remove ${field} if the whole namespace is meant.`,
    });
  },
};
