// Two PeerAuthentications at the same level for the same pods: two namespace-wide ones, two
// mesh-wide ones, or two with the same selector. Istio applies only the oldest, so the mode in force
// depends on creation order, not on what the files say. Copies of one object (same name) are not
// duplicates: the cluster holds only one of them.
import type { WorkspaceRule } from '../rule';
import { nameOf } from '../describe';
import type { PeerAuthenticationFact } from '../facts';

export const rule: WorkspaceRule = {
  meta: {
    id: 'peer-authentication-duplicate',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary: 'Two namespace-wide, two mesh-wide, or two same-selector PeerAuthentications: only the oldest applies.',
    fixable: false,
  },
  check(ctx) {
    const groups = new Map<string, PeerAuthenticationFact[]>();
    for (const pa of ctx.view.all('peer-authentication')) {
      if (pa.namespace === undefined) continue;
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
      const [first, ...rest] = list;
      const scope = first.selector
        ? `another PeerAuthentication with the same selector (${nameOf(first)})`
        : first.namespace === ctx.config.rootNamespace
          ? `another mesh-wide PeerAuthentication (${nameOf(first)})`
          : `another namespace-wide PeerAuthentication (${nameOf(first)})`;
      for (const dup of rest) {
        ctx.report({
          at: dup.site,
          message: `Namespace ${dup.namespace} already has ${scope}. Istio applies only the oldest of them, so which mode is in force depends on the order they were created. Keep one policy per scope.`,
          related: [{ at: first.site, message: `${nameOf(first)} covers the same workloads` }],
        });
      }
    }
  },
};
