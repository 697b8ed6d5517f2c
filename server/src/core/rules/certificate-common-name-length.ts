// Certificate commonName is limited to 64 bytes (the X.509 upper bound cert-manager enforces).
import type { DocumentRule } from './lib/rule';
import { recordAt, stringAt, utf8Length } from './lib/go-values';
import { literalCommonName } from './lib/rfc4514';

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
    const spec = recordAt(ctx.value, 'spec');
    // The webhook checks one common name: the literalSubject's (literalCommonName) when it has one, else commonName.
    const literalCn = literalCommonName(stringAt(spec, 'literalSubject'));
    const cn = spec?.commonName;
    if (literalCn !== undefined) report(literalCn, ['spec', 'literalSubject'], "the literalSubject's common name");
    else if (typeof cn === 'string') report(cn, ['spec', 'commonName'], 'this commonName');

    function report(value: string, path: string[], what: string): void {
      const length = utf8Length(value);
      if (length <= MAX_CN) return;
      ctx.report({
        path,
        message: `cert-manager's webhook rejects ${what}: ${length} bytes, the limit is ${MAX_CN}. Clients check dnsNames, not the common name: list the long name under dnsNames and shorten or drop the common name.`,
      });
    }
  },
};
