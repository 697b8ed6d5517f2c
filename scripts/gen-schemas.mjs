// Writes schemas/**/*.json and schemas/index.json from the hand-written sources in scripts/schema-src/.
// Run: node scripts/gen-schemas.mjs   (the output is committed; review the diff like code; a test checks it is current)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemaFiles } from './schema-src/build.mjs';

const schemasDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
const files = buildSchemaFiles();
for (const [rel, content] of Object.entries(files)) {
  const out = path.join(schemasDir, rel);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(content, null, 2) + '\n');
}
console.log(`wrote ${Object.keys(files).length} files to ${schemasDir}`);
