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

const BEGIN = '\n-----BEGIN ';
const END = '\n-----END ';
const DASHES = '-----';

/**
 * Go's pem getLine: the text up to the first \n (without a \r just before it), trailing spaces and tabs
 * trimmed, and what follows the \n.
 */
export function pemLine(data: string): [line: string, rest: string] {
  let i = data.indexOf('\n');
  let j = i + 1;
  if (i < 0) i = j = data.length;
  else if (i > 0 && data[i - 1] === '\r') i--;
  return [data.slice(0, i).replace(/[ \t]+$/, ''), data.slice(j)];
}

/**
 * Every PEM block, in order, as repeated calls of Go's pem.Decode find them (encoding/pem/pem.go, as
 * of Go 1.25.1; 1.25.2 and 1.24.8 look for the first END line and then the last BEGIN before it, which
 * finds the same blocks unless a header value itself holds "-----BEGIN ").
 */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (let found = decodeNext(text); found; found = decodeNext(found.rest)) blocks.push(found.block);
  return blocks;
}

/**
 * One step of Go's pem.Decode: a BEGIN line at the start or after a \n whose trimmed line ends in five
 * dashes, optional "Key: value" lines, a body, and an END line (after a \n, unless the block is empty and
 * has no headers) naming the same type with nothing but spaces or tabs after it; a candidate that fails
 * is skipped from just past its BEGIN line (and headers), as Go does.
 */
function decodeNext(data: string): { block: PemBlock; rest: string } | undefined {
  let rest = data;
  for (;;) {
    if (rest.startsWith(BEGIN.slice(1))) rest = rest.slice(BEGIN.length - 1);
    else {
      const at = rest.indexOf(BEGIN);
      if (at < 0) return undefined;
      rest = rest.slice(at + BEGIN.length);
    }
    let typeLine: string;
    [typeLine, rest] = pemLine(rest);
    if (!typeLine.endsWith(DASHES)) continue;
    const type = typeLine.slice(0, -DASHES.length);
    let headers = 0;
    for (;;) {
      if (rest.length === 0) return undefined;
      const [line, next] = pemLine(rest);
      if (!line.includes(':')) break;
      headers++;
      rest = next;
    }
    const emptyBlock = headers === 0 && rest.startsWith(END.slice(1));
    const endIndex = emptyBlock ? 0 : rest.indexOf(END);
    if (endIndex < 0) continue;
    const trailerAt = emptyBlock ? END.length - 1 : endIndex + END.length;
    const trailerLength = type.length + DASHES.length;
    const trailer = rest.slice(trailerAt, trailerAt + trailerLength);
    if (trailer.length < trailerLength || !trailer.startsWith(type) || !trailer.endsWith(DASHES)) continue;
    if (pemLine(rest.slice(trailerAt + trailerLength))[0] !== '') continue;
    const bytes = base64Bytes(rest.slice(0, endIndex).replace(/[ \t]+/g, ''));
    if (!bytes) continue;
    return { block: { type, hasHeaders: headers > 0, bytes }, rest: pemLine(rest.slice(endIndex + END.length - 1))[1] };
  }
}
