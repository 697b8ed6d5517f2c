// Drift guards for the built-in schemas: generated output is current, the self-check passes, and no field known to
// the @kubernetes-models packages or to the upstream CRDs in ../shared/upstream is missing from ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_DIR, analyze } from '../support/engine';
import { modelFile, modelSpecPaths } from '../support/model-fields';
import { yamlFilesUnder } from '../support/yaml-files';
import { runCli } from '../support/run-cli';

type Json = Record<string, unknown>;
interface IndexEntry {
  group: string;
  version: string;
  kind: string;
}
interface Ours {
  byId: Map<string, Json>;
  index: IndexEntry[];
}
interface Difference {
  kind: string;
  path: string;
  what: string;
}
interface AuditModule {
  defaultUpstreamDir: string;
  loadCrds: (dir: string) => unknown[];
  loadOurs: (files: Record<string, Json>) => Ours;
  readSchemaDir: (dir: string) => Record<string, Json>;
  audit: (
    crds: unknown[],
    ours: Ours,
  ) => { differences: Difference[]; missingKinds: string[]; extraKinds: string[]; checked: string[]; unusedAllowances: Json[] };
  ourSpecPaths: (ours: Ours, key: string) => { has: (p: string) => boolean };
}

const SCHEMAS = path.join(PACKAGE_DIR, 'schemas');
const importScript = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(path.join(PACKAGE_DIR, rel)).href)) as T;
const auditModule = (): Promise<AuditModule> => importScript<AuditModule>('scripts/audit-schemas.mjs');

test('schemas/ is exactly what scripts/gen-schemas.mjs writes', async () => {
  const { buildSchemaFiles } = await importScript<{ buildSchemaFiles: () => Record<string, Json> }>('scripts/schema-src/build.mjs');
  const generated = buildSchemaFiles();
  const { readSchemaDir } = await auditModule();
  const onDisk = Object.keys(readSchemaDir(SCHEMAS)).sort();
  assert.deepEqual(
    onDisk,
    Object.keys(generated).sort(),
    'schemas/ holds other files than the generator writes: run node scripts/gen-schemas.mjs',
  );
  const stale = Object.entries(generated)
    .filter(([rel, content]) => fs.readFileSync(path.join(SCHEMAS, rel), 'utf8') !== JSON.stringify(content, null, 2) + '\n')
    .map(([rel]) => rel);
  assert.deepEqual(
    stale,
    [],
    `schemas/ differs from scripts/schema-src (edited by hand, or not regenerated): run node scripts/gen-schemas.mjs`,
  );
});

test('scripts/check-schemas.mjs passes (strict compile, index, fixtures, verdicts against the oracle)', () => {
  const run = spawnSync(process.execPath, [path.join(PACKAGE_DIR, 'scripts', 'check-schemas.mjs')], { cwd: PACKAGE_DIR, encoding: 'utf8' });
  const report = run.stdout
    .split('\n')
    .filter((l) => /^(DISAGREE|PROBLEM| {2}ours| {2}oracle)|disagreements/.test(l))
    .join('\n');
  assert.equal(run.status, 0, `check-schemas failed:\n${report}\n${run.stderr}`);
  assert.match(run.stdout, /0 unexpected disagreements, 0 problems/);
});

test('every spec field the @kubernetes-models packages know is in our schema (a floor: they lag upstream)', async () => {
  const { loadOurs, readSchemaDir, ourSpecPaths } = await auditModule();
  const ours = loadOurs(readSchemaDir(SCHEMAS));
  const kinds = ours.index.flatMap((e) => {
    const file = modelFile(e.group, e.version, e.kind);
    return file ? [{ file, kind: e.kind, key: `${e.group}/${e.version}/${e.kind}` }] : [];
  });
  assert.ok(kinds.length >= 35, `only ${kinds.length} kinds found in the model packages`);
  const paths = modelSpecPaths(kinds);
  const missing: string[] = [];
  let fields = 0;
  for (const k of kinds) {
    const covered = ourSpecPaths(ours, k.key);
    for (const p of paths.get(k.file) ?? []) {
      fields++;
      if (!covered.has(p)) missing.push(`${k.key} ${p}`);
    }
  }
  assert.ok(fields > 2000, `only ${fields} model fields read: the declaration walk is broken`);
  assert.deepEqual(missing, [], `fields known to @kubernetes-models but missing from schemas/:\n${missing.join('\n')}`);
});

