// A Gateway's credentialName with no Secret behind it: neither a Secret (or a SealedSecret or
// ExternalSecret producing one) nor a cert-manager Certificate writing that secretName, in the
// namespace of the gateway's pods (Istio reads the secret there) or of the Gateway itself. Without
// it the listener has no certificate and TLS handshakes fail. Only said when the workspace holds
// Secrets or Certificates of those namespaces.
import type { WorkspaceRule } from '../rule';
import { nameOf } from '../describe';
import { closest } from '../../suggest';
import { labelsMatch, type WorkspaceView } from '../view';
import type { Fact } from '../facts';

export const rule: WorkspaceRule = {
  meta: {
    id: 'gateway-credential-not-found',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: "A Gateway's credentialName matches no Secret and no Certificate secretName in the gateway's namespace.",
    fixable: false,
  },
  check(ctx) {
    const { view } = ctx;
    for (const gw of view.all('gateway')) {
      if (gw.credentials.length === 0) continue;
      const namespaces = new Set<string>();
      if (gw.namespace !== undefined) namespaces.add(gw.namespace);
      if (gw.selector) {
        const labels = gw.selector.labels;
        for (const w of view.all('workload')) if (w.namespace !== undefined && labelsMatch(labels, w.podLabels)) namespaces.add(w.namespace);
      }
      const covered = [...namespaces].filter((ns) => view.hasAny(ns, 'secret', 'certificate'));
      if (covered.length === 0) continue;
      for (const cred of gw.credentials) {
        // `ns/name` and `kubernetes-gateway://...` forms point elsewhere on purpose.
        if (cred.value.includes('/')) continue;
        if (covered.some((ns) => secretSource(view, ns, cred.value))) continue;
        const elsewhere = view.all('secret').find((s) => s.secretName === cred.value) ?? view.all('certificate').find((c) => c.secretName?.value === cred.value);
        const where = [...namespaces].join(', ');
        const guess = elsewhere ? undefined : closest(cred.value, covered.flatMap((ns) => secretNames(view, ns)));
        ctx.report({
          at: cred.site,
          message: `No Secret \`${cred.value}\` and no Certificate writing that secretName in ${where}, where the gateway reads its credentials: the listener has no certificate, so TLS handshakes fail.${guess ? ` Did you mean \`${guess}\`?` : ''}${elsewhere ? ` ${nameOf(elsewhere)} provides it in ${elsewhere.namespace ?? 'another namespace'}; the secret must live in the gateway's namespace.` : ''}`,
          related: elsewhere ? [{ at: elsewhere.site, message: `${nameOf(elsewhere)} is here` }] : undefined,
        });
      }
    }
  },
};

function secretNames(view: WorkspaceView, namespace: string): string[] {
  return [
    ...view.inNamespace('secret', namespace).map((s) => s.secretName),
    ...view.inNamespace('certificate', namespace).flatMap((c) => (c.secretName ? [c.secretName.value] : [])),
  ];
}

/** The Secret or Certificate that makes a secret of that name exist in the namespace. */
function secretSource(view: WorkspaceView, namespace: string, name: string): Fact | undefined {
  return view.inNamespace('secret', namespace).find((s) => s.secretName === name) ?? view.inNamespace('certificate', namespace).find((c) => c.secretName?.value === name);
}
