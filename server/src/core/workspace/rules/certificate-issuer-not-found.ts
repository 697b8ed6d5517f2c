// A Certificate whose issuerRef names an Issuer that is not in its namespace, or a ClusterIssuer
// the workspace does not define. Issuers are namespaced: a certificate can only use one of its own
// namespace. `kind` defaults to Issuer, so a ClusterIssuer named without `kind: ClusterIssuer` is
// looked for in the wrong place. Only external issuers (another group) are never checked. A near
// match among the issuers the workspace defines there makes it a likely typo: a warning.
import type { WorkspaceRule } from '../rule';
import { closest } from '../../suggest';
import { nameOf } from '../describe';
import type { CertificateFact, IssuerFact } from '../facts';

export const rule: WorkspaceRule = {
  meta: {
    id: 'certificate-issuer-not-found',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: "A certificate's issuerRef names an Issuer absent from its namespace or a ClusterIssuer the workspace does not define.",
    fixable: true,
  },
  check(ctx) {
    const { view } = ctx;
    const clusterIssuers = view.all('issuer').filter((i) => i.cluster);
    const clusterByName = new Map(clusterIssuers.map((i) => [i.name, i] as const));
    const namespacedByName = new Map<string | undefined, IssuerFact>();
    // An Issuer written without a namespace goes wherever it is applied, possibly the certificate's namespace.
    const unplaced = new Set<string | undefined>();
    for (const i of view.all('issuer')) {
      if (i.cluster) continue;
      if (i.namespace === undefined) unplaced.add(i.name);
      else if (!namespacedByName.has(i.name)) namespacedByName.set(i.name, i);
    }
    for (const cert of view.all('certificate')) {
      const ref = cert.issuer;
      if (!ref || ref.group !== 'cert-manager.io') continue;
      const name = ref.name.value;
      if (ref.kind === 'Issuer') {
        if (cert.namespace === undefined) continue;
        const local = view.inNamespace('issuer', cert.namespace).filter((i) => !i.cluster);
        if (local.some((i) => i.name === name) || unplaced.has(name)) continue;
        const cluster = clusterByName.get(name);
        if (cluster) {
          wrongKind(cert, cluster, 'ClusterIssuer');
          continue;
        }
        const elsewhere = namespacedByName.get(name);
        if (!elsewhere && local.length === 0) continue; // the workspace does not describe this namespace's issuers
        const guess = closest(
          name,
          local.map((i) => i.name ?? ''),
        );
        ctx.report({
          at: ref.name.site,
          severity: guess && !elsewhere ? 'warning' : undefined,
          message: elsewhere
            ? `Issuer \`${name}\` is defined in namespace ${elsewhere.namespace}, but an Issuer only signs certificates of its own namespace (${cert.namespace}): this certificate will never be issued. Use a ClusterIssuer, or an Issuer in ${cert.namespace}.`
            : `No Issuer \`${name}\` in namespace ${cert.namespace} (the workspace defines ${local.map((i) => `\`${i.name}\``).join(', ')} there): this certificate will never be issued.${guess ? ` Did you mean \`${guess}\`? A near miss like this is almost surely a typo.` : ''}`,
          related: elsewhere ? [{ at: elsewhere.site, message: `${nameOf(elsewhere)} is here` }] : undefined,
        });
      } else if (ref.kind === 'ClusterIssuer') {
        if (clusterByName.has(name)) continue;
        const local =
          cert.namespace === undefined ? undefined : view.inNamespace('issuer', cert.namespace).find((i) => !i.cluster && i.name === name);
        if (local) {
          wrongKind(cert, local, 'Issuer');
          continue;
        }
        if (clusterIssuers.length === 0) continue;
        const guess = closest(
          name,
          clusterIssuers.map((i) => i.name ?? ''),
        );
        ctx.report({
          at: ref.name.site,
          severity: guess ? 'warning' : undefined,
          message: `No ClusterIssuer \`${name}\` in the workspace (it defines ${clusterIssuers.map((i) => `\`${i.name}\``).join(', ')}): this certificate will never be issued.${guess ? ` Did you mean \`${guess}\`? A near miss like this is almost surely a typo.` : ''}`,
        });
      }
    }

    function wrongKind(cert: CertificateFact, found: IssuerFact, kind: 'Issuer' | 'ClusterIssuer'): void {
      const ref = cert.issuer;
      if (!ref) return;
      // kindSite excludes quotes, so replacing it keeps the author's quoting.
      const fix = ref.kindSite
        ? {
            title: `Set issuerRef.kind to ${kind}`,
            edits: [{ start: ref.kindSite.start, end: ref.kindSite.end, newText: kind }],
            safe: false,
            preferred: true,
          }
        : undefined;
      ctx.report({
        at: ref.kindSite ?? ref.name.site,
        // Something of that name exists, just of the other kind: a definite mistake, not missing evidence.
        severity: 'warning',
        message: `\`${ref.name.value}\` is a ${kind}, but issuerRef.kind is ${ref.kind}${ref.kindSite ? '' : ' (the default when kind is left out)'}: cert-manager looks for the wrong object and never issues this certificate. Set \`kind: ${kind}\`.`,
        related: [{ at: found.site, message: `${nameOf(found)} is here` }],
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
