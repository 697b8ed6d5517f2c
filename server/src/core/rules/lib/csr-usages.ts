// The key usages a CSR asks for, named as cert-manager names them, and the comparison its webhook
// makes with CertificateRequest spec.usages (certificaterequest.go getCSRKeyUsage, isUsageEqual).
import { BIT_STRING, OID, SEQUENCE, bitPaddingOk, bitAt, isUniversal, oidOf, readDer } from './der';
import type { RequestedExtension } from './der-x509';

const KEY_USAGE = '2.5.29.15';
const EXT_KEY_USAGE = '2.5.29.37';

/** x509.KeyUsage bits 0..8 in order, by cert-manager's name for each (pkg/api/util keyUsageString). */
const KEY_USAGE_BITS = [
  'digital signature',
  'content commitment',
  'key encipherment',
  'data encipherment',
  'key agreement',
  'cert sign',
  'crl sign',
  'encipher only',
  'decipher only',
];

/** OIDs Go's x509 knows as extended key usages, by cert-manager's name ('unknown' where it has none). */
const EXT_KEY_USAGE_NAMES: Record<string, string> = {
  '2.5.29.37.0': 'any',
  '1.3.6.1.5.5.7.3.1': 'server auth',
  '1.3.6.1.5.5.7.3.2': 'client auth',
  '1.3.6.1.5.5.7.3.3': 'code signing',
  '1.3.6.1.5.5.7.3.4': 'email protection',
  '1.3.6.1.5.5.7.3.5': 'ipsec end system',
  '1.3.6.1.5.5.7.3.6': 'ipsec tunnel',
  '1.3.6.1.5.5.7.3.7': 'ipsec user',
  '1.3.6.1.5.5.7.3.8': 'timestamping',
  '1.3.6.1.5.5.7.3.9': 'ocsp signing',
  '1.3.6.1.4.1.311.10.3.3': 'microsoft sgc',
  '2.16.840.1.113730.4.1': 'netscape sgc',
  '1.3.6.1.4.1.311.2.1.22': 'unknown',
  '1.3.6.1.4.1.311.61.1.1': 'unknown',
};

export const DEFAULT_USAGES = ['digital signature', 'key encipherment'];

/** The usages the CSR's keyUsage and extKeyUsage extensions ask for, or why they do not read. */
export function csrUsages(extensions: readonly RequestedExtension[]): { usages: string[] } | { problem: string } {
  const keyUsages: string[] = [];
  const extUsages: string[] = [];
  for (const ext of extensions) {
    if (ext.oid === EXT_KEY_USAGE) {
      const list = readDer(ext.value, true);
      if (!isUniversal(list, SEQUENCE) || !list.children.every((c) => isUniversal(c, OID) && oidOf(c) !== undefined))
        return { problem: 'its extKeyUsage extension is not a list of OIDs' };
      for (const c of list.children) {
        const name = EXT_KEY_USAGE_NAMES[oidOf(c) ?? ''];
        if (name) extUsages.push(name);
      }
    } else if (ext.oid === KEY_USAGE) {
      const bits = readDer(ext.value, true);
      if (!isUniversal(bits, BIT_STRING) || !bitPaddingOk(bits)) return { problem: 'its keyUsage extension is not a bit string' };
      keyUsages.length = 0; // a later keyUsage replaces an earlier one, as upstream's loop does
      KEY_USAGE_BITS.forEach((name, i) => {
        if (bitAt(bits, i)) keyUsages.push(name);
      });
    }
  }
  return { usages: [...keyUsages, ...extUsages] };
}

/** "signing" and "digital signature" are one X.509 bit: upstream folds them before comparing. */
function folded(usages: readonly string[]): string[] {
  const out: string[] = [];
  let signing = false;
  for (const u of usages) {
    if (u === 'signing' || u === 'digital signature') {
      if (!signing) out.push('digital signature');
      signing = true;
    } else out.push(u);
  }
  return out.sort();
}

/** Same usages, ignoring order (a multiset comparison, as util.EqualUnsorted). */
export function sameUsages(a: readonly string[], b: readonly string[]): boolean {
  const x = folded(a);
  const y = folded(b);
  return x.length === y.length && x.every((u, i) => u === y[i]);
}
