// Istio workload selectors match labels exactly: empty keys and "*" wildcards are rejected by the
// CRD's CEL rules and by the validation webhook, which also warns about a selector without labels.
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

/**
 * Kinds whose webhook warns about a selector without labels ("workload selector specified without labels"):
 * validateWorkloadSelector (matchLabels kinds) and ValidateAlphaWorkloadSelector (ServiceEntry, Sidecar,
 * EnvoyFilter). Istio has no webhook check for TrafficExtension, so it is left out.
 */
const WARNS_WITHOUT_LABELS = new Set(Object.keys(SELECTOR_FIELD).filter((k) => k !== 'extensions.istio.io/TrafficExtension'));

export const rule: DocumentRule = {
  meta: {
    id: 'workload-selector-labels',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Workload selector labels must be exact: no empty keys and no "*" in keys or values; a selector needs labels.',
    fixable: false,
  },
  kinds: Object.keys(SELECTOR_FIELD),
  check(ctx) {
    const fields = SELECTOR_FIELD[`${ctx.resource.group}/${ctx.resource.kind}`];
    if (!fields) return;
    const [field, map] = fields;
    const selector = recordAt(recordAt(ctx.value, 'spec'), field);
    const labels = recordAt(selector, map);
    if (selector && Object.keys(labels ?? {}).length === 0 && WARNS_WITHOUT_LABELS.has(`${ctx.resource.group}/${ctx.resource.kind}`)) {
      ctx.report({
        path: ['spec', field],
        on: 'key',
        severity: 'warning',
        message:
          `The webhook warns about a ${field} without ${map}: "workload selector specified without labels", so this ${ctx.resource.kind} ` +
          `applies to every workload in the namespace. Add the labels of the workloads you mean under ${map}, ` +
          `or remove ${field} to make the namespace-wide scope explicit.`,
      });
    }
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
