// cert-manager's validateCABundleNotEmpty for ACME and Vault issuers: the base64 caBundle must hold
// at least one PEM CERTIFICATE block (without headers) whose DER parses as a certificate, which is
// what Go's x509.CertPool.AppendCertsFromPEM reports; other blocks and broken ones are skipped.
import { base64Bytes, latin1, pemBlocks } from './pem';
import { certificateProblem } from './der-x509';

/** Why the bundle has no usable certificate, or undefined when one parses. */
export function caBundleProblem(value: string): string | undefined {
  const bytes = base64Bytes(value.replace(/\s+/g, ''));
  if (!bytes || bytes.length === 0) return undefined; // unset, or not base64 (the schema's format check reports that)
  const blocks = pemBlocks(latin1(bytes));
  if (blocks.length === 0) return 'the decoded bundle holds no PEM block';
  const certs = blocks.filter((b) => b.type === 'CERTIFICATE' && !b.hasHeaders);
  if (certs.length === 0 && blocks.some((b) => b.type === 'CERTIFICATE'))
    return 'its CERTIFICATE blocks carry PEM headers, which the pool skips';
  if (certs.length === 0) return `its PEM blocks are ${[...new Set(blocks.map((b) => b.type))].join(', ')}, none a CERTIFICATE`;
  if (certs.every((c) => certificateProblem(c.bytes) !== undefined)) return 'none of its CERTIFICATE blocks parses as an X.509 certificate';
  return undefined;
}

/** The sentence both issuer rules report, with what to write instead. */
export function caBundleMessage(where: string, problem: string): string {
  return `cert-manager's webhook rejects ${where}.caBundle ("cert bundle didn't contain any valid certificates"): ${problem}. Write the CA certificate(s) in PEM, base64-encoded on one line (base64 -w0 < ca.crt).`;
}
