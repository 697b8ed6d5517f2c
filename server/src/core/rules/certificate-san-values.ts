// Certificate ipAddresses must be IP addresses and emailAddresses bare addresses (cert-manager parses both).
import type { DocumentRule } from './lib/rule';
import { isIpAddress } from '../ip-address';
import { listAt, recordAt } from './lib/go-values';

/** A bare address as Go's mail.ParseAddress returns it unchanged: no display name, brackets or spaces. */
function bareEmail(v: string): boolean {
  return /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+$/.test(v);
}

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-san-values',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Certificate ipAddresses must be IP addresses (no CIDR, no host names) and emailAddresses plain addresses.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    listAt(spec, 'ipAddresses').forEach((v, i) => {
      if (typeof v !== 'string' || isIpAddress(v)) return;
      ctx.report({
        path: ['spec', 'ipAddresses', i],
        message: `cert-manager's webhook rejects "${v}" in ipAddresses ("invalid IP address"). Write a single address such as 10.0.0.5 or fd00::5; host names belong in dnsNames.`,
      });
    });
    listAt(spec, 'emailAddresses').forEach((v, i) => {
      if (typeof v !== 'string' || bareEmail(v)) return;
      ctx.report({
        path: ['spec', 'emailAddresses', i],
        message: `cert-manager's webhook rejects "${v}" in emailAddresses: only the address itself is allowed, e.g. ops@example.com (no display name or angle brackets).`,
      });
    });
  },
};
