// Principals that cannot match any workload identity because they do not follow Istio's format.
import type { DocumentRule } from './lib/rule';
import { principalSites } from './lib/authorization-fields';
import { principalShape } from './lib/principal-format';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-principal-format',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A principal is not of the form <trust-domain>/ns/<namespace>/sa/<service-account>, so it never matches.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    for (const site of principalSites(ctx)) {
      // The spiffe:// prefix has its own rule and fix; an empty string is a webhook error.
      if (site.value === '' || site.value.startsWith('spiffe://')) continue;
      const { problem } = principalShape(site.value);
      if (!problem) continue;
      ctx.report({
        path: site.path,
        message: `"${site.value}" never matches a workload: ${problem}. A principal names a service account, e.g. "${ctx.config.trustDomain}/ns/<namespace>/sa/<service-account>"; \`*\` may stand at its start or end.`,
      });
    }
  },
};
