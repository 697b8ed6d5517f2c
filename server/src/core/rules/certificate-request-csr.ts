// CertificateRequest spec.request: cert-manager's webhook needs a CSR there, base64 of a PEM
// block. The DER inside is not parsed here (that needs an ASN.1 reader); its first byte is.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-request-csr',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A CertificateRequest needs spec.request: a base64-encoded PEM certificate signing request.',
    fixable: false,
  },
  kinds: ['cert-manager.io/CertificateRequest'],
  check(ctx) {
    const request = recordAt(ctx.value, 'spec')?.request;
    if (typeof request !== 'string') return; // missing or not text: the schema reports it
    const problem = csrProblem(request);
    if (!problem) return;
    ctx.report({
      path: ['spec', 'request'],
      message: `cert-manager's webhook rejects this request: ${problem}. Encode the PEM CSR with base64 (e.g. base64 -w0 < request.csr); usually a Certificate creates the CertificateRequest for you.`,
    });
  },
};

function csrProblem(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact === '') return 'it is empty ("must be specified")';
  if (!BASE64.test(compact) || compact.length % 4 === 1) return 'it is not base64';
  const pem = decodeBase64(compact);
  const m = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!m) return 'the decoded text holds no PEM block (-----BEGIN CERTIFICATE REQUEST-----)';
  const body = m[2].replace(/\s+/g, '');
  if (!BASE64.test(body) || body === '' || decodeBase64(body).charCodeAt(0) !== 0x30)
    return 'the PEM block does not hold a DER-encoded request';
  return undefined;
}

/** Base64 to a string of byte values (latin1), without Node's Buffer: the core does no Node I/O. */
function decodeBase64(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of text.replace(/=+$/, '')) {
    acc = (acc << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}
