// Writes a set of files into a fresh temporary folder, creating subfolders as the names need them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** `files` maps a relative path (`manifests/deny.yaml`) to its text; returns the new folder. */
export function writeTempWorkspace(files: Record<string, string>, prefix = 'meshlint-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
