// A principal (`<trust-domain>/ns/<ns>/sa/<name>`) or serviceAccounts entry (`<ns>/<name>`) naming a
// ServiceAccount that no manifest defines and no workload runs as. Such an identity never calls, so
// an ALLOW on it admits nobody and a DENY on it blocks nobody; usually a typo. Only said when the
// workspace holds workloads or ServiceAccounts of that namespace. Accounts Istio creates for the
// Gateway API gateways it deploys (`<name>-istio`, a waypoint's own name) count as known. A near
// match among the known accounts makes it a likely typo that silently never matches: a warning.
import type { WorkspaceRule } from '../rule';
import { closest } from '../../suggest';
import { listOf } from '../describe';
import type { ValueRef } from '../facts';
import type { WorkspaceView } from '../view';
import { isMeshTrustDomain } from '../../rules/lib/trust-domain';
import { meshSettings } from '../../policy/mesh-settings';

const PRINCIPAL_RE = /^([^/]+)\/ns\/([^/]+)\/sa\/([^/]+)$/;
/** `<namespace>/<name>`, or a bare `<name>` in the policy's own namespace (generator.go:197-218). */
const SERVICE_ACCOUNT_RE = /^(?:([^/]+)\/)?([^/]+)$/;

export const rule: WorkspaceRule = {
  meta: {
    id: 'unknown-service-account',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: 'A principal or serviceAccounts entry names a ServiceAccount that no manifest in the workspace defines or runs as.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const known = new Map<string, { list: string[]; set: Set<string> }>();
    const check = (ref: ValueRef, namespace: string, account: string): void => {
      if (account.includes('*') || namespace.includes('*')) return;
      // A Gateway alone says too little about a namespace's accounts to call another one unknown.
      if (!view.hasAny(namespace, 'workload') && !view.inNamespace('service-account', namespace).some((sa) => !sa.forGateway)) return;
      let accounts = known.get(namespace);
      if (!accounts) {
        const list = accountsOf(view, namespace);
        accounts = { list, set: new Set(list) };
        known.set(namespace, accounts);
      }
      if (accounts.set.has(account)) return;
      const names = accounts.list;
      const guess = closest(account, names);
      ctx.report({
        at: ref.site,
        severity: guess ? 'warning' : undefined,
        message: `No manifest in the workspace defines ServiceAccount \`${account}\` in namespace ${namespace} or runs a workload as it (known there: ${listOf(names)}). An identity nobody runs as never matches: an ALLOW on it admits nobody, a DENY on it blocks nobody.${guess ? ` Did you mean \`${guess}\`? A near miss like this is almost surely a typo.` : ''}`,
      });
    };
    // The trust domain and aliases as the mesh config in the workspace sets them (or .meshlint.yaml).
    const settings = meshSettings(view, config);
    const trustDomain = settings.trustDomain.value;
    const aliases = settings.trustDomainAliases.value;
    for (const ap of view.all('authorization-policy')) {
      for (const p of ap.principals) {
        const m = PRINCIPAL_RE.exec(p.value);
        // Another trust domain belongs to another cluster, whose accounts this workspace cannot know;
        // `cluster.local` is the mesh's own (lib/trust-domain.ts).
        if (m && isMeshTrustDomain(m[1], trustDomain, aliases)) check(p, m[2], m[3]);
      }
      for (const s of ap.serviceAccounts) {
        const m = SERVICE_ACCOUNT_RE.exec(s.value);
        const namespace = m?.[1] ?? ap.namespace;
        if (m && namespace !== undefined) check(s, namespace, m[2]);
      }
    }
  },
};

/** ServiceAccounts of a namespace: declared, named by a workload, and `default`, which always exists. */
function accountsOf(view: WorkspaceView, namespace: string): string[] {
  const names = new Set<string>(['default']);
  for (const sa of view.inNamespace('service-account', namespace)) if (sa.name) names.add(sa.name);
  for (const w of view.inNamespace('workload', namespace)) if (w.serviceAccountName) names.add(w.serviceAccountName.value);
  return [...names].sort();
}
