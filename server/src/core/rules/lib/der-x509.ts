// The X.509 certificate and PKCS#10 request structures (RFC 5280 4.1, RFC 2986 4) read from DER,
// as far as Go's x509.ParseCertificate and x509.ParseCertificateRequest insist on them.
import { BIT_STRING, BOOLEAN, INTEGER, OCTET_STRING, SEQUENCE, SET, isUniversal, oidOf, readDer, type Der } from './der';

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const UTC_TIME = 23;
const GENERALIZED_TIME = 24;

function isSeq(node: Der | undefined): node is Der {
  return isUniversal(node, SEQUENCE);
}

/** SubjectPublicKeyInfo: an algorithm identifier and a bit string. */
function isKeyInfo(node: Der | undefined): boolean {
  return isSeq(node) && node.children.length === 2 && isAlgorithm(node.children[0]) && isUniversal(node.children[1], BIT_STRING);
}

function isAlgorithm(node: Der | undefined): boolean {
  return isSeq(node) && node.children.length >= 1 && oidOf(node.children[0]) !== undefined;
}

/** Outer SIGNED{...} shape shared by certificates and requests: body, algorithm, signature. */
function signedBody(der: Uint8Array): Der | undefined {
  const top = readDer(der);
  if (!isSeq(top) || top.children.length !== 3) return undefined;
  const [body, alg, sig] = top.children;
  return isSeq(body) && isAlgorithm(alg) && isUniversal(sig, BIT_STRING) ? body : undefined;
}

/** Why `der` is not an X.509 certificate, or undefined when its structure reads as one. */
export function certificateProblem(der: Uint8Array): string | undefined {
  const tbs = signedBody(der);
  if (!tbs) return 'not a signed certificate structure';
  const parts = [...tbs.children];
  if (parts[0]?.tagClass === 3 && parts[0].tag === 0) parts.shift(); // [0] version
  const [serial, alg, issuer, validity, subject, keyInfo] = parts;
  if (!isUniversal(serial, INTEGER)) return 'no serial number';
  if (!isAlgorithm(alg) || !isSeq(issuer) || !isSeq(subject)) return 'no signature algorithm, issuer or subject';
  const times = isSeq(validity) ? validity.children : [];
  if (times.length !== 2 || !times.every((t) => isUniversal(t, UTC_TIME) || isUniversal(t, GENERALIZED_TIME))) return 'no validity period';
  if (!isKeyInfo(keyInfo)) return 'no public key';
  return undefined;
}

export interface RequestedExtension {
  oid: string;
  value: Uint8Array;
}

/** The extensions a PKCS#10 request asks for, or the reason it does not read as a request. */
export function parseCsr(der: Uint8Array): { extensions: RequestedExtension[] } | { problem: string } {
  const info = signedBody(der);
  if (!info) return { problem: 'the DER is not a signed certificate request' };
  const [version, subject, keyInfo, attributes] = info.children;
  if (!isUniversal(version, INTEGER) || !isSeq(subject) || !isKeyInfo(keyInfo))
    return { problem: 'the request has no version, subject or public key' };
  if (!attributes || attributes.tagClass !== 3 || attributes.tag !== 0 || info.children.length !== 4)
    return { problem: 'the request has no attributes block' };
  const extensions: RequestedExtension[] = [];
  for (const attr of attributes.children) {
    // Go skips attributes that do not read; only extensionRequest values must parse.
    const [id, values] = attr.children;
    if (!isSeq(attr) || attr.children.length !== 2 || oidOf(id) !== EXTENSION_REQUEST || !isUniversal(values, SET)) continue;
    const list = values.children[0];
    if (!isSeq(list)) return { problem: 'its extensionRequest attribute is not a list of extensions' };
    for (const ext of list.children) {
      const read = extension(ext);
      if (!read) return { problem: 'an extension in the request does not read' };
      if (extensions.some((e) => e.oid === read.oid)) return { problem: `the request asks for extension ${read.oid} twice` };
      extensions.push(read);
    }
  }
  return { extensions };
}

function extension(node: Der): RequestedExtension | undefined {
  if (!isSeq(node)) return undefined;
  const [id, second, third] = node.children;
  const oid = oidOf(id);
  const value = isUniversal(second, BOOLEAN) ? third : second;
  const count = isUniversal(second, BOOLEAN) ? 3 : 2;
  if (!oid || node.children.length !== count || !isUniversal(value, OCTET_STRING)) return undefined;
  return { oid, value: value.content };
}
