// Vault issuer: server, path and one auth method; CA bundle from one place; client cert and key
// together; no `..` segment in any Vault path (cert-manager 1.21 guards against path traversal).
import type { DocumentRule } from './lib/rule';
import { isSet, recordAt, stringAt } from './lib/go-values';
import { ISSUER_KINDS } from './lib/kinds';
import { caBundleMessage, caBundleProblem } from './lib/ca-bundle';

const AUTH_METHODS = ['tokenSecretRef', 'appRole', 'clientCertificate', 'kubernetes', 'aws'];

export const rule: DocumentRule = {
  meta: {
    id: 'issuer-vault',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Vault issuer needs server, path and an auth method, with consistent CA bundle and client certificate settings.',
    fixable: false,
  },
  kinds: ISSUER_KINDS,
  check(ctx) {
    const vault = recordAt(recordAt(ctx.value, 'spec'), 'vault');
    if (!vault) return;
    const base = ['spec', 'vault'];
    for (const field of ['server', 'path']) {
      if (vault[field] !== '') continue;
      ctx.report({
        path: [...base, field],
        message: `cert-manager's webhook rejects an empty vault.${field}. ${field === 'server' ? 'Write the Vault address, e.g. https://vault.example.com:8200.' : 'Write the PKI signing path, e.g. pki/sign/my-role.'}`,
      });
    }
    const bundleProblem = caBundleProblem(stringAt(vault, 'caBundle'));
    if (bundleProblem) ctx.report({ path: [...base, 'caBundle'], message: caBundleMessage('vault', bundleProblem) });
    if (stringAt(vault, 'caBundle') !== '' && isSet(vault, 'caBundleSecretRef')) {
      ctx.report({
        path: [...base, 'caBundleSecretRef'],
        on: 'key',
        message:
          "cert-manager's webhook rejects caBundle together with caBundleSecretRef. Keep one source for the CA that verifies Vault's certificate.",
      });
    }
    const cert = isSet(vault, 'clientCertSecretRef');
    const key = isSet(vault, 'clientKeySecretRef');
    if (cert !== key) {
      const [has, missing] = cert ? ['clientCertSecretRef', 'clientKeySecretRef'] : ['clientKeySecretRef', 'clientCertSecretRef'];
      ctx.report({
        path: [...base, has],
        on: 'key',
        message: `cert-manager's webhook rejects ${has} without ${missing}: mutual TLS to Vault needs both the client certificate and its key. Add ${missing}.`,
      });
    }
    const auth = recordAt(vault, 'auth');
    for (const [holder, field, at] of [
      [vault, 'path', base],
      [recordAt(auth, 'appRole'), 'path', [...base, 'auth', 'appRole']],
      [recordAt(auth, 'clientCertificate'), 'mountPath', [...base, 'auth', 'clientCertificate']],
      [recordAt(auth, 'kubernetes'), 'mountPath', [...base, 'auth', 'kubernetes']],
      [recordAt(auth, 'aws'), 'mountPath', [...base, 'auth', 'aws']],
    ] as const) {
      if (!stringAt(holder, field).split('/').includes('..')) continue;
      ctx.report({
        path: [...at, field],
        message: `cert-manager's webhook (1.21 and later) rejects a '..' segment in ${field}: it would step outside the intended Vault mount. Write the path without '..', e.g. ${field === 'path' && at === base ? 'pki/sign/my-role' : '/v1/auth/kubernetes'}.`,
      });
    }
    if (!auth) return; // a missing auth block is a schema error
    if (!AUTH_METHODS.some((m) => isSet(auth, m))) {
      ctx.report({
        path: [...base, 'auth'],
        on: 'key',
        message:
          'cert-manager\'s webhook rejects Vault auth with no method ("please supply one of: appRole, kubernetes, tokenSecretRef, clientCertificate"). Prefer kubernetes with serviceAccountRef: short-lived tokens, nothing long-lived in a Secret.',
      });
    }
    const appRole = recordAt(auth, 'appRole');
    if (appRole) {
      if (appRole.roleId === '')
        ctx.report({
          path: [...base, 'auth', 'appRole', 'roleId'],
          message: "cert-manager's webhook rejects an empty appRole.roleId. Write the AppRole role ID.",
        });
      if (recordAt(appRole, 'secretRef')?.name === '')
        ctx.report({
          path: [...base, 'auth', 'appRole', 'secretRef', 'name'],
          message: "cert-manager's webhook rejects an empty appRole.secretRef.name. Name the Secret holding the AppRole secret ID.",
        });
    }
    const kube = recordAt(auth, 'kubernetes');
    if (kube) {
      const path = [...base, 'auth', 'kubernetes'];
      if (kube.role === '')
        ctx.report({
          path: [...path, 'role'],
          message: "cert-manager's webhook rejects an empty kubernetes.role. Write the Vault role cert-manager logs in as.",
        });
      const viaSecret = stringAt(recordAt(kube, 'secretRef'), 'name') !== '';
      const viaAccount = isSet(kube, 'serviceAccountRef');
      if (viaSecret === viaAccount) {
        ctx.report({
          path,
          on: 'key',
          message: viaSecret
            ? 'cert-manager\'s webhook rejects kubernetes auth with both secretRef and serviceAccountRef ("please supply one of"). Keep serviceAccountRef: its tokens are short-lived.'
            : "cert-manager's webhook rejects kubernetes auth without secretRef or serviceAccountRef. Add serviceAccountRef: { name: <service-account> } so cert-manager requests a short-lived token.",
        });
      }
      if (recordAt(kube, 'serviceAccountRef')?.name === '')
        ctx.report({
          path: [...path, 'serviceAccountRef', 'name'],
          message: "cert-manager's webhook rejects an empty serviceAccountRef.name. Name the ServiceAccount whose token is used.",
        });
    }
    const aws = recordAt(auth, 'aws');
    if (aws) {
      const path = [...base, 'auth', 'aws'];
      const account = recordAt(aws, 'serviceAccountRef');
      if (account?.name === '')
        ctx.report({
          path: [...path, 'serviceAccountRef', 'name'],
          message:
            "cert-manager's webhook rejects an empty serviceAccountRef.name. Name the ServiceAccount whose token is exchanged for AWS credentials.",
        });
      if (account && stringAt(aws, 'iamRoleArn') === '')
        ctx.report({
          path: [...path, 'serviceAccountRef'],
          on: 'key',
          message:
            "cert-manager's webhook rejects aws.serviceAccountRef without iamRoleArn: IRSA needs the IAM role to assume. Add iamRoleArn.",
        });
    }
  },
};
