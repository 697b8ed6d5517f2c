// Finds the YAML files under the paths given on the command line.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.cache', 'vendor']);
const YAML_RE = /\.ya?ml$/i;

export interface WalkResult {
  files: string[];
  /** Paths that could not be read, with the reason. */
  problems: { path: string; message: string }[];
}

export function collectFiles(paths: readonly string[]): WalkResult {
  const files: string[] = [];
  const problems: WalkResult['problems'] = [];
  const visit = (p: string, explicit: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      problems.push({ path: p, message: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message });
      return;
    }
    if (stat.isDirectory()) {
      // A linked folder met on the way is not entered (as in the editor's scan): a link like
      // `up -> ..` would have every file checked again at each level, until the path is too long.
      if (!explicit && (SKIP_DIRS.has(path.basename(p)) || isLink(p))) return;
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort();
      } catch (err) {
        problems.push({ path: p, message: (err as Error).message });
        return;
      }
      for (const e of entries) visit(path.join(p, e), false);
    } else if (explicit || YAML_RE.test(p)) {
      files.push(p);
    }
  };
  for (const p of paths) if (p !== '-') visit(p, true);
  return { files, problems };
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
