// The CLI as CI uses it: exit codes, formats (SARIF validated against the SARIF 2.1.0 schema),
// --fix in place, --max-warnings, unreadable paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv4 from 'ajv-draft-04';
import { PACKAGE_DIR } from '../support/engine';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { peerAuthentication, spiffePrincipalPolicy } from '../support/sample-manifests';

const PERMISSIVE = peerAuthentication({ namespace: 'shop # owned by team shop', mode: 'PERMISSIVE # until the cron jobs have sidecars' });

test('the guide examples are clean and the broken ones are reported with positions', async () => {
  const guide = await runCli([path.join(PACKAGE_DIR, 'examples', 'guide')]);
  assert.equal(guide.code, 0, guide.out);
  assert.match(guide.out, /0 error\(s\), 0 warning\(s\)/);
  const broken = await runCli([path.join(PACKAGE_DIR, 'examples', 'broken')]);
  assert.equal(broken.code, 1);
  assert.match(broken.out, /permissive-namespace\.yaml:9:11 warning peer-authentication-permissive /);
});

test('warnings alone exit 0, and 1 above --max-warnings', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': PERMISSIVE });
  assert.equal((await runCli([dir])).code, 0);
  assert.equal((await runCli([dir, '--max-warnings', '1'])).code, 0);
  const over = await runCli([dir, '--max-warnings=0']);
  assert.equal(over.code, 1);
  assert.match(over.err, /more than --max-warnings 0/);
});

test('usage mistakes and unreadable paths exit 2 with a clear message', async () => {
  const bad = await runCli(['--format', 'xml']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format must be text, json or sarif/);
  const missing = await runCli([path.join(os.tmpdir(), 'meshlint-does-not-exist.yaml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*meshlint-does-not-exist\.yaml: no such file or folder/);
  assert.equal((await runCli(['--max-warnings', 'some'])).code, 2);
});

const SPIFFE = spiffePrincipalPolicy('"spiffe://cluster.local/ns/shop/sa/web" # the storefront');

test('--fix applies safe fixes in place and keeps every comment', async () => {
  const dir = writeTempWorkspace({ 'ap.yaml': SPIFFE });
  const res = await runCli([dir, '--fix']);
  assert.equal(res.code, 0);
  assert.equal(fs.readFileSync(path.join(dir, 'ap.yaml'), 'utf8'), SPIFFE.replace('spiffe://', ''));
  assert.match(res.out, /0 warning\(s\)/);
});

// STRICT and ISTIO_MUTUAL refuse clients (destinations) without a sidecar: a person decides, not --fix.
test('--fix leaves PERMISSIVE, DISABLE, a mesh-wide UNSET and DestinationRule DISABLE alone', async () => {
  const modes = {
    'permissive.yaml': PERMISSIVE,
    'disable.yaml': peerAuthentication({ namespace: 'pay', mode: 'DISABLE' }),
    'unset.yaml': peerAuthentication({ namespace: 'istio-system', mode: 'UNSET' }),
    'dr.yaml': `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ledger
  namespace: pay
spec:
  host: ledger.pay.svc.cluster.local
  trafficPolicy:
    tls:
      mode: DISABLE
`,
  };
  const dir = writeTempWorkspace({ ...modes, 'ap.yaml': SPIFFE });
  const res = await runCli([dir, '--fix']);
  for (const [name, text] of Object.entries(modes)) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, name);
  assert.equal(fs.readFileSync(path.join(dir, 'ap.yaml'), 'utf8'), SPIFFE.replace('spiffe://', ''));
  for (const id of [
    'peer-authentication-permissive',
    'peer-authentication-disable',
    'peer-authentication-mesh-unset',
    'destination-rule-tls-disable',
  ]) {
    assert.match(res.out, new RegExp(` warning ${id} `), id);
  }
});

test('--format json lists findings with positions, fixable only when --fix would fix them', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': PERMISSIVE, 'z.yaml': SPIFFE });
  const res = await runCli([dir, '--format', 'json']);
  const parsed = JSON.parse(res.out) as {
    files: { path: string; findings: { ruleId: string; line: number; column: number; fixable: boolean }[] }[];
  };
  assert.equal(parsed.files[0].findings[0].ruleId, 'peer-authentication-permissive');
  assert.equal(parsed.files[0].findings[0].line, 8);
  assert.equal(parsed.files[0].findings[0].column, 11);
  assert.equal(parsed.files[0].findings[0].fixable, false, 'STRICT is a suggestion only');
  assert.equal(parsed.files[1].findings[0].ruleId, 'authorization-policy-spiffe-prefix');
  assert.equal(parsed.files[1].findings[0].fixable, true);
});

test('--format sarif is valid SARIF 2.1.0 with rule metadata and help links', async () => {
  const res = await runCli([path.join(PACKAGE_DIR, 'examples'), '--format', 'sarif']);
  const log = JSON.parse(res.out) as {
    runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
  };
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The published schema has a language-tag pattern that is only valid without the u flag.
  const ajv = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const run0 = log.runs[0];
  assert.ok(run0.results.length >= 5);
  for (const r of run0.results) assert.equal(run0.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  for (const rule of run0.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
});
