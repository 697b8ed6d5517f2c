// targetRef / targetRefs entries must point at a supported kind in the policy's own namespace.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { listAt, recordAt, stringAt } from './lib/go-values';
import { POLICY_KINDS } from './lib/kinds';

/** Group/kind pairs Istio accepts as policy targets (empty group means core). */
const SUPPORTED = [
  'core/Service',
  'networking.istio.io/ServiceEntry',
  'gateway.networking.k8s.io/Gateway',
  'gateway.networking.k8s.io/GatewayClass',
];

export const rule: DocumentRule = {
  meta: {
    id: 'policy-target-ref',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A policy targetRef must name a Service, ServiceEntry, Gateway or GatewayClass in the same namespace.',
    fixable: false,
  },
  kinds: POLICY_KINDS,
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    const refs: { ref: Record<string, unknown>; path: PathSegment[] }[] = [];
    const single = recordAt(spec, 'targetRef');
    if (single) refs.push({ ref: single, path: ['spec', 'targetRef'] });
    listAt(spec, 'targetRefs').forEach((item, i) => {
      const ref = asRecord(item);
      if (ref) refs.push({ ref, path: ['spec', 'targetRefs', i] });
    });
    for (const { ref, path } of refs) {
      const namespace = stringAt(ref, 'namespace');
      if (namespace !== '') {
        ctx.report({
          path: [...path, 'namespace'],
          on: 'key',
          message: `The API server rejects a target in namespace "${namespace}": "cross namespace referencing is not currently supported". Remove namespace and create the policy in the target's namespace instead.`,
        });
      }
      const kind = stringAt(ref, 'kind');
      if (kind === '') continue; // a missing kind is a schema error already
      const group = stringAt(ref, 'group') || 'core';
      if (SUPPORTED.includes(`${group}/${kind}`)) continue;
      ctx.report({
        path: [...path, 'kind'],
        message:
          `The API server rejects a target of kind ${group === 'core' ? '' : `${group}/`}${kind}. ` +
          'Supported targets: Service (group empty), ServiceEntry (group networking.istio.io), Gateway or GatewayClass (group gateway.networking.k8s.io). ' +
          'To reach pods by label, use selector instead.',
      });
    }
  },
};
