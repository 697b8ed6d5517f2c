// Base64 and PEM decoding as Go's encoding/base64 and encoding/pem read them, without Node's Buffer
// (the core does no Node I/O): the bytes that cert-manager's webhook sees in CSRs and CA bundles.
import { BASE64_ALPHABET, base64Digits } from '../../base64';

/** Standard padded base64 (line breaks ignored, as Go's decoder does), or undefined when it is not. */
export function base64Bytes(text: string): Uint8Array | undefined {
  const compact = text.replace(/[\r\n]+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return base64Digits(compact.replace(/=+$/, ''), BASE64_ALPHABET);
}

/** Bytes to text one byte per code unit (latin1), enough to find PEM armour in them. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

export interface PemBlock {
  type: string;
  /** RFC 1421 headers ("Proc-Type: ...") were present; Go's cert pool skips such blocks. */
  hasHeaders: boolean;
  bytes: Uint8Array;
}

/** Every PEM block whose body decodes, in order, as repeated calls of Go's pem.Decode find them. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const re = /-----BEGIN ([^\r\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lines = m[2].split(/\r?\n/);
    const headerEnd = lines.findIndex((l) => !l.includes(':'));
    const hasHeaders = headerEnd > 0;
    const body = (hasHeaders ? lines.slice(headerEnd) : lines).join('').replace(/[ \t]+/g, '');
    const bytes = base64Bytes(body);
    if (bytes) blocks.push({ type: m[1], hasHeaders, bytes });
  }
  return blocks;
}
