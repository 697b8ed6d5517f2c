// A Gateway server terminating TLS (SIMPLE, MUTUAL, OPTIONAL_MUTUAL) with no certificate to present:
// Istio's validation webhook rejects it, because the listener would have nothing to serve.
import type { DocumentRule } from './lib/rule';
import { gatewayServers } from './lib/gateway-servers';
import { asRecord } from '../resources';

const TERMINATING = ['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL'];

const filledIn = (holder: Record<string, unknown>, k: string): boolean => typeof holder[k] === 'string' && holder[k] !== '';

export const rule: DocumentRule = {
  meta: {
    id: 'gateway-tls-without-certificate',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Gateway server terminates TLS but names no certificate (credentialName or certificate files).',
    fixable: false,
  },
  kinds: ['networking.istio.io/Gateway'],
  check(ctx) {
    for (const server of gatewayServers(ctx)) {
      const tls = server.tls;
      const mode = tls?.mode;
      if (!tls || typeof mode !== 'string' || !TERMINATING.includes(mode)) continue;
      const filled = (k: string): boolean => typeof tls[k] === 'string' && tls[k] !== '';
      const names = tls.credentialNames;
      if (filled('credentialName') || (Array.isArray(names) && names.length > 0)) continue;
      const mutual = mode !== 'SIMPLE';
      // With tlsCertificates every pair needs both files; MUTUAL needs the client CA either way.
      const certs = Array.isArray(tls.tlsCertificates) && tls.tlsCertificates.length > 0 ? tls.tlsCertificates : undefined;
      const pairs = certs ? certs.map((c) => asRecord(c) ?? {}) : [tls];
      const files = pairs.every((p) => filledIn(p, 'serverCertificate') && filledIn(p, 'privateKey'));
      if (files && (!mutual || filled('caCertificates'))) continue;
      const missing = !files
        ? certs
          ? 'a tlsCertificates entry without both serverCertificate and privateKey'
          : "no certificate: neither credentialName (a Secret, e.g. a cert-manager Certificate's secretName) nor serverCertificate and privateKey"
        : 'no CA to verify client certificates (caCertificates)';
      ctx.report({
        path: [...server.path, 'tls', 'mode'],
        message: `${mode} TLS on this server has ${missing}. Istio's validation webhook rejects this Gateway. Point credentialName at the Secret holding the certificate${mutual ? ' and its ca.crt' : ''}.`,
      });
    }
  },
};
