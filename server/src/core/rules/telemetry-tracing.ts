// Telemetry tracing settings Istio's validateTelemetryTracing webhook rejects (an empty custom tag
// name) or warns about (several tracing entries or providers, of which only the first is used).
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { listAt, recordAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'telemetry-tracing',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Telemetry tracing with an empty custom tag name (rejected), or several tracing entries or providers (only one is used).',
    fixable: false,
  },
  kinds: ['telemetry.istio.io/Telemetry'],
  check(ctx) {
    const tracing = listAt(recordAt(ctx.value, 'spec'), 'tracing');
    if (tracing.length > 1) {
      ctx.report({
        path: ['spec', 'tracing', 1],
        severity: 'warning',
        message:
          'The webhook warns: "multiple tracing is not currently supported". Istio uses one tracing entry; merge the settings into the first ' +
          'and drop the others.',
      });
    }
    tracing.forEach((item, t) => {
      const entry = asRecord(item);
      if (listAt(entry, 'providers').length > 1) {
        ctx.report({
          path: ['spec', 'tracing', t, 'providers', 1],
          severity: 'warning',
          message: 'The webhook warns: "multiple providers is not currently supported". Traces go to one provider; keep the one you use.',
        });
      }
      if (Object.prototype.hasOwnProperty.call(recordAt(entry, 'customTags') ?? {}, '')) {
        ctx.report({
          path: ['spec', 'tracing', t, 'customTags', ''],
          on: 'key',
          message:
            'The webhook rejects a custom tag without a name: "tag name may not be empty". Write the span tag name, e.g. cluster_id.',
        });
      }
    });
  },
};
