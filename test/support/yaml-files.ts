// Lists the YAML files below a folder, at any depth, in the order the file system gives them.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Paths of every `.yaml`/`.yml` file under `dir`; none when `dir` does not exist. */
export function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}
