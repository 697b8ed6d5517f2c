// CIDR containment for ipBlocks, remoteIpBlocks and the IP conditions: Istio accepts an address
// or a prefix (util.AddrStrToCidrRange); validity follows Go's parsers in ../ip-address.ts.
import { isCidr, isNetipAddr } from '../ip-address';

/** An address as 4 or 16 bytes. */
function toBytes(text: string): number[] | undefined {
  const addr = text.split('%')[0];
  if (!addr.includes(':')) return addr.split('.').map(Number);
  let body = addr;
  const tailStart = body.lastIndexOf(':') + 1;
  const tail = body.slice(tailStart);
  const extra: number[] = [];
  if (tail.includes('.')) {
    extra.push(...tail.split('.').map(Number));
    body = body.slice(0, tailStart) + '0:0';
  }
  const [left, right] = body.includes('::') ? body.split('::') : [body, undefined];
  const l = left === '' ? [] : left.split(':');
  const r = right === undefined || right === '' ? [] : right.split(':');
  const groups = right === undefined ? l : [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r];
  const bytes = groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 255];
  });
  if (extra.length) bytes.splice(12, 4, ...extra);
  return bytes.length === 16 ? bytes : undefined;
}

export interface Cidr {
  bytes: number[];
  bits: number;
}

/** Undefined when Istio would reject the value (the rule or value is then dropped, see rule evaluation). */
export function parseCidr(value: string): Cidr | undefined {
  if (value.includes('/')) {
    if (!isCidr(value)) return undefined;
    const slash = value.lastIndexOf('/');
    const bytes = toBytes(value.slice(0, slash));
    return bytes && { bytes, bits: Number(value.slice(slash + 1)) };
  }
  if (!isNetipAddr(value)) return undefined;
  const bytes = toBytes(value);
  return bytes && { bytes, bits: bytes.length * 8 };
}

/** Whether the address lies in the range; an address of the other family never does. */
export function cidrContains(range: Cidr, address: string): boolean | undefined {
  const a = parseCidr(address);
  if (!a || a.bits !== a.bytes.length * 8) return undefined;
  if (a.bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((a.bytes[byte] & mask) !== (range.bytes[byte] & mask)) return false;
  }
  return true;
}
