// ALLOW rules that accept any identity: `principals: ["*"]` or `namespaces: ["*"]` (and the same in
// `when` conditions). Any workload with a mesh certificate gets in, which is not least privilege.
import type { DocumentRule } from './lib/rule';
import { conditionValues, sources, stringItems } from './lib/authorization-fields';
import { policyAction } from './lib/authorization-policy-walk';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-wildcard-identity',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'ALLOW with principals or namespaces "*": any authenticated workload in the mesh is let in.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    if (policyAction(ctx.value) !== 'ALLOW') return;
    const sites = [
      ...sources(ctx).flatMap((s) => stringItems(s, ['principals', 'namespaces'])),
      ...conditionValues(ctx, 'source.principal', ['values']),
      ...conditionValues(ctx, 'source.namespace', ['values']),
    ];
    for (const site of sites) {
      if (site.value !== '*') continue;
      const what = site.path.includes('when') ? 'condition' : site.field;
      ctx.report({
        path: site.path,
        message: `"*" in ${what} matches any caller that has a mesh certificate, in any namespace, including workloads added later. Name the service accounts (\`<trust-domain>/ns/<namespace>/sa/<name>\`) or namespaces that need access.`,
      });
    }
  },
};
