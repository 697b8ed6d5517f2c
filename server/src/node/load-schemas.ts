// Reads the JSON Schemas shipped in schemas/ (the core itself does no I/O).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SchemaBundle, SchemaKind } from '../core/schema';
import { VALIDATORS_DIR, withPrecompiled } from './precompiled-validators';

/** The schemas/ folder beside the installed package, found by walking up from this file. */
export function findPackageDir(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'schemas', 'index.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`meshlint: cannot find schemas/index.json above ${from}`);
}

/** The built-in schemas, with the validators the build precompiled from them when there are any. */
export function loadSchemas(packageDir: string = findPackageDir()): SchemaBundle {
  const { bundle, digest } = readSchemaFiles(packageDir);
  return withPrecompiled(bundle, digest, path.join(packageDir, VALIDATORS_DIR));
}

/** The schema files, and a digest of them all (names and bytes), which tells whether precompiled validators are theirs. */
export function readSchemaFiles(packageDir: string): { bundle: SchemaBundle; digest: string } {
  const root = path.join(packageDir, 'schemas');
  const indexText = fs.readFileSync(path.join(root, 'index.json'), 'utf8');
  const index = JSON.parse(indexText) as { kinds: (SchemaKind & { file?: string })[] };
  const documents: object[] = [];
  const files: [string, string][] = [['index.json', indexText]];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json') && full !== path.join(root, 'index.json')) {
        const text = fs.readFileSync(full, 'utf8');
        files.push([path.relative(root, full).split(path.sep).join('/'), text]);
        documents.push(JSON.parse(text) as object);
      }
    }
  };
  walk(root);
  const hash = crypto.createHash('sha256');
  for (const [name, text] of files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) hash.update(`${name}\0${text}\0`);
  const kinds = index.kinds.map(({ group, version, kind, id, current }) => ({ group, version, kind, id, current }));
  return { bundle: { kinds, documents }, digest: hash.digest('hex') };
}

/** The Istio and cert-manager releases the built-in schemas track, as recorded in schemas/index.json by the generator. */
export function loadUpstreamReleases(packageDir: string = findPackageDir()): { istio: string; certManager: string } {
  const text = fs.readFileSync(path.join(packageDir, 'schemas', 'index.json'), 'utf8');
  return (JSON.parse(text) as { upstream: { istio: string; certManager: string } }).upstream;
}
