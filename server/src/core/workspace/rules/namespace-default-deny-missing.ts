// A namespace with workloads and authorization policies, but nothing that denies by default: pods
// that no ALLOW policy selects accept every request. A selector-less ALLOW policy in the namespace
// (the allow-nothing `spec: {}`, or one with rules) or in the root namespace closes that gap.
// Information only; the fix adds the allow-nothing policy next to the namespace's first policy.
import { meshSettings } from '../../policy/mesh-settings';
import type { WorkspaceRule } from '../rule';
import { addDocumentFix, freeName } from '../new-document';
import { nameOf } from '../describe';
import type { AuthorizationPolicyFact } from '../facts';

export const rule: WorkspaceRule = {
  meta: {
    id: 'namespace-default-deny-missing',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: 'A namespace has workloads and authorization policies but no allow-nothing (default-deny) policy.',
    fixable: true,
  },
  check(ctx) {
    const { view, config } = ctx;
    const root = meshSettings(view, config).rootNamespace.value;
    if (view.inNamespace('authorization-policy', root).some(deniesByDefault)) return;
    const seen = new Set<string>();
    for (const first of view.all('authorization-policy')) {
      const ns = first.namespace;
      if (ns === undefined || ns === root || seen.has(ns)) continue;
      seen.add(ns);
      const policies = view.inNamespace('authorization-policy', ns);
      if (policies.some(deniesByDefault) || view.inNamespace('workload', ns).length === 0) continue;
      const file = view.file(first.uri);
      if (!file) continue;
      const name = freeName(
        policies.map((p) => p.name),
        'allow-nothing',
      );
      ctx.report({
        at: first.namespaceSite ?? first.site,
        message: `Namespace ${ns} has authorization policies (e.g. ${nameOf(first)}) but none that denies by default: a workload no ALLOW policy selects accepts every request. Add the allow-nothing policy (\`spec: {}\`) and allow each caller explicitly.`,
        fixes: [
          addDocumentFix(
            file,
            first,
            [
              `# Deny by default in ${ns}: only what an ALLOW policy names gets through.`,
              'apiVersion: security.istio.io/v1',
              'kind: AuthorizationPolicy',
              'metadata:',
              `  name: ${name}`,
              `  namespace: ${ns}`,
              'spec: {}',
            ],
            `Add an allow-nothing AuthorizationPolicy for ${ns}`,
          ),
        ],
      });
    }
  },
};

/** A selector-less ALLOW policy makes every pod of its namespace deny what it does not allow. */
export function deniesByDefault(p: AuthorizationPolicyFact): boolean {
  // A dry-run policy (istio.io/dry-run) is only logged, never enforced: it denies nothing.
  return p.action === 'ALLOW' && !p.selector && !p.targeted && !p.dryRun;
}
