// CUSTOM AuthorizationPolicies cannot match on peer or request identity (Istio webhook).
import type { DocumentRule } from './lib/rule';
import { hasItems, stringAt } from './lib/go-values';
import { policyAction, policyRules } from './lib/authorization-policy-walk';
import { asRecord } from '../resources';

const IDENTITY_FIELDS = [
  'principals',
  'notPrincipals',
  'namespaces',
  'notNamespaces',
  'serviceAccounts',
  'notServiceAccounts',
  'requestPrincipals',
  'notRequestPrincipals',
];
const IDENTITY_KEYS = ['source.namespace', 'source.serviceAccount', 'source.principal'];

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-custom-identity',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A CUSTOM AuthorizationPolicy cannot match on principals, namespaces, service accounts or request.auth attributes.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    if (policyAction(ctx.value) !== 'CUSTOM') return;
    const advice =
      'CUSTOM rules only choose which requests go to the external authorizer; match them on paths, methods, hosts, ports or IPs, and check identity in the authorizer or in a separate ALLOW/DENY policy.';
    for (const rule of policyRules(ctx.value)) {
      for (const from of rule.from) {
        const source = asRecord(from.value?.source);
        for (const field of IDENTITY_FIELDS) {
          if (!hasItems(source, field)) continue;
          ctx.report({
            path: [...from.path, 'source', field],
            on: 'key',
            message: `The Istio webhook rejects ${field} in a CUSTOM policy ("not supported with CUSTOM action"). ${advice}`,
          });
        }
      }
      for (const when of rule.when) {
        const key = stringAt(when.value, 'key');
        if (!IDENTITY_KEYS.includes(key) && !key.startsWith('request.auth.')) continue;
        ctx.report({
          path: [...when.path, 'key'],
          message: `The Istio webhook rejects the condition key ${key} in a CUSTOM policy ("not supported with CUSTOM action"). ${advice}`,
        });
      }
    }
  },
};
