// Gateway TLS allowing TLS 1.0 or 1.1: both are deprecated (RFC 8996) and lack modern cipher suites.
import type { DocumentRule } from './lib/rule';
import { gatewayServers } from './lib/gateway-servers';
import { setValueFix } from './lib/fix-edits';

const WEAK = ['TLSV1_0', 'TLSV1_1'];

export const rule: DocumentRule = {
  meta: {
    id: 'gateway-tls-weak-version',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A Gateway server allows TLS 1.0 or 1.1, which are deprecated and weak.',
    fixable: true,
  },
  kinds: ['networking.istio.io/Gateway'],
  check(ctx) {
    for (const server of gatewayServers(ctx)) {
      for (const field of ['minProtocolVersion', 'maxProtocolVersion'] as const) {
        const v = server.tls?.[field];
        if (typeof v !== 'string' || !WEAK.includes(v)) continue;
        const path = [...server.path, 'tls', field];
        const target = field === 'minProtocolVersion' ? 'TLSV1_2' : 'TLSV1_3';
        // Not safe for "fix all": clients that only speak the old versions will stop connecting.
        const fix = setValueFix(ctx, path, target, `Set ${field} to ${target}`, false);
        ctx.report({
          path,
          message:
            field === 'minProtocolVersion'
              ? `${v} lets clients negotiate a TLS version that is deprecated (RFC 8996) and open to downgrade attacks. Use TLSV1_2 or later as the minimum.`
              : `${v} as the maximum caps every connection at a deprecated TLS version. Use TLSV1_3, or leave the maximum out.`,
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};
