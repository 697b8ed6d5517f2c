// Istio policies attach by selector, targetRef or targetRefs: setting more than one is rejected.
import type { DocumentRule } from './lib/rule';
import { POLICY_KINDS } from './lib/kinds';
import { isSet, recordAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'policy-target-one-of',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Only one of selector, targetRef or targetRefs may be set on an Istio policy.',
    fixable: false,
  },
  kinds: POLICY_KINDS,
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    // The CRD's CEL rule counts each field when present (has()), so even targetRefs: [] counts; the
    // webhook, which needs a non-empty targetRefs, only ever refuses a subset of that.
    const set = ['selector', 'targetRef', 'targetRefs'].filter((f) => isSet(spec, f));
    if (set.length < 2) return;
    for (const field of set.slice(1)) {
      ctx.report({
        path: ['spec', field],
        on: 'key',
        message:
          `The API server rejects ${set.join(' together with ')}: "only one of targetRefs or selector can be set". ` +
          'Keep selector for sidecar workloads, or targetRefs for a Gateway, Service or waypoint; write a second policy if you need both.',
      });
    }
  },
};
