// Certificate literalSubject: the whole subject is written as one string, so commonName and the
// subject fields may not be set beside it.
import type { DocumentRule } from './lib/rule';
import { hasItems, recordAt, stringAt } from './lib/go-values';

const SUBJECT_LISTS = ['organizations', 'countries', 'organizationalUnits', 'localities', 'provinces', 'streetAddresses', 'postalCodes'];

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-literal-subject',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Certificate with literalSubject also sets commonName or subject fields, which cert-manager rejects.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (stringAt(spec, 'literalSubject') === '') return;
    if (stringAt(spec, 'commonName') !== '') {
      ctx.report({
        path: ['spec', 'commonName'],
        on: 'key',
        message:
          "cert-manager's webhook rejects commonName next to literalSubject: the literal subject is the whole subject. Remove commonName and write CN=... inside literalSubject.",
      });
    }
    const subject = recordAt(spec, 'subject');
    const used = SUBJECT_LISTS.filter((k) => hasItems(subject, k));
    if (stringAt(subject, 'serialNumber') !== '') used.push('serialNumber');
    if (used.length > 0) {
      ctx.report({
        path: ['spec', 'subject'],
        on: 'key',
        message: `cert-manager's webhook rejects subject (${used.join(', ')}) next to literalSubject. Move these attributes into the literalSubject string (e.g. O=Example,C=GB) and remove subject.`,
      });
    }
  },
};
