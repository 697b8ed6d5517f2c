// A cert-manager Certificate whose SPIFFE URI names another namespace than its own: a workload
// identity `spiffe://<td>/ns/<ns>/sa/<sa>` belongs to a ServiceAccount of <ns>, and the Secret lives
// in the Certificate's namespace, so pods there would present an identity that says they run
// elsewhere. Peers' policies on namespaces then match the wrong pods, or an issuer bound to its
// namespace (istio-csr, approver-policy) refuses the request.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';

const SPIFFE_WORKLOAD = /^spiffe:\/\/[^/]+\/ns\/([^/]+)\/sa\/[^/]+$/;

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-spiffe-namespace',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: "A Certificate's SPIFFE URI names another namespace than the Certificate's own.",
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const own = ctx.resource.namespace;
    const uris = recordAt(ctx.value, 'spec')?.uris;
    if (own === undefined || !Array.isArray(uris)) return;
    uris.forEach((uri, i) => {
      const ns = typeof uri === 'string' ? SPIFFE_WORKLOAD.exec(uri)?.[1] : undefined;
      if (ns === undefined || ns === own) return;
      ctx.report({
        path: ['spec', 'uris', i],
        message: `This SPIFFE ID says the workload runs in namespace ${ns}, but the Certificate (and the Secret it writes) is in ${own}: the pods that mount it would present an identity of another namespace, so policies on namespaces and service accounts match the wrong callers. Use spiffe://.../ns/${own}/sa/..., or create the Certificate in ${ns}.`,
      });
    });
  },
};
