// Certificate ipAddresses must be IP addresses, emailAddresses bare addresses, and otherNames an
// OID with a value (cert-manager parses all three).
import type { DocumentRule } from './lib/rule';
import { isIpAddress } from '../ip-address';
import { asRecord } from '../resources';
import { listAt, recordAt, stringAt } from './lib/go-values';

/** RFC 5322 atext as Go's net/mail reads it: any visible or non-ASCII character but the specials and '.'. */
const ATEXT = '[^\\x00-\\x20\\x7f()<>\\[\\]:;@\\\\,".]';
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
/** A dot-atom local part, '@', and a dot-atom domain or a [domain-literal] (its dtext captured). */
const ADDR_SPEC = new RegExp(`^${DOT_ATOM}@(?:${DOT_ATOM}|\\[([^\\x00-\\x20\\x7f\\[\\]\\\\]*)\\])$`);

/**
 * Why Go's mail.ParseAddress would not return `v` unchanged (cert-manager's validateEmailAddresses wants
 * exactly that), or undefined when it would: no display name, comment, quotes or spaces; no leading,
 * trailing or double dots; a [domain literal] only around an IP address. Go 1.22 to 1.25 take any
 * net.ParseIP address there; later releases take IPv4, or IPv6 written "IPv6:<address>", instead.
 * Either form is accepted here, so no Go version gets a false error.
 */
function emailProblem(v: string): string | undefined {
  const m = ADDR_SPEC.exec(v);
  if (m) {
    const literal = m[1];
    if (literal === undefined || isIpAddress(literal) || (literal.startsWith('IPv6:') && isIpAddress(literal.slice(5)))) return undefined;
    return 'a domain in [ ] must be an IP address, e.g. ops@[192.0.2.1]';
  }
  if (/[<>"()\s]/.test(v))
    return 'only the address itself is allowed, e.g. ops@example.com (no display name, quotes, comment or angle brackets)';
  if (/(^|@)\.|\.(@|$)|\.\./.test(v)) return 'a dot may not start or end either part of the address, nor follow another dot';
  return 'it is not a plain address such as ops@example.com';
}

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-san-values',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'Certificate ipAddresses must be IP addresses (no CIDR, no host names), emailAddresses plain addresses, otherNames an OID and a value.',
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
      if (typeof v !== 'string') return; // a schema error
      const problem = emailProblem(v);
      if (!problem) return;
      ctx.report({
        path: ['spec', 'emailAddresses', i],
        message: `cert-manager's webhook rejects "${v}" in emailAddresses: ${problem}.`,
      });
    });
    listAt(spec, 'otherNames').forEach((item, i) => {
      const other = asRecord(item);
      if (!other) return;
      const oid = stringAt(other, 'oid').trim();
      // cert-manager splits on "." and reads each part as a Go integer.
      if (!/^[+-]?\d+(\.[+-]?\d+)*$/.test(oid)) {
        ctx.report({
          path: other.oid === undefined ? ['spec', 'otherNames', i] : ['spec', 'otherNames', i, 'oid'],
          message: `cert-manager's webhook rejects ${oid === '' ? 'an otherNames entry without oid' : `the OID "${oid}"`}: write dotted numbers, e.g. 1.3.6.1.4.1.311.20.2.3 (a Microsoft UPN).`,
        });
      }
      if (stringAt(other, 'utf8Value') === '') {
        ctx.report({
          path: ['spec', 'otherNames', i],
          message:
            "cert-manager's webhook rejects an otherNames entry without utf8Value. Write the name's value, e.g. user@example.com for a UPN.",
        });
      }
    });
  },
};
