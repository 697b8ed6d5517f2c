// Finds the YAML (and JSON) files under the paths given on the command line. Paths are only stat'ed here,
// never opened: a FIFO, a device or a socket with a YAML name (or a link to one) is skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorMessage, specialKind } from './read-file';
// The editor's index skips the same folders: cross-file findings must not differ between CI and editor.
import { SKIPPED_FOLDERS } from '../core/workspace/scan-policy';

// JSON files found in folders are kept only when they turn out to be manifests (json-input.ts).
const MANIFEST_RE = /\.(ya?ml|json)$/i;

export interface WalkResult {
  files: string[];
  /** Paths that could not be read, with the reason. */
  problems: { path: string; message: string }[];
  /** Special files with a YAML name met inside folders, with what they are: noted, not errors. */
  skipped: { path: string; message: string }[];
}

export function collectFiles(paths: readonly string[]): WalkResult {
  const files: string[] = [];
  const problems: WalkResult['problems'] = [];
  const skipped: WalkResult['skipped'] = [];
  const visit = (p: string, explicit: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      problems.push({ path: p, message: errorMessage(err) });
      return;
    }
    if (stat.isDirectory()) {
      // A linked folder met on the way is not entered (as in the editor's scan): a link like
      // `up -> ..` would have every file checked again at each level, until the path is too long.
      if (!explicit && (SKIPPED_FOLDERS.has(path.basename(p)) || isLink(p))) return;
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort();
      } catch (err) {
        problems.push({ path: p, message: (err as Error).message });
        return;
      }
      for (const e of entries) visit(path.join(p, e), false);
    } else if (explicit || MANIFEST_RE.test(p)) {
      const kind = specialKind(stat);
      if (!kind) files.push(p);
      // Named on the command line, it was meant to be checked: not checking it is a failure.
      else if (explicit) problems.push({ path: p, message: `${kind}, not a regular file (use - to check standard input)` });
      else skipped.push({ path: p, message: `${kind}, not a regular file` });
    }
  };
  for (const p of paths) if (p !== '-') visit(p, true);
  return { files, problems, skipped };
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
