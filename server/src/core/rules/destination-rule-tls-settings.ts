// DestinationRule client TLS as Istio's webhook checks it: MUTUAL needs a client certificate and
// key (or a credentialName), credentialName replaces the file fields, insecureSkipVerify excludes
// a CA to verify against, and a configmap:// credential must name a namespace and a ConfigMap, the
// namespace being the rule's own (compared only when the manifest states its namespace).
import type { DocumentRule } from './lib/rule';
import { destinationRuleTlsSites, skipVerifyConflicts } from './lib/destination-rule-tls';
import { recordAt, stringAt } from './lib/go-values';
import { parseConfigMapCredential } from './lib/credential-name';

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
      const cm = parseConfigMapCredential(credential);
      if (cm && 'problem' in cm) {
        ctx.report({
          path: [...site.path, 'credentialName'],
          message: `Istio's webhook rejects "${credential}": "invalid configmap:// credentialName" (${cm.problem}). Write configmap://${namespace || '<namespace>'}/<ConfigMap name>.`,
        });
      } else if (cm && namespace !== '' && cm.namespace !== namespace) {
        ctx.report({
          path: [...site.path, 'credentialName'],
          message: `Istio's webhook rejects a configmap:// credential from another namespace (${cm.namespace}; this rule is in ${namespace}). Copy the ConfigMap into ${namespace} and write configmap://${namespace}/${cm.name}.`,
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
