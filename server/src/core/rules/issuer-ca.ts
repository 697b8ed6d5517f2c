// CA issuer: the Secret holding the CA key pair must be named, and URL lists hold no empty entries.
import type { DocumentRule } from './lib/rule';
import { listAt, recordAt } from './lib/go-values';
import { ISSUER_KINDS } from './lib/kinds';

export const rule: DocumentRule = {
  meta: {
    id: 'issuer-ca',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A CA issuer needs a non-empty secretName, and its OCSP and issuing-certificate URL lists no empty entries.',
    fixable: false,
  },
  kinds: ISSUER_KINDS,
  check(ctx) {
    const ca = recordAt(recordAt(ctx.value, 'spec'), 'ca');
    if (!ca) return;
    if (ca.secretName === '') {
      ctx.report({
        path: ['spec', 'ca', 'secretName'],
        message:
          "cert-manager's webhook rejects an empty ca.secretName. Name the kubernetes.io/tls Secret that holds the CA certificate and key (for a ClusterIssuer, in the cert-manager namespace).",
      });
    }
    for (const field of ['ocspServers', 'issuingCertificateURLs']) {
      listAt(ca, field).forEach((v, i) => {
        if (v !== '') return;
        ctx.report({
          path: ['spec', 'ca', field, i],
          message: `cert-manager's webhook rejects an empty URL in ${field}. Write the full URL, e.g. http://ocsp.example.com, or remove the entry.`,
        });
      });
    }
  },
};
