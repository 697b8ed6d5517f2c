// CertificateRequest spec.request: cert-manager's webhook needs a CSR there (base64 of a PEM block
// holding a PKCS#10 request), and its key usages must agree with spec.usages when both are set.
import type { DocumentRule } from './lib/rule';
import { listAt, recordAt } from './lib/go-values';
import { base64Bytes, latin1, pemBlocks } from './lib/pem';
import { parseCsr } from './lib/der-x509';
import { DEFAULT_USAGES, csrUsages, sameUsages } from './lib/csr-usages';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-request-csr',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A CertificateRequest needs spec.request: a base64-encoded PEM CSR whose key usages agree with spec.usages.',
    fixable: false,
  },
  kinds: ['cert-manager.io/CertificateRequest'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    const request = spec?.request;
    if (typeof request !== 'string') return; // missing or not text: the schema reports it
    const problem = csrProblem(request, spec ?? {});
    if (!problem) return;
    ctx.report({ path: ['spec', 'request'], message: `cert-manager's webhook rejects this request: ${problem}` });
  },
};

const HOW_TO_ENCODE =
  'Encode the PEM CSR with base64 (e.g. base64 -w0 < request.csr); usually a Certificate creates the CertificateRequest for you.';

function csrProblem(value: string, spec: Record<string, unknown>): string | undefined {
  if (value.trim() === '') return `it is empty ("must be specified"). ${HOW_TO_ENCODE}`;
  const bytes = base64Bytes(value.replace(/\s+/g, ''));
  if (!bytes) return `it is not base64. ${HOW_TO_ENCODE}`;
  const block = pemBlocks(latin1(bytes))[0];
  if (!block) return `the decoded text holds no PEM block (-----BEGIN CERTIFICATE REQUEST-----). ${HOW_TO_ENCODE}`;
  const csr = parseCsr(block.bytes);
  if ('problem' in csr) return `the PEM block is not a PKCS#10 CSR: ${csr.problem}. Generate it again, e.g. with openssl req -new.`;
  const usages = listAt(spec, 'usages').filter((u): u is string => typeof u === 'string');
  // Upstream compares only when both sides are set and spec.usages is not exactly the default pair.
  if (usages.length === 0 || csr.extensions.length === 0 || usages.join('\n') === DEFAULT_USAGES.join('\n')) return undefined;
  const wanted = spec.isCA === true && !usages.includes('cert sign') ? [...usages, 'cert sign'] : usages;
  const read = csrUsages(csr.extensions);
  if ('problem' in read) return `${read.problem}. Generate the CSR again with well-formed keyUsage and extendedKeyUsage extensions.`;
  if (read.usages.length === 0 || sameUsages(read.usages, wanted) || sameUsages(read.usages, DEFAULT_USAGES)) return undefined;
  return `the CSR asks for the usages [${read.usages.join(', ')}] but spec.usages lists [${wanted.join(', ')}]. Make spec.usages match the CSR, or drop spec.usages.`;
}
