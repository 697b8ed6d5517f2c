// An AuthorizationPolicy bound by selector (or namespace-wide) that uses HTTP attributes and applies
// to ambient workloads: ztunnel enforces it at L4 only (istio/istio
// pilot/pkg/serviceregistry/ambient/authorization.go, convertAuthorizationPolicy and handleRule).
// An ALLOW rule with any HTTP attribute is dropped (callers it was meant to admit are refused); a
// DENY rule loses its HTTP parts, and a side left with only empty matches, or an HTTP `when` key,
// never fires (the DENY has no effect), otherwise it matches more widely. Waypoints ignore selector
// policies, so the fix is a policy bound to the waypoint with targetRefs.
import type { WorkspaceRule } from '../rule';
import { namesOf } from '../describe';
import { meshSettings } from '../../policy/mesh-settings';
import { workloadsForPolicy } from '../../policy/applicable';
import { dataPlaneOf } from '../../policy/data-plane';
import { isL4, reduceRule } from '../../policy/rule-fields';

export const rule: WorkspaceRule = {
  meta: {
    id: 'authorization-policy-ambient-l7',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'An AuthorizationPolicy with HTTP attributes applies to ambient workloads through ztunnel, which cannot see them: ALLOW rules are dropped, DENY rules lose them.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const settings = meshSettings(view, config);
    for (const ap of view.all('authorization-policy')) {
      if (ap.targeted || !ap.rules || (ap.action !== 'ALLOW' && ap.action !== 'DENY')) continue;
      const ambient = workloadsForPolicy(view, settings, ap).filter((w) => dataPlaneOf(view, w).dataPlane === 'ambient');
      if (ambient.length === 0) continue;
      const who = namesOf(ambient);
      for (const r of ap.rules) {
        const reduced = reduceRule(r, isL4);
        if (reduced.dropped.length === 0) continue;
        const fields = reduced.dropped.join(', ');
        const dead =
          [reduced.kept.from, reduced.kept.to].some((side) => side !== undefined && side.length > 0 && side.every((c) => c.length === 0)) ||
          r.when.some((f) => !isL4(f, 'when'));
        const effect =
          ap.action === 'ALLOW'
            ? 'ztunnel drops this whole ALLOW rule, so the callers it was meant to admit are refused'
            : dead
              ? 'ztunnel omits them, and what is left of this DENY rule never matches: it has no effect at all'
              : 'ztunnel omits them and matches on the rest, so this DENY rule denies more than written';
        ctx.report({
          at: r.site,
          message: `${who} run${ambient.length === 1 ? 's' : ''} in ambient mode, where this policy is enforced by ztunnel at L4. It cannot see ${fields}: ${effect}. HTTP rules need a waypoint: bind the policy to it with \`targetRefs\` (waypoints ignore selector policies).`,
        });
      }
    }
  },
};
