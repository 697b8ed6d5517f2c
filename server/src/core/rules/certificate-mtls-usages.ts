// Workload certificates that restrict their extended key usages to one side of mutual TLS. Left
// out, `usages` means cert-manager's default (digital signature, key encipherment) with no extended
// key usage at all, which TLS stacks accept for both roles, so only an explicit, one-sided list counts.
import type { DocumentRule } from './lib/rule';
import { certSpec, workloadKind } from './lib/certificate-facts';
import { appendSeqItems } from './lib/fix-insert';
import type { Fix } from '../types';

/** cert-manager usages that become extended key usages in the certificate. */
// A data list, kept compact rather than one usage a line.
// prettier-ignore
const EXTENDED = [
  'any', 'server auth', 'client auth', 'code signing', 'email protection', 's/mime', 'ipsec end system',
  'ipsec tunnel', 'ipsec user', 'timestamping', 'ocsp signing', 'microsoft sgc', 'netscape sgc',
];

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-mtls-usages',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A workload certificate lists usages without both server auth and client auth, so it cannot serve both sides of mTLS.',
    fixable: true,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = certSpec(ctx);
    if (!spec || !Array.isArray(spec.usages)) return;
    const kind = workloadKind(spec);
    if (!kind) return;
    const usages = spec.usages.filter((u): u is string => typeof u === 'string');
    const extended = usages.filter((u) => EXTENDED.includes(u));
    if (extended.length === 0 || extended.includes('any')) return;
    const missing = ['server auth', 'client auth'].filter((u) => !usages.includes(u));
    if (missing.length === 0) return;
    // The SPIFFE X.509-SVID spec requires both when extended usages are present; for a certificate
    // with only service names, serving one side only can be deliberate (e.g. a webhook's server cert).
    const spiffe = kind === 'spiffe';
    const fix = addUsages(ctx, missing, spiffe);
    ctx.report({
      path: ['spec', 'usages'],
      on: 'key',
      severity: spiffe ? undefined : 'info',
      message: `These usages leave out ${missing.map((u) => `"${u}"`).join(' and ')}: ${spiffe ? 'a SPIFFE workload certificate' : 'a certificate used for mutual TLS'} must act as server and as client, and a peer rejects it in the missing role. Add ${missing.length > 1 ? 'them' : 'it'}, or drop the extended usages so that none are restricted.`,
      fixes: fix ? [fix] : undefined,
    });
  },
};

function addUsages(ctx: Parameters<DocumentRule['check']>[0], missing: string[], safe: boolean): Fix | undefined {
  const edit = appendSeqItems(ctx, ['spec', 'usages'], missing);
  return edit ? { title: `Add ${missing.join(' and ')} to usages`, edits: [edit], safe, preferred: true } : undefined;
}
