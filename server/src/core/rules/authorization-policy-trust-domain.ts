// Principals naming a trust domain other than the mesh's (config `trustDomain`, default cluster.local):
// unless that domain is a configured alias, they match no workload of this mesh. `cluster.local` is
// always fine: sidecars read it as "this mesh's trust domain" (lib/trust-domain.ts).
import type { DocumentRule } from './lib/rule';
import { principalSites } from './lib/authorization-fields';
import { principalShape } from './lib/principal-format';
import { isMeshTrustDomain } from './lib/trust-domain';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-trust-domain',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A principal names a trust domain other than the configured one (default cluster.local).',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    const expected = ctx.config.trustDomain;
    for (const site of principalSites(ctx)) {
      if (site.value.startsWith('spiffe://')) continue;
      const { problem, trustDomain } = principalShape(site.value);
      if (problem || trustDomain === undefined || isMeshTrustDomain(trustDomain, expected, ctx.config.trustDomainAliases)) continue;
      ctx.report({
        path: site.path,
        message: `"${site.value}" is in trust domain "${trustDomain}", but this mesh's is "${expected}": the entry matches nobody unless "${trustDomain}" is listed in Istio's trustDomainAliases. If your mesh uses another trust domain, set \`trustDomain\` in .meshlint.yaml.`,
      });
    }
  },
};
