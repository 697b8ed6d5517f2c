// nameConstraints restrict what a CA may sign: only meaningful, and only accepted, on a CA
// certificate, only with permitted or excluded names; IP ranges must be CIDRs to be issued at all.
import type { DocumentRule } from './lib/rule';
import { isSet, listAt, recordAt } from './lib/go-values';
import { isIpAddress } from '../ip-address';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-name-constraints',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'nameConstraints need isCA: true, at least one of permitted or excluded, and ipRanges in CIDR form.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    const constraints = recordAt(spec, 'nameConstraints');
    if (!constraints) return;
    if (spec?.isCA !== true) {
      ctx.report({
        path: ['spec', 'nameConstraints'],
        on: 'key',
        message:
          'cert-manager\'s webhook rejects nameConstraints on a leaf certificate ("isCa should be true when nameConstraints is set"). Set isCA: true if this is an intermediate CA, or remove nameConstraints.',
      });
    }
    if (!isSet(constraints, 'permitted') && !isSet(constraints, 'excluded')) {
      ctx.report({
        path: ['spec', 'nameConstraints'],
        on: 'key',
        message:
          'cert-manager\'s webhook rejects nameConstraints without permitted or excluded ("either permitted or excluded must be set"). List the names this CA may sign under permitted, e.g. dnsDomains: [".shop.svc.cluster.local"].',
      });
    }
    // cert-manager 1.21's webhook does not parse these (certificate.go checks only the feature gate, isCA and
    // permitted/excluded); the controller fails on them when it builds the CSR, every time. Admission-time
    // rejection came later (cert-manager#9181, fixed by #9184 after 1.21.1), so this is a warning here.
    for (const side of ['permitted', 'excluded']) {
      listAt(recordAt(constraints, side), 'ipRanges').forEach((range, i) => {
        if (typeof range !== 'string' || isGoCidr(range)) return;
        ctx.report({
          path: ['spec', 'nameConstraints', side, 'ipRanges', i],
          severity: 'warning',
          message: `"${range}" in ${side}.ipRanges is not an IP range: cert-manager 1.21 accepts the Certificate but never issues it (building the CSR fails with "invalid CIDR address"), and later releases reject it. Write an address and a prefix length, e.g. 10.0.0.0/8 or fd00::/8.`,
        });
      });
    }
  },
};

/** Go's net.ParseCIDR: an IP address (no zone), "/", and decimal bits within the family's width. */
function isGoCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const addr = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!isIpAddress(addr) || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (addr.includes(':') ? 128 : 32);
}
