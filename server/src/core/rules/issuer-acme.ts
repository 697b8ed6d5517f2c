// ACME issuer account settings: server URL, account key Secret, CA bundle vs skipTLSVerify, and
// external account binding; a CA bundle with no certificate in it.
import type { DocumentRule } from './lib/rule';
import { recordAt, stringAt } from './lib/go-values';
import { ISSUER_KINDS } from './lib/kinds';
import { caBundleMessage, caBundleProblem } from './lib/ca-bundle';

export const rule: DocumentRule = {
  meta: {
    id: 'issuer-acme',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'An ACME issuer needs server and privateKeySecretRef.name; caBundle excludes skipTLSVerify; external account binding needs keyID and a Secret key.',
    fixable: false,
  },
  kinds: ISSUER_KINDS,
  check(ctx) {
    const acme = recordAt(recordAt(ctx.value, 'spec'), 'acme');
    if (!acme) return;
    const base = ['spec', 'acme'];
    if (acme.server === '') {
      ctx.report({
        path: [...base, 'server'],
        message:
          'cert-manager\'s webhook rejects an empty acme.server ("acme server URL is a required field"). Write the directory URL, e.g. https://acme-v02.api.letsencrypt.org/directory.',
      });
    }
    const bundleProblem = caBundleProblem(stringAt(acme, 'caBundle'));
    if (bundleProblem) ctx.report({ path: [...base, 'caBundle'], message: caBundleMessage('acme', bundleProblem) });
    if (recordAt(acme, 'privateKeySecretRef')?.name === '') {
      ctx.report({
        path: [...base, 'privateKeySecretRef', 'name'],
        message:
          "cert-manager's webhook rejects an empty privateKeySecretRef.name. Name the Secret where cert-manager keeps the ACME account key, e.g. letsencrypt-account.",
      });
    }
    if (stringAt(acme, 'caBundle') !== '' && acme.skipTLSVerify === true) {
      ctx.report({
        path: [...base, 'skipTLSVerify'],
        on: 'key',
        message:
          'cert-manager\'s webhook rejects caBundle with skipTLSVerify ("mutually exclusive"). Remove skipTLSVerify: with caBundle set, the ACME server\'s certificate is verified against it, which is what you want.',
      });
    }
    const eab = recordAt(acme, 'externalAccountBinding');
    if (!eab) return;
    if (stringAt(eab, 'keyAlgorithm') !== '')
      ctx.report({
        path: [...base, 'externalAccountBinding', 'keyAlgorithm'],
        on: 'key',
        severity: 'warning',
        message:
          "externalAccountBinding.keyAlgorithm is deprecated and ignored: cert-manager's webhook warns, and the ACME library picks HS256. Remove it.",
      });
    if (eab.keyID === '')
      ctx.report({
        path: [...base, 'externalAccountBinding', 'keyID'],
        message: "cert-manager's webhook rejects an empty externalAccountBinding.keyID. Write the key ID your ACME CA gave you.",
      });
    const ref = recordAt(eab, 'keySecretRef');
    if (!ref) return;
    for (const field of ['name', 'key']) {
      if (stringAt(ref, field) !== '' || (field === 'name' && ref.name === undefined)) continue; // a missing name is a schema error
      ctx.report({
        path:
          ref[field] === undefined
            ? [...base, 'externalAccountBinding', 'keySecretRef']
            : [...base, 'externalAccountBinding', 'keySecretRef', field],
        on: ref[field] === undefined ? 'key' : 'value',
        message: `cert-manager's webhook rejects externalAccountBinding.keySecretRef without ${field} ("secret ${field} is required"). Name the ${field === 'name' ? 'Secret' : 'key inside the Secret'} that holds the HMAC key.`,
      });
    }
  },
};
