// Reads what the CLI checks without being trapped by it: only regular files are opened (a FIFO
// blocks forever, /dev/zero never ends), and nothing over a size limit is read (parsing a huge
// file exhausts the heap and aborts the process), standard input included.
import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import { MAX_FILE_BYTES } from '../node/text-file';

// The limit lives with the decoder: the editor's reads of named CRD files use it too.
export { MAX_FILE_BYTES };

/** Which file was read, so a later write can tell that the name still points at it. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export type ReadResult = { ok: true; bytes: Buffer; identity: FileIdentity } | { ok: false; message: string };

/** What a path is when it is not a regular file, for messages; undefined for a regular file. */
export function specialKind(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

export function tooLargeMessage(size: number | undefined, limit: number = MAX_FILE_BYTES): string {
  // Rounded up, so a file just over the limit never reads as equal to it.
  const over = size === undefined ? 'more than' : `${amount(size, Math.ceil)}, over`;
  return `${over} the limit of ${amount(limit, Math.floor)} for one file; split it into smaller files`;
}

export function errorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

export function readRegularFile(file: string, limit: number = MAX_FILE_BYTES): ReadResult {
  let before: fs.Stats;
  try {
    before = fs.statSync(file);
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
  const kind = specialKind(before);
  if (kind) return { ok: false, message: `${kind}, not a regular file` };
  if (before.size > limit) return { ok: false, message: tooLargeMessage(before.size, limit) };
  let fd: number;
  try {
    // Non-blocking, in case the name became a FIFO since the stat: opening one would wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.dev !== before.dev || st.ino !== before.ino) return { ok: false, message: 'replaced while being read' };
    const bytes = readUpTo(fd, limit, st.size);
    if (!bytes) return { ok: false, message: tooLargeMessage(undefined, limit) };
    return { ok: true, bytes, identity: { dev: st.dev, ino: st.ino } };
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's bytes, or undefined when it holds more than `limit` (it may have grown since its stat). */
function readUpTo(fd: number, limit: number, sizeHint: number): Buffer | undefined {
  let buf = Buffer.allocUnsafe(Math.min(sizeHint, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > limit) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = fs.readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) return buf.subarray(0, length);
    length += n;
  }
}

/** A stream's bytes up to `limit`; beyond it reading stops (the writer sees a closed pipe). */
export function readStreamUpTo(
  stream: Readable,
  limit: number = MAX_FILE_BYTES,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (c: Buffer): void => {
      length += c.length;
      if (length > limit) {
        stream.off('data', onData);
        stream.destroy();
        resolve({ ok: false, message: tooLargeMessage(undefined, limit) });
        return;
      }
      chunks.push(c);
    };
    stream.on('data', onData);
    stream.on('end', () => resolve({ ok: true, bytes: Buffer.concat(chunks) }));
    stream.on('error', (e) => resolve({ ok: false, message: errorMessage(e) }));
  });
}

function amount(bytes: number, round: (x: number) => number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  const tenths = round((bytes / (1024 * 1024)) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MiB`;
}
