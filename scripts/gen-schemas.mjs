// Writes schemas/**/*.json and schemas/index.json from the hand-written sources in scripts/schema-src/.
// Run: node scripts/gen-schemas.mjs   (the output is committed; review the diff like code)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './schema-src/dsl.mjs';
import { commonFiles } from './schema-src/common.mjs';
import { securityDefs, securityKinds } from './schema-src/security-istio.mjs';
import { networkingDefs, networkingKinds } from './schema-src/networking-istio.mjs';
import { certManagerDefs, certManagerKinds } from './schema-src/cert-manager.mjs';
import { acmeDefs, acmeKinds } from './schema-src/acme.mjs';
import { telemetryDefs, extensionsDefs, telemetryExtensionsKinds } from './schema-src/telemetry-extensions.mjs';
import { trustDefs, trustKinds } from './schema-src/trust.mjs';

const schemasDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');

const files = {
  ...commonFiles,
  'security.istio.io/defs.json': securityDefs,
  'networking.istio.io/defs.json': networkingDefs,
  'cert-manager.io/defs.json': certManagerDefs,
  'acme.cert-manager.io/defs.json': acmeDefs,
  'telemetry.istio.io/defs.json': telemetryDefs,
  'extensions.istio.io/defs.json': extensionsDefs,
  'trust.cert-manager.io/defs.json': trustDefs,
};

const kinds = [...securityKinds, ...networkingKinds, ...telemetryExtensionsKinds, ...certManagerKinds, ...acmeKinds, ...trustKinds];
const index = [];
for (const k of kinds) {
  const file = `${k.group}/${k.version}/${k.kind}.json`;
  files[file] = root(k);
  index.push({ group: k.group, version: k.version, kind: k.kind, id: `meshlint:${k.group}/${k.version}/${k.kind}`, current: k.current, file });
}
index.sort((a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind) || a.version.localeCompare(b.version));
files['index.json'] = {
  description: 'Every kind and served version meshlint has a schema for. current: false marks a deprecated version of a kind that has a newer one.',
  kinds: index,
};

for (const [rel, content] of Object.entries(files)) {
  const out = path.join(schemasDir, rel);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(content, null, 2) + '\n');
}
console.log(`wrote ${Object.keys(files).length} files to ${schemasDir}`);
