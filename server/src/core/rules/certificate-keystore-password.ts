// JKS and PKCS#12 keystores need exactly one password source: password or passwordSecretRef.
import type { DocumentRule } from './lib/rule';
import { isSet, recordAt, stringAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-keystore-password',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A keystore needs exactly one of password or passwordSecretRef, and a literal password cannot be empty.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const keystores = recordAt(recordAt(ctx.value, 'spec'), 'keystores');
    for (const kind of ['jks', 'pkcs12']) {
      const store = recordAt(keystores, kind);
      if (!store) continue;
      const label = kind === 'jks' ? 'JKS' : 'PKCS#12';
      const literal = isSet(store, 'password');
      const fromSecret = stringAt(recordAt(store, 'passwordSecretRef'), 'name') !== '';
      if (literal && fromSecret) {
        ctx.report({
          path: ['spec', 'keystores', kind, 'password'],
          on: 'key',
          message: `cert-manager's webhook rejects a ${label} keystore with both password and passwordSecretRef. Keep passwordSecretRef (the password stays in a Secret) and remove password.`,
        });
      } else if (!literal && !fromSecret) {
        ctx.report({
          path: ['spec', 'keystores', kind],
          on: 'key',
          message: `cert-manager's webhook rejects a ${label} keystore without a password source. Add passwordSecretRef: { name: <secret>, key: <key> } naming the Secret that holds the keystore password.`,
        });
      } else if (literal && store.password === '') {
        ctx.report({
          path: ['spec', 'keystores', kind, 'password'],
          message: `cert-manager's webhook rejects an empty literal ${label} password. Use passwordSecretRef instead, or write a non-empty password.`,
        });
      }
    }
  },
};
