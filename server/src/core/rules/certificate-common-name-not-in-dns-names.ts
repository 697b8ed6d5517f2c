// A host-name commonName that is missing from dnsNames: TLS clients check only the subject
// alternative names (Go since 1.15, browsers for years), so that name does not verify.
import type { DocContext, DocumentRule } from './lib/rule';
import { certSpec, dnsNames } from './lib/certificate-facts';
import { appendSeqItem, insertAfterEntry, yamlScalar } from './lib/fix-insert';
import type { Fix, TextEdit } from '../types';
import { setValueEdits } from './lib/fix-edits';

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
    const fix = addToDnsNames(ctx, cn, spec);
    ctx.report({
      path: ['spec', 'commonName'],
      message: `"${cn}" is only in the commonName, which TLS clients no longer check: a client connecting to ${cn} will reject this certificate. Add it to dnsNames${hasList ? '' : ' (there are none)'}.`,
      fixes: fix ? [fix] : undefined,
    });
  },
};

/**
 * Appends to the list; writes one where the key is missing or null (`~`). A string or an empty
 * `dnsNames:` gets no fix: a second `dnsNames` key would be a duplicate, and the value is the author's to fix.
 */
function addToDnsNames(ctx: DocContext, cn: string, spec: Record<string, unknown>): Fix | undefined {
  const edits = dnsNamesEdits(ctx, cn, spec);
  return edits ? { title: `Add ${cn} to dnsNames`, edits, safe: true, preferred: true } : undefined;
}

function dnsNamesEdits(ctx: DocContext, cn: string, spec: Record<string, unknown>): TextEdit[] | undefined {
  if (Array.isArray(spec.dnsNames)) {
    const edit = appendSeqItem(ctx, ['spec', 'dnsNames'], cn);
    return edit && [edit];
  }
  if (spec.dnsNames === null) return setValueEdits(ctx, ['spec', 'dnsNames'], `[${yamlScalar(cn)}]`);
  if ('dnsNames' in spec) return undefined;
  const edit = insertAfterEntry(ctx, ['spec'], 'commonName', ['dnsNames:', `  - ${yamlScalar(cn)}`]);
  return edit && [edit];
}
