// Istio workload selectors match labels exactly: empty keys and "*" wildcards are rejected by the
// CRD's CEL rules and by the validation webhook.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { recordAt } from './lib/go-values';

/** Where each kind keeps its istio.type.v1beta1.WorkloadSelector. */
const SELECTOR_FIELD: Record<string, string> = {
  'security.istio.io/PeerAuthentication': 'selector',
  'security.istio.io/AuthorizationPolicy': 'selector',
  'security.istio.io/RequestAuthentication': 'selector',
  'telemetry.istio.io/Telemetry': 'selector',
  'extensions.istio.io/WasmPlugin': 'selector',
  'extensions.istio.io/TrafficExtension': 'selector',
  'networking.istio.io/DestinationRule': 'workloadSelector',
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
    const field = SELECTOR_FIELD[`${ctx.resource.group}/${ctx.resource.kind}`];
    if (!field) return;
    const labels = recordAt(recordAt(recordAt(ctx.value, 'spec'), field), 'matchLabels');
    for (const [key, value] of Object.entries(labels ?? {})) {
      const path: PathSegment[] = ['spec', field, 'matchLabels', key];
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
