// DestinationRule SIMPLE/MUTUAL TLS whose server certificate is not checked (insecureSkipVerify),
// or is checked only against the proxy's OS CA bundle because no CA is given.
import type { DocumentRule } from './rule';
import { destinationRuleTlsSites } from './destination-rule-tls';

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
    for (const site of destinationRuleTlsSites(ctx)) {
      const mode = site.tls.mode;
      if (mode !== 'SIMPLE' && mode !== 'MUTUAL') continue;
      if (site.tls.insecureSkipVerify === true) {
        ctx.report({
          path: [...site.path, 'insecureSkipVerify'],
          message: `insecureSkipVerify turns off the check of the server's certificate and names (${site.scope}): the traffic is encrypted, but to whoever answers. Anyone able to intercept the connection can pose as the server. Remove it and give the server's CA in caCertificates or credentialName.`,
        });
        continue;
      }
      const hasCa = typeof site.tls.caCertificates === 'string' && site.tls.caCertificates !== '';
      const hasCredential = typeof site.tls.credentialName === 'string' && site.tls.credentialName !== '';
      if (hasCa || hasCredential) continue;
      // Since Istio 1.21 the proxy verifies against its OS CA bundle here, so this is not a hole:
      // only a hint that a private CA must be named or the handshake fails.
      ctx.report({
        path: [...site.path, 'mode'],
        severity: 'info',
        message: `${mode} TLS with no caCertificates or credentialName (${site.scope}): Istio 1.21 and later verify the server against the proxy's OS CA bundle, which suits public servers. For a server with a private CA, name that CA; older Istio versions skip the check entirely.`,
      });
    }
  },
};
