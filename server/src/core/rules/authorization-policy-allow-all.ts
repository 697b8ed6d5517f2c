// An ALLOW policy with a rule that matches every request: the policy opens the workload to everyone.
// Not to be confused with the allow-nothing policy (ALLOW with no rules), which is good practice.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { policyAction, policyRules } from './lib/authorization-policy-walk';

/** Operation fields that, written as ["*"], still match every HTTP request (`ports` takes numbers only). */
const WILDCARD_OPERATION_FIELDS = ['hosts', 'methods', 'paths'];

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-allow-all',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'An ALLOW rule that is empty or matches every request lets any caller in.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    if (policyAction(ctx.value) !== 'ALLOW') return;
    for (const { value: r, index, raw } of policyRules(ctx.value)) {
      const verdict = matchesEverything(r, raw);
      if (!verdict) continue;
      ctx.report({
        path: ['spec', 'rules', index],
        message:
          verdict === 'empty'
            ? 'This rule has no from, to or when, so it matches every request and the policy allows all traffic to the selected workloads. To deny everything, leave `rules` out entirely (`spec: {}`); to allow some callers, name them in `from`.'
            : 'Every condition of this rule is a wildcard, so it matches every request and the policy allows all traffic to the selected workloads. Name the callers in `from` and the operations they need in `to`.',
      });
    }
  },
};

function matchesEverything(r: Record<string, unknown> | undefined, raw: unknown): 'empty' | 'wildcard' | undefined {
  if (raw === null || raw === undefined) return 'empty';
  if (!r) return undefined;
  const from = listOrEmpty(r.from);
  const when = listOrEmpty(r.when);
  const to = listOrEmpty(r.to);
  if (!from || !when || !to) return undefined;
  if (from.length > 0 || when.length > 0) return undefined;
  if (to.length === 0) return 'empty';
  const allWildcard = to.every((t) => {
    const op = asRecord(asRecord(t)?.operation);
    if (!op) return false;
    const keys = Object.keys(op);
    return keys.length > 0 && keys.every((k) => WILDCARD_OPERATION_FIELDS.includes(k) && isStarList(op[k]));
  });
  return allWildcard ? 'wildcard' : undefined;
}

/** The list, [] when absent, undefined when it is something else (schema's business). */
function listOrEmpty(v: unknown): unknown[] | undefined {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : undefined;
}

function isStarList(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x === '*');
}