test('every field and constraint of the upstream CRDs in ../shared/upstream matches our schema', async (t) => {
  const mod = await auditModule();
  if (!fs.existsSync(mod.defaultUpstreamDir)) {
    t.skip(`no upstream CRDs at ${mod.defaultUpstreamDir} (CI has ../shared beside the checkout; MESHLINT_UPSTREAM_DIR overrides)`);
    return;
  }
  // The CRD files are named for their release: they must be the releases schemas/index.json claims to track.
  const { upstream } = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'index.json'), 'utf8')) as { upstream: Record<string, string> };
  const files = fs.readdirSync(mod.defaultUpstreamDir);
  for (const name of [`istio-${upstream.istio}-crds.yaml`, `cert-manager-${upstream.certManager}-crds.yaml`]) {
    assert.ok(
      files.includes(name),
      `schemas/index.json names a release whose CRDs are not in ${mod.defaultUpstreamDir}: ${name} (has ${files.join(', ')})`,
    );
  }
  const crds = mod.loadCrds(mod.defaultUpstreamDir);
  assert.ok(crds.length >= 20, `only ${crds.length} CRDs in ${mod.defaultUpstreamDir}`);
  const result = mod.audit(crds, mod.loadOurs(mod.readSchemaDir(SCHEMAS)));
  const lines = [
    ...result.differences.map((d) => `${d.kind} ${d.path || '(root)'}: ${d.what}`),
    ...result.missingKinds.map((k) => `kind served upstream but missing here: ${k}`),
    ...result.extraKinds.map((k) => `kind here but not served upstream: ${k}`),
    ...result.unusedAllowances.map((a) => `allowance no longer needed: ${JSON.stringify(a)}`),
  ];
  assert.deepEqual(
    lines,
    [],
    `schemas/ drifted from the upstream CRDs (node scripts/audit-schemas.mjs lists the same):\n${lines.join('\n')}`,
  );
  assert.ok(result.checked.length >= 39, `only ${result.checked.length} kind versions audited`);
});

test('valid schema fixtures, including the Istio 1.30 and cert-manager 1.21 regressions, have no error', () => {
  const files = yamlFilesUnder(path.join(PACKAGE_DIR, 'test', 'fixtures', 'schemas')).filter((f) => f.endsWith('.valid.yaml'));
  assert.ok(
    files.some((f) => f.includes('cert-manager-1.21')) && files.some((f) => f.includes('TrafficExtension')),
    'regression fixtures missing',
  );
  const errors = files.flatMap((file) =>
    analyze(fs.readFileSync(file, 'utf8'))
      .filter((f) => f.severity === 'error')
      .map((f) => `${path.relative(PACKAGE_DIR, file)}: ${f.ruleId} ${f.message}`),
  );
  assert.deepEqual(errors, []);
});

test('meshlint --version prints the tracked upstream releases from schemas/index.json', async () => {
  const index = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'index.json'), 'utf8')) as {
    upstream: { istio: string; certManager: string };
  };
  assert.match(index.upstream.istio, /^\d+\.\d+\.\d+$/);
  assert.match(index.upstream.certManager, /^\d+\.\d+\.\d+$/);
  const run = await runCli(['--version']);
  assert.equal(run.code, 0);
  assert.ok(run.out.includes(`Istio ${index.upstream.istio}, cert-manager ${index.upstream.certManager}`), run.out);
});
