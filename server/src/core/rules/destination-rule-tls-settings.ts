// DestinationRule client TLS as Istio's webhook checks it: MUTUAL needs a client certificate and
// key (or a credentialName), credentialName replaces the file fields, insecureSkipVerify excludes
// a CA to verify against, and a configmap:// credential must live in the rule's own namespace.
import type { DocumentRule } from './lib/rule';
import { destinationRuleTlsSites, skipVerifyConflicts } from './lib/destination-rule-tls';
import { recordAt, stringAt } from './lib/go-values';

const FILE_FIELDS = ['clientCertificate', 'privateKey', 'caCertificates', 'caCrl'];

export const rule: DocumentRule = {
  meta: {
    id: 'destination-rule-tls-settings',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'DestinationRule TLS combines fields Istio rejects together, or MUTUAL lacks its client certificate.',
    fixable: false,
  },
  kinds: ['networking.istio.io/DestinationRule'],
  check(ctx) {
    const namespace = stringAt(recordAt(ctx.value, 'metadata'), 'namespace');
    for (const site of destinationRuleTlsSites(ctx)) {
      const tls = site.tls;
      const mode = stringAt(tls, 'mode');
      const credential = stringAt(tls, 'credentialName');
      const cm = /^configmap:\/\/([^/]+)\/(.+)$/.exec(credential);
      if (cm && namespace !== '' && cm[1] !== namespace) {
        ctx.report({
          path: [...site.path, 'credentialName'],
          message: `Istio's webhook rejects a configmap:// credential from another namespace (${cm[1]}; this rule is in ${namespace}). Copy the ConfigMap into ${namespace} and write configmap://${cm[2]}.`,
        });
      }
      for (const field of skipVerifyConflicts(tls)) {
        ctx.report({
          path: [...site.path, field],
          on: 'key',
          message: `Istio's webhook rejects ${field} together with insecureSkipVerify: true (${site.scope}): one asks to verify the server, the other turns verification off. Remove insecureSkipVerify so the server is checked.`,
        });
      }
      if ((mode === 'SIMPLE' || mode === 'MUTUAL') && credential !== '') {
        for (const field of FILE_FIELDS.filter((k) => stringAt(tls, k) !== '')) {
          ctx.report({
            path: [...site.path, field],
            on: 'key',
            message: `Istio's webhook rejects ${field} next to credentialName (${site.scope}): the Secret already supplies the certificates${field === 'caCrl' ? ' and its ca.crl' : ''}. Remove ${field}.`,
          });
        }
        continue;
      }
      if (mode !== 'MUTUAL') continue;
      const missing = ['clientCertificate', 'privateKey'].filter((k) => stringAt(tls, k) === '');
      if (missing.length === 0) continue;
      ctx.report({
        path: [...site.path, 'mode'],
        message: `MUTUAL TLS (${site.scope}) has no ${missing.join(' and no ')}, which Istio's webhook requires: the proxy must present a client certificate. Set credentialName to a Secret holding tls.crt and tls.key (e.g. a cert-manager Certificate's secretName), or the file paths.`,
      });
    }
  },
};
