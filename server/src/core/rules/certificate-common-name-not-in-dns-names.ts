// A host-name commonName that is missing from dnsNames: TLS clients check only the subject
// alternative names (Go since 1.15, browsers for years), so that name does not verify.
import type { DocumentRule } from './lib/rule';
import { certSpec, dnsNames } from './lib/certificate-facts';
import { appendSeqItem, insertAfterEntry, yamlScalar } from './lib/fix-insert';
import type { Fix } from '../types';

const HOSTNAME_RE = /^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z0-9]([-a-z0-9]*[a-z0-9])?\.?$/i;

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-common-name-not-in-dns-names',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'commonName is a host name that dnsNames does not repeat; clients ignore the common name.',
    fixable: true,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = certSpec(ctx);
    // A CA's common name is a label for people, not a host.
    if (!spec || spec.isCA === true) return;
    const cn = spec.commonName;
    if (typeof cn !== 'string' || !HOSTNAME_RE.test(cn)) return;
    const names = dnsNames(spec);
    if (names.some((n) => n.toLowerCase() === cn.toLowerCase())) return;
    const hasList = Array.isArray(spec.dnsNames);
    // With no dnsNames, a certificate that identifies itself by URI or IP may use the CN as a label.
    if (!hasList && (spec.uris !== undefined || spec.ipAddresses !== undefined || spec.emailAddresses !== undefined)) return;
    const fix = addToDnsNames(ctx, cn, hasList);
    ctx.report({
      path: ['spec', 'commonName'],
      message: `"${cn}" is only in the commonName, which TLS clients no longer check: a client connecting to ${cn} will reject this certificate. Add it to dnsNames${hasList ? '' : ' (there are none)'}.`,
      fixes: fix ? [fix] : undefined,
    });
  },
};

function addToDnsNames(ctx: Parameters<DocumentRule['check']>[0], cn: string, hasList: boolean): Fix | undefined {
  const edit = hasList ? appendSeqItem(ctx, ['spec', 'dnsNames'], cn) : insertAfterEntry(ctx, ['spec'], 'commonName', ['dnsNames:', `  - ${yamlScalar(cn)}`]);
  return edit ? { title: `Add ${cn} to dnsNames`, edits: [edit], safe: true, preferred: true } : undefined;
}
