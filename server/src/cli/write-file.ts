// Writes a file that --fix changed, and nothing else: never through a symbolic link, never to a
// special file, never outside the paths given on the command line, never to a name that no longer
// holds the file that was read. The new text goes to a temporary file beside the old one, which is
// then renamed over it: an interrupted run leaves the old text or the new, and the rename replaces
// the name itself, so even a link swapped in at the last moment is replaced, not followed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { errorMessage, specialKind, type FileIdentity } from './read-file';

/**
 * Writes `bytes` to `file`, which was read as `identity`; `roots` are the paths given on the
 * command line. Returns why nothing was written, or undefined on success.
 */
export function writeFixedFile(file: string, bytes: Buffer, identity: FileIdentity, roots: readonly string[]): string | undefined {
  const old = check(file, identity, roots);
  if (typeof old === 'string') return old;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.meshlint-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    // `wx` creates a new name only: an existing file or link of that name is an error, not a target.
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, bytes);
      keepOwnerAndMode(fd, old);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // The last look, right before the rename: the name must still be the file that was read.
    const late = check(file, identity, roots);
    if (typeof late === 'string') {
      fs.unlinkSync(tmp);
      return late;
    }
    fs.renameSync(tmp, file);
    return undefined;
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // Not created, or already renamed.
    }
    return errorMessage(e);
  }
}

/** The new file takes the old one's permissions, and its owner where the system allows it. */
function keepOwnerAndMode(fd: number, old: fs.Stats): void {
  try {
    fs.fchownSync(fd, old.uid, old.gid);
  } catch {
    // Only root may give a file to someone else; the fixed file is then owned by whoever ran --fix.
  }
  fs.fchmodSync(fd, old.mode & 0o7777);
}

/** The file's own stats (not a link's target) when it may be replaced, else why not. */
function check(file: string, identity: FileIdentity, roots: readonly string[]): fs.Stats | string {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    return errorMessage(e);
  }
  if (st.isSymbolicLink()) return 'a symbolic link; --fix does not write through links, so its fixes were not written';
  const kind = specialKind(st);
  if (kind) return `${kind}, not a regular file; its fixes were not written`;
  if (st.dev !== identity.dev || st.ino !== identity.ino) return 'replaced since it was read; its fixes were not written';
  if (!insideRoots(file, roots)) return 'outside the paths given to meshlint; its fixes were not written';
  return st;
}

/** Whether the file's real location (links in its folders resolved) is inside one of the roots. */
function insideRoots(file: string, roots: readonly string[]): boolean {
  let real: string;
  try {
    real = path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return false;
  }
  return roots.some((root) => {
    if (root === '-') return false;
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(root);
    } catch {
      return false;
    }
    const rel = path.relative(realRoot, real);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
  });
}
