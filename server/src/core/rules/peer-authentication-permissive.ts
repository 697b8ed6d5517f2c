// PeerAuthentication in PERMISSIVE mode: plaintext is still accepted, so identity is optional.
import type { DocumentRule } from './lib/rule';
import { mtlsModeSites, strictFix } from './lib/mtls-mode';

export const rule: DocumentRule = {
  meta: {
    id: 'peer-authentication-permissive',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'PeerAuthentication accepts plaintext (PERMISSIVE); use STRICT once clients have sidecars.',
    fixable: true,
  },
  kinds: ['security.istio.io/PeerAuthentication'],
  check(ctx) {
    for (const site of mtlsModeSites(ctx)) {
      if (site.mode !== 'PERMISSIVE') continue;
      const scope = site.port ? `port ${site.port}` : 'these workloads';
      const fix = strictFix(ctx, site.path);
      ctx.report({
        path: site.path,
        message: `PERMISSIVE lets ${scope} accept plaintext: callers need no certificate, so their identity is never verified. Use STRICT once every client runs a sidecar.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
