// Builds every file of schemas/ in memory (relative path -> JSON) from the hand-written sources beside it.
import { root } from './dsl.mjs';
import { commonFiles } from './common.mjs';
import { securityDefs, securityKinds } from './security-istio.mjs';
import { networkingDefs, networkingKinds } from './networking-istio.mjs';
import { certManagerDefs, certManagerKinds } from './cert-manager.mjs';
import { acmeDefs, acmeKinds } from './acme.mjs';
import { telemetryDefs, extensionsDefs, telemetryExtensionsKinds } from './telemetry-extensions.mjs';
import { trustDefs, trustKinds } from './trust.mjs';

/** The tracked upstream releases: recorded in schemas/index.json and printed by meshlint --version. */
export const upstreamReleases = { istio: '1.30.3', certManager: '1.21.1' };

export function buildSchemaFiles() {
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
    index.push({
      group: k.group,
      version: k.version,
      kind: k.kind,
      id: `meshlint:${k.group}/${k.version}/${k.kind}`,
      current: k.current,
      file,
    });
  }
  index.sort((a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind) || a.version.localeCompare(b.version));
  files['index.json'] = {
    description:
      'Every kind and served version meshlint has a schema for. current: false marks a deprecated version of a kind that has a newer one.',
    upstream: upstreamReleases,
    kinds: index,
  };
  return files;
}
