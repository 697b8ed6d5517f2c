// AuthorizationPolicy when-conditions: a supported attribute key, and values or notValues to match.
import type { DocumentRule } from './rule';
import { hasItems, stringAt } from './go-values';
import { policyRules } from './authorization-policy-walk';

const EXACT_KEYS = [
  'source.ip', 'remote.ip', 'source.namespace', 'source.principal', 'source.serviceAccount', 'request.auth.principal',
  'request.auth.audiences', 'request.auth.presenter', 'destination.ip', 'destination.port', 'connection.sni',
];
/** Keys that take a [name] suffix. */
const MAP_KEYS = ['request.headers', 'request.auth.claims'];

/** Why Istio refuses a condition key, or undefined when it knows the attribute. */
function keyProblem(key: string): string | undefined {
  if (EXACT_KEYS.includes(key) || key.startsWith('experimental.envoy.filters.')) return undefined;
  const map = MAP_KEYS.find((k) => key.startsWith(k));
  if (map) {
    const rest = key.slice(map.length);
    return /^\[.+\]$/.test(rest) ? undefined : `${map} needs a name in brackets, e.g. ${map}[${map === 'request.headers' ? 'x-team' : 'groups'}]`;
  }
  return 'it is not an attribute Istio knows';
}

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-condition',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'An AuthorizationPolicy condition with an unknown key, or with neither values nor notValues.',
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
          ctx.report({ path: [...when.path, 'key'], message: 'The Istio webhook rejects an empty condition key. Write an attribute such as request.headers[x-team] or source.ip.' });
          continue;
        }
        const problem = keyProblem(key);
        if (problem) {
          ctx.report({
            path: [...when.path, 'key'],
            message: `The Istio webhook rejects the condition key "${key}": ${problem}. Supported: request.headers[...], request.auth.claims[...], request.auth.principal/audiences/presenter, source.ip, remote.ip, source.namespace, source.principal, destination.ip, destination.port, connection.sni.`,
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
