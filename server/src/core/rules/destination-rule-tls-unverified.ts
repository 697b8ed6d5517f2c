// DestinationRule SIMPLE/MUTUAL TLS whose server certificate is not checked (insecureSkipVerify),
// or is checked only against the proxy's OS CA bundle because no CA is given.
import type { DocumentRule } from './lib/rule';
import { destinationRuleTlsSites, isInClusterHost, skipVerifyConflicts } from './lib/destination-rule-tls';
import { asRecord } from '../resources';

export const rule: DocumentRule = {
  meta: {
    id: 'destination-rule-tls-unverified',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'DestinationRule TLS skips server certificate verification (insecureSkipVerify), or names no CA to verify it.',
    fixable: false,
  },
  kinds: ['networking.istio.io/DestinationRule'],
  check(ctx) {
    const host = asRecord(ctx.value.spec)?.host;
    const inCluster = typeof host === 'string' && isInClusterHost(host);
    for (const site of destinationRuleTlsSites(ctx)) {
      const mode = site.tls.mode;
      if (mode !== 'SIMPLE' && mode !== 'MUTUAL') continue;
      if (site.tls.insecureSkipVerify === true) {
        // With a CA or names beside it the webhook rejects the rule; destination-rule-tls-settings says so.
        if (skipVerifyConflicts(site.tls).length > 0) continue;
        ctx.report({
          path: [...site.path, 'insecureSkipVerify'],
          message: `insecureSkipVerify turns off the check of the server's certificate and names (${site.scope}): the traffic is encrypted, but to whoever answers. Anyone able to intercept the connection can pose as the server. Remove it and give the server's CA in caCertificates or credentialName.`,
        });
        continue;
      }
      const hasCa = typeof site.tls.caCertificates === 'string' && site.tls.caCertificates !== '';
      const hasCredential = typeof site.tls.credentialName === 'string' && site.tls.credentialName !== '';
      if (hasCa || hasCredential) continue;
      // Since Istio 1.21 the proxy verifies against its OS CA bundle here, so this is not a hole.
      // An in-cluster server most likely has a private CA, and then the handshake fails: worth a
      // note. For an external server the OS bundle is usually right: only a hint.
      ctx.report({
        path: [...site.path, 'mode'],
        severity: inCluster ? 'info' : 'hint',
        message: inCluster
          ? `${mode} TLS to an in-cluster host with no caCertificates or credentialName (${site.scope}): Istio 1.21 and later verify the server against the proxy's OS CA bundle, which will not know a cluster-internal CA, so the handshake fails. Name the CA that signs the server's certificate.`
          : `${mode} TLS with no caCertificates or credentialName (${site.scope}): Istio 1.21 and later verify the server against the proxy's OS CA bundle, which suits public servers. For a server with a private CA, name that CA; Istio versions before 1.21 skip the check entirely.`,
      });
    }
  },
};
