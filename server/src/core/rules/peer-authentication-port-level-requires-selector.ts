// PeerAuthentication with portLevelMtls but no selector labels: the CRD's CEL rule rejects it.
import type { DocumentRule } from './lib/rule';
import { isSet, recordAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'peer-authentication-port-level-requires-selector',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'portLevelMtls is only accepted in a workload policy: spec.selector.matchLabels must name the workload.',
    fixable: false,
  },
  kinds: ['security.istio.io/PeerAuthentication'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!isSet(spec, 'portLevelMtls')) return;
    const labels = recordAt(recordAt(spec, 'selector'), 'matchLabels');
    if (labels && Object.keys(labels).length > 0) return;
    ctx.report({
      path: ['spec', 'portLevelMtls'],
      on: 'key',
      message:
        'The API server rejects this: "portLevelMtls requires selector". Port overrides only exist in a workload policy, because a port number means nothing for a whole namespace. ' +
        'Add spec.selector.matchLabels naming the workload that owns the port, or put the port exception in its own PeerAuthentication with a selector.',
    });
  },
};
