// A PeerAuthentication in the root namespace with a selector: it does not apply mesh-wide, only to
// the matching workloads of the root namespace itself, which is rarely what its author meant.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';

export const rule: DocumentRule = {
  meta: {
    id: 'peer-authentication-root-namespace-selector',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A PeerAuthentication with a selector in the root namespace applies only to workloads of that namespace, not to the mesh.',
    fixable: false,
  },
  kinds: ['security.istio.io/PeerAuthentication'],
  check(ctx) {
    const root = ctx.config.rootNamespace;
    if (ctx.resource.namespace !== root) return;
    const selector = asRecord(asRecord(ctx.value.spec)?.selector);
    if (!selector) return;
    const labels = asRecord(selector.matchLabels) ?? {};
    // Istio's own gateways run in the root namespace; a policy aimed at them is deliberate.
    if (Object.entries(labels).some(([k, v]) => k === 'istio' || (typeof v === 'string' && /^istio-/.test(v)))) return;
    ctx.report({
      path: ['spec', 'selector'],
      on: 'key',
      message: `In the root namespace (${root}) a selector does not make this policy mesh-wide: it matches only workloads running in ${root} itself. To set a mode for workloads elsewhere, put the policy in their namespace; for the whole mesh, drop the selector.`,
    });
  },
};
