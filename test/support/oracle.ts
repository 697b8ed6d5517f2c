// Loads the upstream-derived validators of @kubernetes-models/istio and @kubernetes-models/cert-manager
// (ES modules, so through dynamic import) to use as an oracle in the conformance test only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_DIR } from './engine';

export interface OracleError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

export type OracleValidate = ((data: unknown) => boolean) & { errors?: OracleError[] | null };

const pascal = (s: string): string =>
  s
    .split(/[.-]/)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');

/** Module file of one kind's validator inside node_modules/@kubernetes-models. */
function oracleFile(group: string, version: string, kind: string): string {
  const v = pascal(version);
  if (group.endsWith('istio.io')) return path.join('istio', '_schemas', `${pascal(group)}${v}${kind}.js`);
  const pkg: Record<string, string> = {
    'cert-manager.io': 'CertManagerPkgApisCertmanager',
    'acme.cert-manager.io': 'CertManagerPkgApisAcme',
    'trust.cert-manager.io': 'TrustManagerPkgApisTrust',
  };
  return path.join('cert-manager', '_schemas', `ComGithubCertManager${pkg[group] ?? 'Unknown'}${v}${kind}.js`);
}

const cache = new Map<string, OracleValidate | null>();

/** The oracle's validator for a kind, or null when upstream serves no such kind and version. */
export async function loadOracle(group: string, version: string, kind: string): Promise<OracleValidate | null> {
  const key = `${group}/${version}/${kind}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const file = path.join(PACKAGE_DIR, 'node_modules', '@kubernetes-models', oracleFile(group, version, kind));
  let validate: OracleValidate | null = null;
  if (fs.existsSync(file)) {
    // A real dynamic import: module node16 keeps import() as is in CommonJS output.
    const mod = (await import(pathToFileURL(file).href)) as { validate: OracleValidate };
    validate = mod.validate;
  }
  cache.set(key, validate);
  return validate;
}
