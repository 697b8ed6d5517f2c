// AuthorizationPolicy when-conditions: a supported attribute key, and values or notValues to match.
import type { DocumentRule } from './lib/rule';
import { hasItems, listAt, stringAt } from './lib/go-values';
import { policyRules } from './lib/authorization-policy-walk';
import { serviceAccountProblem } from './lib/principal-format';

const EXACT_KEYS = [
  'source.ip',
  'remote.ip',
  'source.namespace',
  'source.principal',
  'source.serviceAccount',
  'source.trustDomain',
  'request.auth.principal',
  'request.auth.audiences',
  'request.auth.presenter',
  'destination.ip',
  'destination.port',
  'connection.sni',
];
/** Keys that take a [name] suffix; Istio accepts any key starting with one of these that ends in [name]. */
const MAP_PREFIXES = ['request.headers', 'request.experimental.inline.headers', 'request.auth.claims', 'experimental.envoy.filters.'];

/** Istio's test for a map key: "a[b]" with something before "[" and inside the brackets. */
function isMapKey(key: string): boolean {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2;
}

/** Why Istio refuses a condition key, or undefined when it knows the attribute. */
function keyProblem(key: string): string | undefined {
  if (EXACT_KEYS.includes(key)) return undefined;
  const map = MAP_PREFIXES.find((k) => key.startsWith(k));
  const example = map === 'request.auth.claims' ? `${map}[groups]` : map?.endsWith('headers') ? `${map}[x-team]` : `${map}<filter>[<key>]`;
  if (map) return isMapKey(key) ? undefined : `it needs a name in brackets, e.g. ${example}`;
  return 'it is not an attribute Istio knows';
}

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-condition',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'An AuthorizationPolicy condition with an unknown key, with neither values nor notValues, or with an empty value.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    for (const rule of policyRules(ctx.value)) {
      for (const when of rule.when) {
        if (!when.value) continue;
        const key = stringAt(when.value, 'key');
        if (typeof when.value.key !== 'string') continue; // missing or wrong type: schema error
        if (key === '') {
          ctx.report({
            path: [...when.path, 'key'],
            message: 'The Istio webhook rejects an empty condition key. Write an attribute such as request.headers[x-team] or source.ip.',
          });
          continue;
        }
        const problem = keyProblem(key);
        if (problem) {
          ctx.report({
            path: [...when.path, 'key'],
            message: `The Istio webhook rejects the condition key "${key}": ${problem}. Supported: request.headers[...], request.auth.claims[...], request.auth.principal/audiences/presenter, source.ip, remote.ip, source.namespace, source.principal, source.serviceAccount, source.trustDomain, destination.ip, destination.port, connection.sni.`,
          });
        }
        for (const field of ['values', 'notValues']) {
          // CheckServiceAccount caps the list too (the CRD sets no maxItems on a condition's values).
          if (key === 'source.serviceAccount' && listAt(when.value, field).length > 16) {
            ctx.report({
              path: [...when.path, field],
              on: 'key',
              message: `The Istio webhook rejects more than 16 source.serviceAccount ${field} ("may not have more than 16 values"). Split the condition across rules, or match on source.namespace.`,
            });
          }
          listAt(when.value, field).forEach((v, i) => {
            // ValidateAttribute checks source.serviceAccount values as it checks serviceAccounts entries.
            const account = key === 'source.serviceAccount' && v !== '' ? serviceAccountProblem(v) : undefined;
            if (v !== '' && !account) return;
            ctx.report({
              path: [...when.path, field, i],
              message: account
                ? `The Istio webhook rejects this source.serviceAccount value: it has ${account}. Write <namespace>/<service-account>, e.g. shop/frontend.`
                : `The Istio webhook rejects an empty string in ${field} ("empty value not allowed"). Remove the entry or write the value to match; "*" matches any non-empty value.`,
            });
          });
        }
        if (!hasItems(when.value, 'values') && !hasItems(when.value, 'notValues')) {
          ctx.report({
            path: [...when.path, 'key'],
            on: 'key',
            message: `The Istio webhook rejects a condition on ${key} with neither values nor notValues ("at least one of \`values\` or \`notValues\` must be set"). Add the values to match, e.g. values: ["..."].`,
          });
        }
      }
    }
  },
};
