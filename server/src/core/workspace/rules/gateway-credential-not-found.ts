// A Gateway's credentialName with no Secret behind it: neither a Secret (or a SealedSecret or
// ExternalSecret producing one) nor a cert-manager Certificate writing that secretName, in the
// namespace of the gateway's pods (Istio reads the secret there: pilot/pkg/xds/sds.go takes the proxy's
// namespace), or of the Gateway itself when its pods are not in the workspace. Without
// it the listener has no certificate and TLS handshakes fail. Only said when the workspace holds
// Secrets or Certificates of those namespaces, and, when the gateway's pods are not in the workspace,
// only for names no namespace provides.
import type { WorkspaceRule } from '../rule';
import { nameOf } from '../describe';
import { closest } from '../../suggest';
import type { WorkspaceView } from '../view';
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
    const guesses = new Map<string, string | undefined>();
    for (const gw of view.all('gateway')) {
      if (gw.credentials.length === 0) continue;
      const namespaces = new Set<string>();
      let podsFound = false;
      if (gw.selector) {
        // Many Gateways share one selector (the shared ingress): resolve each selector once.
        const labels = gw.selector.labels;
        const podNamespaces = view.memo(
          `gateway-pods\u0000${JSON.stringify(Object.entries(labels).sort())}`,
          () => new Set(view.workloadsMatchingAnywhere(labels).flatMap((w) => (w.namespace === undefined ? [] : [w.namespace]))),
        );
        for (const ns of podNamespaces) namespaces.add(ns);
        podsFound = podNamespaces.size > 0;
      }
      // Istio reads the secret in the gateway pods' namespace (SDS takes the proxy's own), not the Gateway
      // resource's; only when the pods are not in the workspace does the Gateway's namespace stand in.
      if (!podsFound && gw.namespace !== undefined) namespaces.add(gw.namespace);
      const covered = [...namespaces].filter((ns) => view.hasAny(ns, 'secret', 'certificate'));
      if (covered.length === 0) continue;
      for (const cred of gw.credentials) {
        // `ns/name` and `kubernetes-gateway://...` forms point elsewhere on purpose.
        if (cred.value.includes('/')) continue;
        if (covered.some((ns) => secretNamesIn(view, ns).has(cred.value))) continue;
        const elsewhere = secretsByName(view).get(cred.value);
        // Istio reads the secret where the gateway's pods run. With those pods outside the
        // workspace (installed by a chart), a secret found in another namespace is most likely
        // exactly there, as in a Gateway kept with the app and its certificate in istio-system.
        if (elsewhere && !podsFound) continue;
        const where = [...namespaces].join(', ');
        const guessKey = `${cred.value}\u0000${covered.join(',')}`;
        if (!elsewhere && !guesses.has(guessKey))
          guesses.set(
            guessKey,
            closest(
              cred.value,
              covered.flatMap((ns) => [...secretNamesIn(view, ns)]),
            ),
          );
        const guess = elsewhere ? undefined : guesses.get(guessKey);
        ctx.report({
          at: cred.site,
          message: `No Secret \`${cred.value}\` and no Certificate writing that secretName in ${where}, where the gateway reads its credentials: the listener has no certificate, so TLS handshakes fail.${guess ? ` Did you mean \`${guess}\`?` : ''}${elsewhere ? ` ${nameOf(elsewhere)} provides it in ${elsewhere.namespace ?? 'another namespace'}; the secret must live where the gateway's pods run.` : ''}`,
          related: elsewhere ? [{ at: elsewhere.site, message: `${nameOf(elsewhere)} is here` }] : undefined,
        });
      }
    }
  },
};

/** Every Secret or Certificate by the secret name it provides (first one wins), once per snapshot. */
function secretsByName(view: WorkspaceView): Map<string, Fact> {
  return view.memo('secrets-by-name', () => {
    const map = new Map<string, Fact>();
    for (const s of view.all('secret')) if (!map.has(s.secretName)) map.set(s.secretName, s);
    for (const c of view.all('certificate')) if (c.secretName && !map.has(c.secretName.value)) map.set(c.secretName.value, c);
    return map;
  });
}

/** Names of the secrets that exist in a namespace: Secrets, and what Certificates write. */
function secretNamesIn(view: WorkspaceView, namespace: string): Set<string> {
  return view.memo(`secret-names\u0000${namespace}`, () => {
    const names = new Set<string>();
    for (const s of view.inNamespace('secret', namespace)) names.add(s.secretName);
    for (const c of view.inNamespace('certificate', namespace)) if (c.secretName) names.add(c.secretName.value);
    return names;
  });
}
