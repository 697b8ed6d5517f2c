// AuthorizationPolicy serviceAccounts / notServiceAccounts: their own format, and never combined
// with principals or namespaces in the same source (CRD CEL rule and Istio webhook).
import type { DocumentRule } from './lib/rule';
import { hasItems, listAt } from './lib/go-values';
import { policyRules } from './lib/authorization-policy-walk';

const IDENTITY_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'];
const SA_FIELDS = ['serviceAccounts', 'notServiceAccounts'];
const MAX_LENGTH = 320;

/** Why the webhook refuses one serviceAccounts entry, or undefined when it is fine. */
function formatProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined; // wrong types are schema errors
  if (value === '') return 'an empty entry';
  if (value.includes('*')) return 'a wildcard ("*" is not allowed here)';
  const slashes = value.split('/').length - 1;
  if (slashes > 1) return 'more than one "/" (the format is <namespace>/<name> or just <name>)';
  if (value.length > MAX_LENGTH) return `more than ${MAX_LENGTH} characters`;
  if (slashes === 1) {
    const [ns, sa] = value.split('/');
    if (ns === '') return 'an empty namespace before "/"';
    if (sa === '') return 'an empty service account name after "/"';
  }
  return undefined;
}

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
        const identity = IDENTITY_FIELDS.filter((f) => hasItems(src, f));
        for (const field of SA_FIELDS) {
          if (!hasItems(src, field)) continue;
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
            const problem = formatProblem(entry);
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
