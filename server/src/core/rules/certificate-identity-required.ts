// A Certificate must name at least one identity: commonName or a subject alternative name.
import type { DocumentRule } from './lib/rule';
import { hasItems, recordAt, stringAt } from './lib/go-values';
import { literalCommonName } from './lib/rfc4514';

const SAN_FIELDS = ['dnsNames', 'uris', 'emailAddresses', 'ipAddresses', 'otherNames'];

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-identity-required',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Certificate needs at least one of commonName, dnsNames, uris, emailAddresses, ipAddresses or otherNames.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    if (stringAt(spec, 'commonName') !== '' || SAN_FIELDS.some((f) => hasItems(spec, f))) return;
    // A literalSubject may carry the common name itself: CN=... or 2.5.4.3=..., in any RDN (',' or ';' separated).
    if (literalCommonName(stringAt(spec, 'literalSubject'))) return;
    ctx.report({
      path: ['spec'],
      on: 'key',
      message:
        'cert-manager\'s webhook rejects a Certificate with no identity ("at least one of commonName, dnsNames, ... must be set"). ' +
        'Add dnsNames (e.g. backend.shop.svc.cluster.local) or, for a workload identity, uris with a SPIFFE ID such as spiffe://cluster.local/ns/shop/sa/backend.',
    });
  },
};
