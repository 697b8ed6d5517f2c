// PeerAuthentication in DISABLE mode: mutual TLS is off, traffic is plaintext and anonymous.
import type { DocumentRule } from './lib/rule';
import { mtlsModeSites, strictFix } from './lib/mtls-mode';

export const rule: DocumentRule = {
  meta: {
    id: 'peer-authentication-disable',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'PeerAuthentication turns mutual TLS off (DISABLE); traffic is plaintext and unauthenticated.',
    fixable: true,
  },
  kinds: ['security.istio.io/PeerAuthentication'],
  check(ctx) {
    for (const site of mtlsModeSites(ctx)) {
      if (site.mode !== 'DISABLE') continue;
      const scope = site.port ? `on port ${site.port}` : 'for these workloads';
      const fix = strictFix(ctx, site.path);
      ctx.report({
        path: site.path,
        message: `DISABLE turns mutual TLS off ${scope}: traffic arrives unencrypted and nobody's identity is checked. Use STRICT; if a port must stay plaintext (e.g. a health probe), scope the exception to that port only.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
