// Telemetry metric tag overrides: UPSERT needs a value and REMOVE takes none (CRD CEL rules and
// Istio's validateTelemetryMetrics webhook check), and the webhook warns about an empty tag name.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { listAt, recordAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'telemetry-tag-override',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'A metric tag override with operation UPSERT needs a value; one with REMOVE must not have one; its tag name must not be empty.',
    fixable: false,
  },
  kinds: ['telemetry.istio.io/Telemetry'],
  check(ctx) {
    listAt(recordAt(ctx.value, 'spec'), 'metrics').forEach((metric, m) => {
      listAt(asRecord(metric), 'overrides').forEach((override, o) => {
        for (const [tag, raw] of Object.entries(recordAt(asRecord(override), 'tagOverrides') ?? {})) {
          const path = ['spec', 'metrics', m, 'overrides', o, 'tagOverrides', tag];
          if (tag === '') {
            ctx.report({
              path,
              on: 'key',
              severity: 'warning',
              message:
                'The webhook warns: "tagOverrides.name may not be empty". Key the override by the metric label it changes, e.g. request_host.',
            });
          }
          const to = asRecord(raw);
          if (!to) continue;
          const value = to.value;
          const hasValue = value !== undefined && value !== null;
          // The webhook reads a missing operation as UPSERT, the first value of the enum.
          const operation = typeof to.operation === 'string' ? to.operation : 'UPSERT';
          if (operation === 'UPSERT' && (!hasValue || value === '')) {
            ctx.report({
              path: hasValue ? [...path, 'value'] : typeof to.operation === 'string' ? [...path, 'operation'] : path,
              on: hasValue ? 'value' : 'key',
              message:
                `The API server rejects the override of tag "${tag}": "value must be set when operation is UPSERT". ` +
                'Add value: with a CEL expression for the tag, e.g. request.host, or use operation: REMOVE to drop the tag.',
            });
          } else if (operation === 'REMOVE' && hasValue) {
            ctx.report({
              path: [...path, 'value'],
              on: 'key',
              message:
                `The API server rejects a value on the removal of tag "${tag}": "value must not be set when operation is REMOVE". ` +
                'Remove value, or use operation: UPSERT to set the tag to it.',
            });
          }
        }
      });
    });
  },
};
