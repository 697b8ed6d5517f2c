// An RFC 4514 distinguished-name reader with the syntax cert-manager's literalSubject parser accepts
// (pkg/util/pki/internal/dn.go, after go-ldap's ParseDN), and cert-manager's attribute names.
import { readDer } from './der';

export interface Attribute {
  type: string;
  /** The unescaped text, or the bytes of a `#hex` value (a DER element, not a string). */
  value: string | Uint8Array;
}

/** Go's strconv.Atoi per dotted part, as cert-manager's pki.ParseObjectIdentifier reads a numeric type. */
export const NUMERIC_OID = /^[+-]?\d+(\.[+-]?\d+)*$/;

/** cert-manager's attributeTypeNames (pkg/util/pki/subject.go), matched case-sensitively. */
export const SUBJECT_ATTRIBUTES = ['C', 'O', 'OU', 'CN', 'SERIALNUMBER', 'L', 'ST', 'STREET', 'DC', 'UID'];

/** The RDNs of `text` in written order, or why cert-manager cannot parse it. */
export function parseDn(text: string): { rdns: Attribute[][] } | { error: string } {
  if (text.trim() === '') return { rdns: [] };
  const rdns: Attribute[][] = [];
  let rdn: Attribute[] = [];
  let type = '';
  let start = 0;
  let escaping = false;
  let pos = 0;
  const finish = (raw: string): string | undefined => {
    // Only a value whose very first character is '#' is hex; " #ab" is the text "#ab".
    const value = raw.startsWith('#') ? hexValue(raw) : unescapeValue(raw);
    if (typeof value === 'object' && 'error' in value) return value.error;
    rdn.push({ type, value: typeof value === 'string' ? value : value.bytes });
    type = '';
    return undefined;
  };
  for (const ch of text) {
    const at = pos;
    pos += ch.length;
    if (escaping) escaping = false;
    else if (ch === '\\') escaping = true;
    else if (ch === '=' && type === '') {
      const t = unescapeValue(text.slice(start, at));
      if (typeof t !== 'string') return t;
      type = t;
      start = pos;
    } else if (ch === ',' || ch === '+' || ch === ';') {
      if (type === '') return { error: 'an attribute has no "type=" before it' };
      const error = finish(text.slice(start, at));
      if (error) return { error };
      start = pos;
      if (ch !== '+') {
        rdns.push(rdn);
        rdn = [];
      }
    }
  }
  if (type === '') return { error: 'it ends with an attribute that has no "type="' };
  const error = finish(text.slice(start));
  if (error) return { error };
  rdns.push(rdn);
  return { rdns };
}

/** Trim spaces (keeping an escaped trailing one) and undo `\c` and `\XX` escapes. */
function unescapeValue(raw: string): string | { error: string } {
  let s = raw.trim();
  if (s.endsWith('\\') && raw.endsWith(' ')) s += ' ';
  // Percent-encoded UTF-8, decoded at the end: \XX escapes are bytes, and the core has no TextDecoder.
  let encoded = '';
  const cps = [...s];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c !== '\\') {
      encoded += encodeURIComponent(c);
      continue;
    }
    if (i + 1 >= cps.length) return { error: 'it ends with a lone "\\"' };
    if (' "#+,;<=>\\'.includes(cps[i + 1])) {
      encoded += encodeURIComponent(cps[++i]);
      continue;
    }
    const pair = (cps[i + 1] ?? '') + (cps[i + 2] ?? '');
    if (!/^[0-9A-Fa-f]{2}$/.test(pair)) return { error: `"\\${pair}" is neither an escaped special character nor two hex digits` };
    encoded += `%${pair}`;
    i += 2;
  }
  try {
    return decodeURIComponent(encoded);
  } catch {
    // Bytes that are not UTF-8: Go keeps them as they are; one code unit per byte is close enough here.
    return encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** A `#hex` value: hex digits spelling exactly one BER element. */
function hexValue(raw: string): { bytes: Uint8Array } | { error: string } {
  const hex = raw.slice(1);
  if (hex.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(hex)) return { error: `"${raw}" is not hex-encoded` };
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  if (!readDer(bytes)) return { error: `"${raw}" is not one complete ASN.1 element` };
  return { bytes };
}

/**
 * Whether an attribute type is the common name as cert-manager reads it: "CN", or a dotted OID equal to
 * 2.5.4.3 (pki.ParseObjectIdentifier reads each part with Atoi, so "2.5.4.03" is the same OID).
 */
export function isCommonNameType(type: string): boolean {
  if (type === 'CN') return true;
  if (!NUMERIC_OID.test(type)) return false;
  const parts = type.split('.').map(Number);
  return parts.length === 4 && parts[0] === 2 && parts[1] === 5 && parts[2] === 4 && parts[3] === 3;
}

/**
 * The common name cert-manager's webhook takes from a literalSubject (certificate.go, ValidateCertificateSpec),
 * or undefined when there is none or the string does not parse. pki.UnmarshalSubjectStringToRDNSequence
 * reverses the written RDN order (RFC 4514 writes the last RDN first) and the webhook keeps the last
 * common name it meets: so the first-written RDN that has one wins, and within it the last.
 */
export function literalCommonName(literal: string): string | undefined {
  const parsed = parseDn(literal);
  if (!('rdns' in parsed)) return undefined;
  let cn: string | undefined;
  for (const rdn of [...parsed.rdns].reverse())
    for (const attr of rdn) if (isCommonNameType(attr.type) && typeof attr.value === 'string') cn = attr.value;
  return cn;
}
