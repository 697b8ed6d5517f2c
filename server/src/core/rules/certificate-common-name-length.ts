// Certificate commonName is limited to 64 bytes (the X.509 upper bound cert-manager enforces).
import type { DocumentRule } from './lib/rule';
import { recordAt, utf8Length } from './lib/go-values';

const MAX_CN = 64;

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-common-name-length',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Certificate commonName is at most 64 characters; put long names in dnsNames.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const cn = recordAt(ctx.value, 'spec')?.commonName;
    if (typeof cn !== 'string') return;
    const length = utf8Length(cn);
    if (length <= MAX_CN) return;
    ctx.report({
      path: ['spec', 'commonName'],
      message: `cert-manager's webhook rejects this commonName: ${length} bytes, the limit is ${MAX_CN}. Clients check dnsNames, not the common name: list the long name under dnsNames and shorten or drop commonName.`,
    });
  },
};
