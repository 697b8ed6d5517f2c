// Self-check for schemas/: strict ajv compile, index and fixture consistency, and verdicts compared with the
// @kubernetes-models oracle (compiled validators of the upstream CRDs) on hand-written documents.
// Run: node scripts/check-schemas.mjs   (exit code 1 on a compile error or an unexpected disagreement)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import YAML from 'yaml';
import { cases, genericCases } from './check-schemas-cases.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = path.join(repo, 'schemas');
const fixturesDir = path.join(repo, 'test', 'fixtures', 'schemas');
const CONCEPTS = new Set([
  'mtls-modes',
  'workload-identity',
  'authorization-evaluation',
  'destination-rule-tls',
  'certificate-lifetime',
  'gateway-credentials',
  'request-authentication',
  'sidecar-injection',
]);

const problems = [];
const problem = (msg) => {
  problems.push(msg);
  console.log(`PROBLEM ${msg}`);
};

// ---- 1. compile everything, the way the engine does --------------------------------------------
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword({ keyword: 'x-kubernetes-preserve-unknown-fields', schemaType: 'boolean' });
ajv.addKeyword({ keyword: 'x-kubernetes-int-or-string', schemaType: 'boolean' });
ajv.addKeyword({ keyword: 'x-meshlint-concept', schemaType: 'string' });

