// Two workload-level PeerAuthentications with different selectors that both match one workload's
// pods: Istio uses only the oldest by creationTimestamp (istio/istio
// pilot/pkg/security/authn/policy_applier.go:411-426) and ignores the other, port-level settings
// included. Same-selector pairs are peer-authentication-duplicate's; this is the overlap a reviewer
// cannot see from either file alone.
import type { WorkspaceRule } from '../rule';
import { nameOf } from '../describe';
import type { PeerAuthenticationFact } from '../facts';
import { workloadPeerAuthentications } from '../effective-mtls';

function selectorKey(pa: PeerAuthenticationFact): string {
  return JSON.stringify(Object.entries(pa.selector?.labels ?? {}).sort());
}

export const rule: WorkspaceRule = {
  meta: {
    id: 'peer-authentication-overlapping-selectors',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'Two PeerAuthentications with different selectors match the same workload: Istio uses only the oldest, which the files may not say.',
    fixable: false,
  },
  check(ctx) {
    const said = new Set<string>();
    for (const { w, found } of workloadPeerAuthentications(ctx.view, ctx.config)) {
      const list = found.workload;
      if (list.length < 2) continue;
      const [first, ...rest] = list;
      for (const other of rest) {
        if (selectorKey(other) === selectorKey(first) || other.name === first.name) continue;
        const key = `${other.uri}\u0000${other.site.start}\u0000${first.uri}\u0000${first.site.start}`;
        if (said.has(key)) continue;
        said.add(key);
        ctx.report({
          at: other.selector?.site ?? other.site,
          message: found.ordered.workload
            ? `This selector and the one of ${nameOf(first)} both match ${nameOf(w)}. Istio uses only the oldest workload-level policy, ${nameOf(first)} (${first.created ?? ''}), so this one, port-level settings included, does not apply to those pods. Make the selectors disjoint.`
            : `This selector and the one of ${nameOf(first)} both match ${nameOf(w)}. Istio uses only the oldest of the two by creationTimestamp, which the manifests do not say, so which mode those pods get is ambiguous. Make the selectors disjoint.`,
          related: [{ at: first.selector?.site ?? first.site, message: `${nameOf(first)} also selects ${nameOf(w)}` }],
        });
      }
    }
  },
};
