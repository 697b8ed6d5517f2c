// A PeerAuthentication in the root namespace with a selector: Istio ignores it altogether, for the
// pods of every namespace including the root namespace's own (ComposePeerAuthentication files only a
// selector policy outside the root namespace as workload-level: istio/istio
// pilot/pkg/security/authn/policy_applier.go:421). The api docs say otherwise in one place; the code wins.
// A workspace rule because the root namespace is the mesh config's (`rootNamespace`, set in the
// `istio` ConfigMap, an IstioOperator or Helm values), which a single document cannot see.
import { meshSettings } from '../../policy/mesh-settings';
import type { WorkspaceRule } from '../rule';

export const rule: WorkspaceRule = {
  meta: {
    id: 'peer-authentication-root-namespace-selector',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A PeerAuthentication with a selector in the root namespace is ignored by Istio: it applies to no workload at all.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const root = meshSettings(view, config).rootNamespace.value;
    for (const pa of view.inNamespace('peer-authentication', root)) {
      // An empty selector (`selector: {}` or no matchLabels) counts as none: the mesh-wide policy.
      if (!pa.selector || Object.keys(pa.selector.labels).length === 0) continue;
      ctx.report({
        at: pa.selector.site,
        message: `Istio ignores a PeerAuthentication with a selector in the root namespace (${root}): it applies neither mesh-wide nor to the matching pods, not even those running in ${root}, so its mode and portLevelMtls take effect nowhere. Put it in the namespace of the pods it is for (keeping the selector), or drop the selector to make it the mesh-wide policy.`,
      });
    }
  },
};
