// DestinationRule `tls.mode: DISABLE` towards in-cluster hosts: the client sidecar sends plaintext,
// switching off Istio's mutual TLS (and breaking traffic to a STRICT destination).
import type { DocumentRule } from './lib/rule';
import { destinationRuleTlsSites, isInClusterHost } from './lib/destination-rule-tls';
import { setValueFix } from './lib/fix-edits';
import { asRecord } from '../resources';

export const rule: DocumentRule = {
  meta: {
    id: 'destination-rule-tls-disable',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'DestinationRule sends plaintext (tls.mode DISABLE) to an in-cluster host instead of Istio mutual TLS.',
    fixable: true,
  },
  kinds: ['networking.istio.io/DestinationRule'],
  check(ctx) {
    const host = asRecord(ctx.value.spec)?.host;
    // Plaintext to an external host is that host's choice; ISTIO_MUTUAL would not work there.
    if (typeof host !== 'string' || !isInClusterHost(host)) return;
    for (const site of destinationRuleTlsSites(ctx)) {
      if (site.tls.mode !== 'DISABLE') continue;
      const path = [...site.path, 'mode'];
      // A suggestion only: a destination without a sidecar cannot answer ISTIO_MUTUAL.
      const set = setValueFix(ctx, path, 'ISTIO_MUTUAL', 'Set mode to ISTIO_MUTUAL', true);
      const fix = set && { ...set, batch: false };
      ctx.report({
        path,
        message: `DISABLE makes clients send plaintext to ${host} (${site.scope}): no encryption and no client identity, and a destination under STRICT mutual TLS rejects the connection. Use ISTIO_MUTUAL, or drop the tls block and let auto mTLS choose.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
