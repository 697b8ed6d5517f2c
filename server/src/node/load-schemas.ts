// Reads the JSON Schemas shipped in schemas/ (the core itself does no I/O).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SchemaBundle, SchemaKind } from '../core/schema';

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

export function loadSchemas(packageDir: string = findPackageDir()): SchemaBundle {
  const root = path.join(packageDir, 'schemas');
  const index = JSON.parse(fs.readFileSync(path.join(root, 'index.json'), 'utf8')) as { kinds: (SchemaKind & { file?: string })[] };
  const documents: object[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json') && full !== path.join(root, 'index.json'))
        documents.push(JSON.parse(fs.readFileSync(full, 'utf8')) as object);
    }
  };
  walk(root);
  return { kinds: index.kinds.map(({ group, version, kind, id, current }) => ({ group, version, kind, id, current })), documents };
}

/** The Istio and cert-manager releases the built-in schemas track, as recorded in schemas/index.json by the generator. */
export function loadUpstreamReleases(packageDir: string = findPackageDir()): { istio: string; certManager: string } {
  const text = fs.readFileSync(path.join(packageDir, 'schemas', 'index.json'), 'utf8');
  return (JSON.parse(text) as { upstream: { istio: string; certManager: string } }).upstream;
}
