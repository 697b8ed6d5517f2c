// Decodes a manifest file's bytes the way kubectl's YAML reader does, for the CLI and the server's
// disk reads. go-yaml (behind sigs.k8s.io/yaml) picks the encoding from a byte order mark: UTF-8,
// UTF-16LE or UTF-16BE; anything else is read as UTF-8, so UTF-32 and UTF-16 without a mark fail
// there. We decode what kubectl decodes and name what it cannot read instead of checking garbage.
// A byte order mark is not part of the text (columns on the first line count from after it, as
// the editor shows them) but is remembered so a rewrite keeps it.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  bom: boolean;
  encoding: TextEncoding;
  /**
   * False when bytes that are not valid in the encoding were replaced while decoding: writing the
   * text back would change them, far from any fix.
   */
  exact: boolean;
  /** Set when kubectl could not read the file either; `text` is then empty and must not be checked. */
  unsupported?: string;
}

/**
 * The largest file read in full (every CLI input, the editor's named CRD files): 16 MiB.
 * Checking takes about 80 bytes of memory per byte of YAML (8 MiB peaked at 640 MB), so this stays within Node's default heap even on a small CI runner, while the largest manifests in
 * real use (an operator's whole CRD bundle, a chart rendered in full) are a few MiB at most; a
 * single Kubernetes object cannot exceed about 1.5 MiB anyway.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const UNSUPPORTED_HINT = 'kubectl reads UTF-8, and UTF-16 with a byte order mark; save the file as UTF-8';

export function decodeText(bytes: Buffer): DecodedText {
  const unsupported = unsupportedEncoding(bytes);
  if (unsupported) return { text: '', bom: false, encoding: 'utf-8', exact: false, unsupported: `${unsupported} (${UNSUPPORTED_HINT})` };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const text = body.toString('utf8');
  return { text, bom, encoding: 'utf-8', exact: Buffer.from(text, 'utf8').equals(body) };
}

/** The bytes to write for a decoded file's new text, in the encoding it was read in. */
export function encodeText(text: string, bom: boolean, encoding: TextEncoding = 'utf-8'): Buffer {
  if (encoding !== 'utf-8') {
    const le = Buffer.from(text, 'utf16le');
    const body = encoding === 'utf-16be' ? swapBytes(le) : le;
    return Buffer.concat([Buffer.from(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
  }
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** UTF-32 (with or without a mark) and UTF-16 without one: NUL bytes in the first character give them away. */
function unsupportedEncoding(b: Buffer): string | undefined {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32LE text';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE text';
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'UTF-32LE text without a byte order mark';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return 'UTF-32BE text without a byte order mark';
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return 'UTF-16LE text without a byte order mark';
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return 'UTF-16BE text without a byte order mark';
  return undefined;
}

function decodeUtf16(body: Buffer, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  // An odd trailing byte cannot be a character; it is dropped and the file marked inexact.
  const even = body.subarray(0, body.length - (body.length % 2));
  const le = encoding === 'utf-16be' ? swapBytes(even) : even;
  const text = new TextDecoder('utf-16le').decode(le);
  const exact = even.length === body.length && encodeText(text, true, encoding).subarray(2).equals(body);
  return { text, bom: true, encoding, exact };
}

function swapBytes(b: Buffer): Buffer {
  const out = Buffer.from(b);
  return out.swap16();
}
