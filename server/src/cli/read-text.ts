// Reads a file the CLI checks as text: the bytes through read-file.ts, then the decoder, so every
// command reports an unreadable file and an unsupported encoding the same way.
import { decodeText, type DecodedText } from '../node/text-file';
import { readRegularFile, type FileIdentity } from './read-file';

export type TextRead = { ok: true; text: string; decoded: DecodedText; identity?: FileIdentity } | { ok: false; message: string };

/** Decoded bytes, or why they cannot be read as text (UTF-32, UTF-16 without a byte order mark). */
export function textOfBytes(bytes: Buffer): TextRead {
  const decoded = decodeText(bytes);
  if (decoded.unsupported) return { ok: false, message: decoded.unsupported };
  return { ok: true, text: decoded.text, decoded };
}

/** A regular file's text, or a message saying why it cannot be read. */
export function readTextFile(file: string): TextRead {
  const read = readRegularFile(file);
  if (!read.ok) return read;
  const text = textOfBytes(read.bytes);
  return text.ok ? { ...text, identity: read.identity } : text;
}
