// The CLI's CRD sources: --crds (file or folder, repeatable), `crds:` in .meshlint.yaml (relative
// to that file), and CRD documents among the checked files themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { CRD_FIXTURES, ISTIO_CRDS, TRUST_DOMAINS_POLICY } from '../support/crds';
import { parseArgs } from '../../server/src/cli/args';
import { parseConfigFile } from '../../server/src/core/config-file';

const WITHOUT = path.join(CRD_FIXTURES, 'authorization-policy-without-trust-domains.yaml');
const POLICY = TRUST_DOMAINS_POLICY;
/** The unknown-field error as the small CRD words it (its source knows only these two fields). */
const UNKNOWN = /policy\.yaml:11:9 error schema-validation Unknown field `trustDomains`.* Known fields: principals, namespaces\.\n/;

test('--crds is repeatable and takes a file or a folder', () => {
  assert.deepEqual(parseArgs(['--crds', 'a.yaml', '--crds=crds/', 'x']).crds, ['a.yaml', 'crds/']);
  assert.deepEqual(parseArgs(['x']).crds, []);
});

test('--crds with the Istio 1.30 CRDs: trustDomains is clean; with a CRD lacking it: an unknown field', async () => {
  const dir = writeTempWorkspace({ 'policy.yaml': POLICY });
  const file = path.join(dir, 'policy.yaml');
  const clean = await runCli(['--crds', ISTIO_CRDS, file]);
  assert.doesNotMatch(clean.out, /schema-validation/);
  const old = await runCli(['--crds', WITHOUT, file]);
  assert.equal(old.code, 1);
  assert.match(old.out, UNKNOWN);
  // A folder works as well; it holds both small AuthorizationPolicy CRDs, and the later file
  // (by name, -without- after -with-) wins.
  const folder = await runCli(['--crds', `.${path.sep}${path.relative(process.cwd(), CRD_FIXTURES)}`, file]);
  assert.match(folder.out, UNKNOWN);
  assert.equal(folder.err, '', 'a folder named with ./ holds CRDs: no note');
});

test('crds: in .meshlint.yaml is read relative to the config file', async () => {
  const dir = writeTempWorkspace({
    '.meshlint.yaml': 'crds:\n  - platform/ap-crd.yaml\n',
    'platform/ap-crd.yaml': fs.readFileSync(WITHOUT, 'utf8'),
    'apps/policy.yaml': POLICY,
  });
  const res = await runCli([path.join(dir, 'apps')]);
  assert.match(res.out, UNKNOWN);
});

test('CRD documents among the checked files are used', async () => {
  const dir = writeTempWorkspace({ 'crds/ap.yaml': fs.readFileSync(WITHOUT, 'utf8'), 'apps/policy.yaml': POLICY });
  assert.match((await runCli([dir])).out, UNKNOWN);
  assert.doesNotMatch((await runCli([path.join(dir, 'apps')])).out, UNKNOWN, 'without the CRD, the built-in schema applies');
});

test('a --crds path that cannot be read is an I/O error; one without mesh CRDs is a note', async () => {
  const clean = POLICY.replace('trustDomains: ["partner.example"]', 'principals: ["partner.example/ns/a/sa/b"]');
  const dir = writeTempWorkspace({ 'policy.yaml': clean, 'other.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' });
  const missing = await runCli(['--crds', path.join(dir, 'nope.yaml'), path.join(dir, 'policy.yaml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nope\.yaml/);
  const none = await runCli(['--crds', path.join(dir, 'other.yaml'), path.join(dir, 'policy.yaml')]);
  assert.equal(none.code, 0);
  assert.match(none.err, /other\.yaml holds no Istio or cert-manager CRD/);
});

test('crds: accepts a path or a list of paths, and reports other values', () => {
  assert.deepEqual(parseConfigFile('crds: crds/\n', []).crds, ['crds/']);
  assert.deepEqual(parseConfigFile('crds: [a.yaml, b/]\n', []).crds, ['a.yaml', 'b/']);
  const bad = parseConfigFile('crds: {a: 1}\n', []);
  assert.deepEqual(bad.crds, []);
  assert.match(bad.findings[0].message, /`crds` must be a list of CRD files or folders/);
});
