// A selector with no labels selects every workload in the namespace: Istio's webhook
// (validateWorkloadSelector in pkg/config/validation/validation.go) accepts it with a warning.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'workload-selector-without-labels',
    category: 'api',
    defaultSeverity: 'warning',
    summary: 'A selector without matchLabels, which the webhook warns applies to every workload in the namespace.',
    fixable: false,
  },
  // The kinds whose webhook calls validateWorkloadSelector; EnvoyFilter's own warning is in envoy-filter-invalid.
  kinds: ['networking.istio.io/ProxyConfig', 'telemetry.istio.io/Telemetry', 'extensions.istio.io/WasmPlugin'],
  check(ctx) {
    const selector = recordAt(recordAt(ctx.value, 'spec'), 'selector');
    if (!selector || Object.keys(recordAt(selector, 'matchLabels') ?? {}).length > 0) return;
    ctx.report({
      path: ['spec', 'selector'],
      on: 'key',
      message:
        `The webhook warns: "workload selector specified without labels"; this ${ctx.resource.kind} then applies to every workload in the namespace. ` +
        'Add matchLabels: naming the workloads, or remove selector if the whole namespace is meant.',
    });
  },
};
