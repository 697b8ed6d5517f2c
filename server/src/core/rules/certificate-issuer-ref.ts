// cert-manager's webhook checks issuerRef: a non-empty name, and for its own group a kind of
// Issuer or ClusterIssuer.
import type { DocumentRule } from './lib/rule';
import { recordAt, stringAt } from './lib/go-values';

const OWN_GROUP = 'cert-manager.io';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-issuer-ref',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'issuerRef needs a name, and for cert-manager.io issuers a kind of Issuer or ClusterIssuer.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate', 'cert-manager.io/CertificateRequest'],
  check(ctx) {
    const ref = recordAt(recordAt(ctx.value, 'spec'), 'issuerRef');
    if (!ref) return;
    if (ref.name === '') {
      ctx.report({
        path: ['spec', 'issuerRef', 'name'],
        message:
          'cert-manager\'s webhook rejects an empty issuerRef.name ("must be specified"). Name the Issuer (same namespace) or ClusterIssuer that signs this certificate.',
      });
    }
    const group = stringAt(ref, 'group');
    const kind = stringAt(ref, 'kind');
    if (group !== '' && group !== OWN_GROUP) return; // external issuers define their own kinds
    if (kind === '' || kind === 'Issuer' || kind === 'ClusterIssuer') return;
    const hint =
      group === '' ? ` If ${kind} belongs to an external issuer, set issuerRef.group to its API group (e.g. awspca.cert-manager.io).` : '';
    ctx.report({
      path: ['spec', 'issuerRef', 'kind'],
      message: `cert-manager's webhook rejects kind "${kind}": with group ${group || '(empty)'} it "must be one of Issuer or ClusterIssuer".${hint}`,
    });
  },
};
