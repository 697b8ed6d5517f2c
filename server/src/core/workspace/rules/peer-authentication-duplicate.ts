// Two PeerAuthentications at the same level for the same pods: two namespace-wide ones, two
// mesh-wide ones, or two with the same selector. Istio applies only the oldest by creationTimestamp
// (istio/istio pilot/pkg/security/authn/policy_applier.go:411-426), so the mode in force depends on
// creation order, not on what the files say: with timestamps on every copy the winner is named,
// without them the tie is reported as ambiguous (never decided by file order). Copies of one object
// (same name) are not duplicates: the cluster holds only one of them. Selector policies in the root
// namespace are ignored by Istio and left to peer-authentication-root-namespace-selector.
import type { WorkspaceRule } from '../rule';
import { nameOf } from '../describe';
import type { PeerAuthenticationFact } from '../facts';
import { meshSettings } from '../../policy/mesh-settings';
import { sortOldest } from '../../policy/applicable';

export const rule: WorkspaceRule = {
  meta: {
    id: 'peer-authentication-duplicate',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'Two namespace-wide, two mesh-wide, or two same-selector PeerAuthentications: only the oldest applies, and the files may not say which.',
    fixable: false,
  },
  check(ctx) {
    const root = meshSettings(ctx.view, ctx.config).rootNamespace.value;
    const groups = new Map<string, PeerAuthenticationFact[]>();
    for (const pa of ctx.view.all('peer-authentication')) {
      if (pa.namespace === undefined || (pa.namespace === root && pa.selector)) continue;
      const selector = pa.selector ? JSON.stringify(Object.entries(pa.selector.labels).sort()) : '';
      const key = `${pa.namespace}\u0000${selector}`;
      const list = groups.get(key);
      if (list) list.push(pa);
      else groups.set(key, [pa]);
    }
    for (const group of groups.values()) {
      // Two documents with the same name are one object written twice (per-environment overlays,
      // a copy in another folder): applying both leaves one policy, so no duplicate in Istio's sense.
      const list = group.filter((pa, i) => pa.name === undefined || group.findIndex((o) => o.name === pa.name) === i);
      if (list.length < 2) continue;
      const ordered = list.every((pa) => pa.created !== undefined);
      const [first, ...rest] = ordered ? sortOldest(list) : list;
      const scope = first.selector
        ? 'PeerAuthentications with the same selector'
        : first.namespace === root
          ? 'mesh-wide PeerAuthentications'
          : 'namespace-wide PeerAuthentications';
      const names = list.map(nameOf).join(', ');
      for (const dup of rest) {
        ctx.report({
          at: dup.site,
          message: ordered
            ? `Namespace ${dup.namespace} has ${list.length} ${scope} (${names}). Istio applies only the oldest by creationTimestamp, ${nameOf(first)} (${first.created ?? ''}), so this one is ignored. Keep one policy per scope.`
            : `Namespace ${dup.namespace} has ${list.length} ${scope} (${names}): which mode is in force is ambiguous. Istio applies only the oldest by creationTimestamp, which the manifests do not say, so the answer depends on the order they were created in the cluster. Keep one policy per scope.`,
          related: [
            {
              at: first.site,
              message: ordered ? `${nameOf(first)} is the oldest and applies` : `${nameOf(first)} covers the same workloads`,
            },
          ],
        });
      }
    }
  },
};
