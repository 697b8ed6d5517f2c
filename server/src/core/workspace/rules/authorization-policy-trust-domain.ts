// Principals naming a trust domain other than the mesh's: unless that domain is an alias, they match
// no workload of this mesh. `cluster.local` is always fine: sidecars read it as "this mesh's trust
// domain" (rules/lib/trust-domain.ts). A workspace rule because the trust domain and its aliases are the
// mesh config's (`trustDomain`, `trustDomainAliases` in the `istio` ConfigMap, an IstioOperator or
// Helm values), which a single document cannot see; `.meshlint.yaml` still wins when it sets them.
import { meshSettings } from '../../policy/mesh-settings';
import { principalShape } from '../../rules/lib/principal-format';
import { isMeshTrustDomain } from '../../rules/lib/trust-domain';
import type { WorkspaceRule } from '../rule';

export const rule: WorkspaceRule = {
  meta: {
    id: 'authorization-policy-trust-domain',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: "A principal names a trust domain other than the mesh's (mesh config or .meshlint.yaml; default cluster.local).",
    fixable: false,
  },
  check(ctx) {
    const settings = meshSettings(ctx.view, ctx.config);
    const expected = settings.trustDomain.value;
    const aliases = settings.trustDomainAliases.value;
    const source = settings.trustDomain.source;
    const where =
      source === 'workspace' ? 'the mesh config in the workspace says' : source === 'config' ? 'as configured' : "Istio's default";
    for (const policy of ctx.view.all('authorization-policy')) {
      for (const principal of policy.principals) {
        if (principal.value.startsWith('spiffe://')) continue;
        const { problem, trustDomain } = principalShape(principal.value);
        if (problem || trustDomain === undefined || isMeshTrustDomain(trustDomain, expected, aliases)) continue;
        ctx.report({
          at: principal.site,
          message: `"${principal.value}" is in trust domain "${trustDomain}", but this mesh's is "${expected}" (${where}): the entry matches nobody unless "${trustDomain}" is listed in Istio's trustDomainAliases. If your mesh uses another trust domain, set trustDomain in its mesh config or in .meshlint.yaml.`,
        });
      }
    }
  },
};
