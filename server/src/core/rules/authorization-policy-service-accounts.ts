// AuthorizationPolicy serviceAccounts / notServiceAccounts: their own format, and never combined
// with principals or namespaces in the same source (CRD CEL rule and Istio webhook).
import type { DocumentRule } from './lib/rule';
import { isSet, listAt } from './lib/go-values';
import { policyRules } from './lib/authorization-policy-walk';
import { serviceAccountProblem } from './lib/principal-format';

const IDENTITY_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'];
const SA_FIELDS = ['serviceAccounts', 'notServiceAccounts'];

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-service-accounts',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'serviceAccounts cannot be combined with principals or namespaces in one source, and must be <namespace>/<name> without wildcards.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    for (const rule of policyRules(ctx.value)) {
      for (const from of rule.from) {
        const source = from.value?.source;
        if (typeof source !== 'object' || source === null || Array.isArray(source)) continue;
        const src = source as Record<string, unknown>;
        // The CRD's CEL rule tests presence (has()), so an empty list counts on either side.
        const identity = IDENTITY_FIELDS.filter((f) => isSet(src, f));
        for (const field of SA_FIELDS) {
          if (!isSet(src, field)) continue;
          if (identity.length > 0) {
            ctx.report({
              path: [...from.path, 'source', field],
              on: 'key',
              message:
                `The API server rejects ${field} next to ${identity.join(' and ')}: "Cannot set serviceAccounts with namespaces or principals". ` +
                'Use one style per source: either serviceAccounts (<namespace>/<name>), or principals/namespaces; put the other in a second - source: entry.',
            });
          }
          listAt(src, field).forEach((entry, i) => {
            const problem = serviceAccountProblem(entry);
            if (!problem) return;
            ctx.report({
              path: [...from.path, 'source', field, i],
              message: `The Istio webhook rejects this ${field} entry: it has ${problem}. Write <namespace>/<service-account>, e.g. shop/frontend.`,
            });
          });
        }
      }
    }
  },
};