const listJson = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listJson(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
const schemaFiles = listJson(schemasDir).filter((f) => path.basename(f) !== 'index.json');
const schemas = new Map();
for (const file of schemaFiles) {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  schemas.set(path.relative(schemasDir, file), schema);
  try {
    ajv.addSchema(schema);
  } catch (e) {
    problem(`${file}: ${e.message}`);
  }
}
for (const [rel, schema] of schemas) {
  try {
    ajv.getSchema(schema.$id);
  } catch (e) {
    problem(`${rel} does not compile: ${e.message}`);
  }
  JSON.stringify(schema, (k, v) => {
    if (k === 'x-meshlint-concept' && !CONCEPTS.has(v)) problem(`${rel}: unknown concept ${v}`);
    if (k === 'format' || k === 'oneOf') problem(`${rel}: keyword ${k} is not allowed in our schemas`);
    return v;
  });
}

// ---- 2. index.json matches the files ------------------------------------------------------------
const index = JSON.parse(fs.readFileSync(path.join(schemasDir, 'index.json'), 'utf8')).kinds;
const rootFiles = [...schemas.keys()].filter(
  (rel) => rel.split(path.sep).length === 3 && !rel.endsWith('defs.json') && !rel.startsWith('common'),
);
for (const entry of index) {
  const schema = schemas.get(entry.file.split('/').join(path.sep));
  if (!schema) {
    problem(`index: ${entry.file} missing`);
    continue;
  }
  if (schema.$id !== entry.id || entry.id !== `meshlint:${entry.group}/${entry.version}/${entry.kind}`)
    problem(`index: id mismatch for ${entry.file}`);
}
if (rootFiles.length !== index.length) problem(`index lists ${index.length} kinds, schemas/ has ${rootFiles.length} root files`);
const sorted = [...index].sort(
  (a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind) || a.version.localeCompare(b.version),
);
if (JSON.stringify(sorted) !== JSON.stringify(index)) problem('index.json is not sorted by group, kind, version');

// ---- 3. the oracle -------------------------------------------------------------------------------
const pascal = (s) =>
  s
    .split(/[.-]/)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
function oracleFile(group, version, kind) {
  const v = pascal(version);
  if (group.endsWith('istio.io')) return `istio/_schemas/${pascal(group)}${v}${kind}.js`;
  const pkg = {
    'cert-manager.io': 'CertManagerPkgApisCertmanager',
    'acme.cert-manager.io': 'CertManagerPkgApisAcme',
    'trust.cert-manager.io': 'TrustManagerPkgApisTrust',
  }[group];
  return `cert-manager/_schemas/ComGithubCertManager${pkg}${v}${kind}.js`;
}
/** The oracle's validator, or null for a kind newer than the @kubernetes-models packages (they lag upstream). */
async function loadOracle(entry) {
  const file = path.join(repo, 'node_modules', '@kubernetes-models', oracleFile(entry.group, entry.version, entry.kind));
  return fs.existsSync(file) ? (await import(pathToFileURL(file).href)).validate : null;
}

const errorsText = (errors) =>
  (errors || [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
    .join('; ');

// ---- 4. fixtures and cases -----------------------------------------------------------------------
function applyOps(doc, ops) {
  const out = structuredClone(doc);
  for (const [op, pointer, value] of ops) {
    const keys = pointer
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop();
    let node = out;
    for (const k of keys) {
      if (node[k] === undefined) node[k] = {};
      node = node[k];
    }
    if (op === 'del') delete node[last];
    else node[last] = structuredClone(value);
  }
  return out;
}

let total = 0;
let known = 0;
let unexpected = 0;
const withoutOracle = [];
for (const entry of index) {
  const id = entry.id;
  const ours = ajv.getSchema(id);
  const oracle = await loadOracle(entry);
  if (!oracle) {
    withoutOracle.push(entry.id);
    console.log(`NOTE no oracle for ${entry.id}: our verdicts only`);
  }
  const fixtureFile = path.join(fixturesDir, entry.group, entry.version, `${entry.kind}.valid.yaml`);
  if (!fs.existsSync(fixtureFile)) {
    problem(`no fixture ${path.relative(repo, fixtureFile)}`);
    continue;
  }
  const docs = YAML.parseAllDocuments(fs.readFileSync(fixtureFile, 'utf8')).map((d) => d.toJS());
  const run = (name, doc, expect) => {
    total++;
    const okOurs = ours(doc);
    const oursErrors = errorsText(ours.errors);
    const wantOurs = expect.ours;
    const wantOracle = expect.oracle ?? expect.ours;
    const okOracle = oracle ? oracle(doc) : wantOracle;
    const oracleErrors = oracle ? errorsText(oracle.errors) : 'no oracle for this kind';
    if (okOurs === wantOurs && okOracle === wantOracle) {
      if (wantOurs !== wantOracle) known++;
      return;
    }
    unexpected++;
    console.log(
      `DISAGREE ${entry.group}/${entry.version} ${entry.kind}: ${name}\n` +
        `  ours:   ${okOurs ? 'valid' : 'invalid'} (expected ${wantOurs ? 'valid' : 'invalid'}) ${oursErrors}\n` +
        `  oracle: ${okOracle ? 'valid' : 'invalid'} (expected ${wantOracle ? 'valid' : 'invalid'}) ${oracleErrors}`,
    );
  };
  docs.forEach((doc, i) => {
    if (doc.apiVersion !== `${entry.group}/${entry.version}` || doc.kind !== entry.kind)
      problem(`${fixtureFile} doc ${i}: wrong apiVersion/kind`);
    run(`fixture document ${i}`, doc, { ours: true });
  });
  const base = docs[0];
  for (const c of genericCases(entry)) run(c.name, applyOps(base, c.ops), c);
  for (const c of cases.filter((c) => c.kinds.includes(entry.kind))) {
    if (c.versions && !c.versions.includes(entry.version)) continue;
    run(c.name, applyOps(docs[c.doc ?? 0], c.ops), c);
  }
}

console.log(
  `\n${schemas.size} schema files compiled; ${index.length} kinds; ${total} documents checked against ours and the oracle` +
    ` (${withoutOracle.length} kinds without an oracle).`,
);
console.log(
  `${known} documented divergences (see the notes in scripts/check-schemas-cases.mjs), ${unexpected} unexpected disagreements, ${problems.length} problems.`,
);
process.exitCode = unexpected || problems.length ? 1 : 0;
