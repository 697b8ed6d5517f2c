// Istio workload selectors match labels exactly: empty keys and "*" wildcards are rejected by the
// CRD's CEL rules and by the validation webhook.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { recordAt } from './lib/go-values';

/**
 * Where each kind keeps its label map: istio.type.v1beta1.WorkloadSelector (`matchLabels`), or the
 * older networking WorkloadSelector (`labels`) of ServiceEntry, Sidecar and EnvoyFilter, which the
 * webhook's ValidateAlphaWorkloadSelector and the CRDs' CEL rules check the same way.
 */
const SELECTOR_FIELD: Record<string, [string, string]> = {
  'security.istio.io/PeerAuthentication': ['selector', 'matchLabels'],
  'security.istio.io/AuthorizationPolicy': ['selector', 'matchLabels'],
  'security.istio.io/RequestAuthentication': ['selector', 'matchLabels'],
  'telemetry.istio.io/Telemetry': ['selector', 'matchLabels'],
  'extensions.istio.io/WasmPlugin': ['selector', 'matchLabels'],
  'extensions.istio.io/TrafficExtension': ['selector', 'matchLabels'],
  'networking.istio.io/DestinationRule': ['workloadSelector', 'matchLabels'],
  'networking.istio.io/ProxyConfig': ['selector', 'matchLabels'],
  'networking.istio.io/ServiceEntry': ['workloadSelector', 'labels'],
  'networking.istio.io/Sidecar': ['workloadSelector', 'labels'],
  'networking.istio.io/EnvoyFilter': ['workloadSelector', 'labels'],
};

export const rule: DocumentRule = {
  meta: {
    id: 'workload-selector-labels',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Workload selector labels must be exact: no empty keys and no "*" in keys or values.',
    fixable: false,
  },
  kinds: Object.keys(SELECTOR_FIELD),
  check(ctx) {
    const fields = SELECTOR_FIELD[`${ctx.resource.group}/${ctx.resource.kind}`];
    if (!fields) return;
    const [field, map] = fields;
    const labels = recordAt(recordAt(recordAt(ctx.value, 'spec'), field), map);
    for (const [key, value] of Object.entries(labels ?? {})) {
      const path: PathSegment[] = ['spec', field, map, key];
      if (key === '') {
        ctx.report({
          path,
          on: 'key',
          message: 'The API server rejects an empty label key in a workload selector. Write the label name, e.g. app.',
        });
      } else if (key.includes('*')) {
        ctx.report({
          path,
          on: 'key',
          message: `The API server rejects "${key}": "wildcard not allowed in label key match". Selectors match labels exactly; name the label, or drop the selector to cover the whole namespace.`,
        });
      }
      if (typeof value === 'string' && value.includes('*')) {
        ctx.report({
          path,
          on: 'value',
          message: `The API server rejects "${value}": "wildcard not allowed in label value match". Write the exact label value; to match several values, give those workloads a shared label and select on it.`,
        });
      }
    }
  },
};
