// Certificate literalSubject: the whole subject is written as one RFC 4514 string that cert-manager
// must parse, with attribute names it knows and a text CN; commonName and subject may not be set beside it.
import type { DocumentRule } from './lib/rule';
import { hasItems, recordAt, stringAt } from './lib/go-values';
import { NUMERIC_OID, SUBJECT_ATTRIBUTES, isCommonNameType, parseDn } from './lib/rfc4514';

const SUBJECT_LISTS = ['organizations', 'countries', 'organizationalUnits', 'localities', 'provinces', 'streetAddresses', 'postalCodes'];

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-literal-subject',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Certificate literalSubject that does not parse, names an unknown attribute, or comes with commonName or subject fields.',
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
    const literal = stringAt(spec, 'literalSubject');
    const parsed = parseDn(literal);
    const at = { path: ['spec', 'literalSubject'] as const };
    if ('error' in parsed) {
      ctx.report({
        ...at,
        message: `cert-manager's webhook cannot parse literalSubject as an RFC 4514 name: ${parsed.error}. Write TYPE=value pairs separated by commas, escaping , + ; = \\ with a backslash, e.g. CN=web,O=Example\\, Inc.`,
      });
    }
    for (const attr of 'rdns' in parsed ? parsed.rdns.flat() : []) {
      if (isCommonNameType(attr.type) && typeof attr.value !== 'string') {
        ctx.report({ ...at, message: "cert-manager's webhook rejects a CN written as #hex: the common name must be text. Write CN=name." });
      } else if (!SUBJECT_ATTRIBUTES.includes(attr.type) && !NUMERIC_OID.test(attr.type)) {
        ctx.report({
          ...at,
          message: `cert-manager's webhook rejects the attribute "${attr.type}" in literalSubject: it knows ${SUBJECT_ATTRIBUTES.join(', ')} (upper case) and dotted OIDs such as 2.5.4.42.`,
        });
      }
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
