// An AuthorizationPolicy condition on `request.auth.*` (claims, principal, audiences, presenter) for
// pods no RequestAuthentication applies to: those attributes come only from a validated JWT, so they
// are never present there. Istio's authz builder matches them against the JWT filter's metadata
// (istio/istio pilot/pkg/security/authz/model/generator.go, the request.auth generators); with no
// token the metadata is absent, so `values` never match and `notValues` always do. Which policies
// apply to which pods comes from the policy model (applicable.ts); ambient pods are left to
// request-authentication-not-enforced and targetRefs policies to waypoint rules.
import type { WorkspaceRule } from '../rule';
import { nameOf, namesOf } from '../describe';
import { meshSettings } from '../../policy/mesh-settings';
import { requestAuthenticationsFor, workloadsForPolicy } from '../../policy/applicable';
import { dataPlaneOf } from '../../policy/data-plane';

/** What a condition that never (or always) matches does to a rule of this action. */
function effect(action: string, negated: boolean): string {
  if (negated) {
    return action === 'DENY'
      ? 'a missing attribute always satisfies notValues, so this condition always holds and the rule denies whatever else it matches'
      : 'a missing attribute always satisfies notValues, so this condition always holds and does not require a token at all';
  }
  if (action === 'DENY') return 'its values never match, so this rule never denies anything';
  if (action === 'ALLOW') return 'its values never match, so this rule never allows anything';
  return 'its values never match, so this rule never matches';
}

export const rule: WorkspaceRule = {
  meta: {
    id: 'authorization-jwt-condition-without-request-authentication',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'An AuthorizationPolicy condition on request.auth.* applies to pods no RequestAuthentication covers: without a validated JWT the attribute is never set.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const settings = meshSettings(view, config);
    for (const ap of view.all('authorization-policy')) {
      if (ap.targeted || ap.namespace === undefined) continue;
      const conditions = (ap.rules ?? []).flatMap((r) => r.when.filter((f) => f.name.startsWith('request.auth.')));
      if (conditions.length === 0) continue;
      const pods = workloadsForPolicy(view, settings, ap).filter((w) => dataPlaneOf(view, w).dataPlane !== 'ambient');
      const uncovered = pods.filter((w) => requestAuthenticationsFor(view, settings, w).applied.length === 0);
      if (uncovered.length === 0) continue;
      for (const c of conditions) {
        ctx.report({
          at: c.site,
          message: `${nameOf(ap)} conditions on \`${c.name}\`, but no RequestAuthentication applies to ${namesOf(uncovered)}. That attribute is set only from a JWT a RequestAuthentication has validated, so on those pods ${effect(ap.action, c.negated)}. Add a RequestAuthentication for these pods (and require a token), or remove the condition.`,
        });
      }
    }
  },
};
