// Certificate secretName: the Secret cert-manager writes, so it must be a valid object name.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-secret-name',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Certificate secretName must be a non-empty lower-case DNS subdomain name (the Secret to write).',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const name = recordAt(ctx.value, 'spec')?.secretName;
    if (typeof name !== 'string') return; // missing or wrong type: schema error
    if (name !== '' && name.length <= 253 && DNS_SUBDOMAIN.test(name)) return;
    ctx.report({
      path: ['spec', 'secretName'],
      message:
        name === ''
          ? 'cert-manager\'s webhook rejects an empty secretName ("must be specified"). Name the Secret to store the key pair in, e.g. backend-tls.'
          : `cert-manager's webhook rejects "${name}": a Secret name is lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters. E.g. ${
              name
                .toLowerCase()
                .replace(/[^a-z0-9.-]+/g, '-')
                .replace(/^[-.]+|[-.]+$/g, '') || 'backend-tls'
            }.`,
    });
  },
};
