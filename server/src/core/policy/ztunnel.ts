// How ztunnel (ambient L4) reads an AuthorizationPolicy (serviceregistry/ambient/authorization.go):
// CUSTOM and AUDIT are unsupported; an ALLOW rule with any L7 attribute is dropped; a DENY keeps
// only its L4 parts, and a from/to side left with nothing to match never matches (ztunnel never
// matches an empty match), so an L7-only DENY has no effect at all.
import { isL4, reduceRule } from './rule-fields';
import type { AppliedPolicy } from './types';

function label(p: AppliedPolicy): string {
  return `${p.action} ${p.policy.namespace ?? ''}/${p.policy.name}`;
}

export function ztunnelNotes(p: AppliedPolicy): string[] {
  if (p.action === 'CUSTOM' || p.action === 'AUDIT')
    return [`ztunnel does not support the ${p.action} action: not enforced without a waypoint`];
  const notes: string[] = [];
  if (p.dryRun)
    notes.push('dry-run in ambient needs AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY (off by default); otherwise Istio rejects the policy');
  if (p.noRules) return notes;
  let live = 0;
  for (const rule of p.rules) {
    const r = reduceRule(rule, (f, where) => isL4(f, where));
    if (p.action === 'ALLOW') {
      if (r.dropped.length > 0) notes.push(`rule[${rule.index}] uses L7 attributes (${r.dropped.join(', ')}): ztunnel drops the rule`);
      else live++;
      continue;
    }
    const deadFrom = r.kept.from !== undefined && r.kept.from.length > 0 && r.kept.from.every((c) => c.length === 0);
    const deadTo = r.kept.to !== undefined && r.kept.to.length > 0 && r.kept.to.every((c) => c.length === 0);
    if (r.dropped.length > 0 && (deadFrom || deadTo))
      notes.push(
        `rule[${rule.index}]: only L7 attributes (${r.dropped.join(', ')}) on one side; ztunnel omits them and the rule never matches`,
      );
    else {
      if (r.dropped.length > 0) notes.push(`rule[${rule.index}]: ztunnel omits ${r.dropped.join(', ')} (L7) and matches on the rest`);
      live++;
    }
  }
  if (live === 0 && p.action === 'ALLOW')
    notes.push(`${label(p)}: no rule survives in ztunnel, so it allows nothing; add a waypoint for L7 rules`);
  if (live === 0 && p.action === 'DENY') notes.push(`${label(p)}: no rule survives in ztunnel: this DENY has no effect without a waypoint`);
  return notes;
}
