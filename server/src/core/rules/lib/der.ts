// A thin view over asn1js's BER reader: one complete DER element, its children, and the universal
// types the X.509 and PKCS#10 readers need, so those readers stay about structure, not the library.
import { fromBER, type BaseBlock } from 'asn1js';

export interface Der {
  /** 1 universal, 2 application, 3 context-specific, 4 private. */
  tagClass: number;
  tag: number;
  constructed: boolean;
  children: Der[];
  /** Content octets of a primitive element. */
  content: Uint8Array;
  /** The asn1js block, for type-specific reads (OIDs, bit strings). */
  block: BaseBlock;
}

export const SEQUENCE = 16;
export const SET = 17;
export const INTEGER = 2;
export const BIT_STRING = 3;
export const OCTET_STRING = 4;
export const OID = 6;
export const BOOLEAN = 1;

/**
 * The one element that `bytes` holds, or undefined when they hold a broken element or (unless
 * `trailing` allows it, as Go's asn1.Unmarshal does when its rest is ignored) bytes after it.
 */
export function readDer(bytes: Uint8Array, trailing = false): Der | undefined {
  if (bytes.length === 0) return undefined;
  const { offset, result } = fromBER(bytes);
  if (offset === -1 || (!trailing && offset !== bytes.length) || result.error !== '') return undefined;
  return view(result);
}

function view(block: BaseBlock): Der {
  const id = block.idBlock;
  const vb = block.valueBlock as { value?: unknown; valueHexView?: Uint8Array };
  const constructed = id.isConstructed;
  const children = constructed && Array.isArray(vb.value) ? (vb.value as BaseBlock[]).map(view) : [];
  const content = vb.valueHexView instanceof Uint8Array ? vb.valueHexView : new Uint8Array(0);
  return { tagClass: id.tagClass, tag: id.tagNumber, constructed, children, content, block };
}

/** A universal element of the given tag. */
export function isUniversal(node: Der | undefined, tag: number): node is Der {
  return node !== undefined && node.tagClass === 1 && node.tag === tag;
}

/** Dotted form of an OBJECT IDENTIFIER element, or undefined. */
export function oidOf(node: Der | undefined): string | undefined {
  if (!isUniversal(node, OID)) return undefined;
  const text = (node.block.valueBlock as { toString(): string }).toString();
  return /^\d+(\.\d+)+$/.test(text) ? text : undefined;
}

/** Go rejects a BIT STRING whose unused bits are out of range or not zero. */
export function bitPaddingOk(node: Der): boolean {
  const unused = (node.block.valueBlock as { unusedBits?: number }).unusedBits ?? 0;
  const bytes = node.content;
  if (unused > 7 || (bytes.length === 0 && unused > 0)) return false;
  return bytes.length === 0 || (bytes[bytes.length - 1] & ((1 << unused) - 1)) === 0;
}

/** Bit i of a BIT STRING, counted from the most significant bit of the first byte (Go's BitString.At). */
export function bitAt(node: Der, i: number): boolean {
  const unused = (node.block.valueBlock as { unusedBits?: number }).unusedBits ?? 0;
  const bytes = node.content;
  if (i >= bytes.length * 8 - unused) return false;
  return (bytes[i >> 3] & (0x80 >> (i & 7))) !== 0;
}
