// Decodes a manifest file's bytes the way editors do, for the CLI and the server's disk reads: a
// UTF-8 byte order mark is not part of the text (columns on the first line count from after it,
// as the editor shows them) but is remembered so a rewrite keeps it.

export interface DecodedText {
  text: string;
  bom: boolean;
  /**
   * False when bytes that are not UTF-8 were replaced while decoding: writing the text back would
   * change them, far from any fix.
   */
  exact: boolean;
}

export function decodeText(bytes: Buffer): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const text = body.toString('utf8');
  return { text, bom, exact: Buffer.from(text, 'utf8').equals(body) };
}

/** The bytes to write for a decoded file's new text. */
export function encodeText(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
