// A PeerAuthentication in the root namespace with a selector: Istio ignores it altogether, for the
// pods of every namespace including the root namespace's own (ComposePeerAuthentication files only a
// selector policy outside the root namespace as workload-level: istio/istio
// pilot/pkg/security/authn/policy_applier.go:421). The api docs say otherwise in one place; the code wins.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';

export const rule: DocumentRule = {
  meta: {
    id: 'peer-authentication-root-namespace-selector',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A PeerAuthentication with a selector in the root namespace is ignored by Istio: it applies to no workload at all.',
    fixable: false,
  },
  kinds: ['security.istio.io/PeerAuthentication'],
  check(ctx) {
    const root = ctx.config.rootNamespace;
    if (ctx.resource.namespace !== root) return;
    const selector = asRecord(asRecord(ctx.value.spec)?.selector);
    // An empty selector (`selector: {}` or no matchLabels) counts as none: the mesh-wide policy.
    if (!selector || Object.keys(asRecord(selector.matchLabels) ?? {}).length === 0) return;
    ctx.report({
      path: ['spec', 'selector'],
      on: 'key',
      message: `Istio ignores a PeerAuthentication with a selector in the root namespace (${root}): it applies neither mesh-wide nor to the matching pods, not even those running in ${root}, so its mode and portLevelMtls take effect nowhere. Put it in the namespace of the pods it is for (keeping the selector), or drop the selector to make it the mesh-wide policy.`,
    });
  },
};
