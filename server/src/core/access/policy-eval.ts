// A group of AuthorizationPolicies (one action) evaluated as one Envoy RBAC filter: which rules
// match, named as Envoy names them, with the lexicographically first match deciding (Envoy keeps
// policies in a std::map, so that is the name it reports; Istio builder.go policyName).
import type { AppliedPolicy, Ref } from '../policy/types';
import type { MatchResult, PolicyTrace } from './types';
import type { RequestAttrs } from './request';
import { evaluateRule, type RuleOptions } from './rule-eval';
import { or } from './tri';

export interface RuleHit {
  policy: Ref;
  rule: number;
  envoyName: string;
  dryRun: boolean;
}

export interface GroupOutcome {
  traces: PolicyTrace[];
  /** Enforced matches, sorted by Envoy name. */
  matches: RuleHit[];
  /** Enforced rules whose result is unknown. */
  unknown: RuleHit[];
  /** Dry-run matches (shadow rules, never enforced). */
  shadow: RuleHit[];
  /** Attributes to supply to settle the unknown rules. */
  missing: string[];
  /** Enforced policies in the group (a noRules ALLOW counts: it is in the filter, matching nothing). */
  enforced: number;
}

export function envoyName(policy: Ref, rule: number): string {
  return `ns[${policy.namespace ?? ''}]-policy[${policy.name}]-rule[${rule}]`;
}

function byName(a: RuleHit, b: RuleHit): number {
  return a.envoyName < b.envoyName ? -1 : a.envoyName > b.envoyName ? 1 : 0;
}

export function evaluateGroup(
  policies: readonly AppliedPolicy[],
  req: RequestAttrs,
  trustDomains: readonly string[],
  opts: RuleOptions,
): GroupOutcome {
  const out: GroupOutcome = { traces: [], matches: [], unknown: [], shadow: [], missing: [], enforced: 0 };
  const missing = new Set<string>();
  for (const p of policies) {
    if (!p.dryRun) out.enforced++;
    const ctx = { policyNamespace: p.policy.namespace ?? '', trustDomains };
    const rules = p.rules.map((r) => evaluateRule(r, req, ctx, opts));
    const results: MatchResult[] = [];
    for (const r of rules) {
      if (r.result === 'skipped-on-tcp') continue;
      results.push(r.result);
      const hit: RuleHit = { policy: p.policy, rule: r.index, envoyName: envoyName(p.policy, r.index), dryRun: p.dryRun };
      if (r.result === 'match') (p.dryRun ? out.shadow : out.matches).push(hit);
      else if (r.result === 'unknown' && !p.dryRun) {
        out.unknown.push(hit);
        for (const m of r.missing) missing.add(m);
      }
    }
    const allSkipped = rules.length > 0 && rules.every((r) => r.result === 'skipped-on-tcp');
    out.traces.push({
      policy: p.policy,
      action: p.action,
      dryRun: p.dryRun,
      result: allSkipped ? 'skipped-on-tcp' : or(results),
      rules: rules.map((r) =>
        r.note === undefined
          ? { index: r.index, result: r.result, fields: r.fields }
          : { index: r.index, result: r.result, fields: r.fields, note: r.note },
      ),
    });
  }
  out.matches.sort(byName);
  out.unknown.sort(byName);
  out.shadow.sort(byName);
  out.missing = [...missing].sort();
  return out;
}
