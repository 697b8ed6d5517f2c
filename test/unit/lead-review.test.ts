// Fixes from the lead's review of the first release: cache reuse across rule levels, the span of
// the template note, `--` in the CLI, and a crash exit code distinct from "findings".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analyze, covered, newEngine, PACKAGE_DIR } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';

test('changing a rule level reuses every cached document (levels apply after checking)', () => {
  const engine = newEngine();
  const text = [1, 2, 3].map((i) => peerAuthentication({ name: `p${i}`, mode: 'PERMISSIVE' })).join('---\n');
  engine.analyze(text, DEFAULT_CONFIG);
  const off = engine.analyze(text, { ...DEFAULT_CONFIG, rules: { 'peer-authentication-permissive': 'off' } });
  assert.ok(off.documents.every((d) => d.reused));
  assert.equal(off.findings.filter((f) => f.ruleId === 'peer-authentication-permissive').length, 0);
  const changed = engine.analyze(text, { ...DEFAULT_CONFIG, trustDomain: 'example.org' });
  assert.ok(
    changed.documents.every((d) => !d.reused),
    'a setting rules read does invalidate',
  );
});

test('the template note covers the placeholder on its line, never the lines after an unclosed one', () => {
  const text =
    'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: "{{ .Release.Name"\n  namespace: x\nspec:\n  mtls:\n    mode: "}}"\n';
  const [note] = analyze(text).filter((f) => f.ruleId === 'helm-template');
  assert.ok(note);
  assert.equal(covered(text, note), '{{ .Release.Name"');
});

test('after -- every argument is a path, even one that looks like an option', async () => {
  const dir = writeTempWorkspace({ '--fix': peerAuthentication({ mode: 'PERMISSIVE' }) });
  const before = fs.readFileSync(path.join(dir, '--fix'), 'utf8');
  const res = await runCli(['--format', 'json', '--', path.join(dir, '--fix')]);
  assert.equal(res.code, 0);
  const report = JSON.parse(res.out) as { files: { findings: { ruleId: string }[] }[] };
  assert.equal(report.files[0].findings[0].ruleId, 'peer-authentication-permissive');
  assert.equal(fs.readFileSync(path.join(dir, '--fix'), 'utf8'), before, 'the file was not fixed: --fix was a path');
});

test('an internal error exits 2, not 1 (which means findings)', () => {
  // A schemas/index.json that is not JSON makes the CLI fail before it checks anything.
  const copy = fs.mkdtempSync(path.join(PACKAGE_DIR, '.out-crash-'));
  try {
    fs.mkdirSync(path.join(copy, 'bin'));
    fs.mkdirSync(path.join(copy, 'dist'));
    fs.mkdirSync(path.join(copy, 'schemas'));
    fs.copyFileSync(path.join(PACKAGE_DIR, 'bin', 'meshlint.js'), path.join(copy, 'bin', 'meshlint.js'));
    fs.copyFileSync(path.join(PACKAGE_DIR, 'dist', 'cli.js'), path.join(copy, 'dist', 'cli.js'));
    fs.writeFileSync(path.join(copy, 'schemas', 'index.json'), '{ not json');
    const res = spawnSync(process.execPath, [path.join(copy, 'bin', 'meshlint.js'), path.join(PACKAGE_DIR, 'examples', 'guide')], {
      encoding: 'utf8',
    });
    assert.equal(res.status, 2, res.stderr);
    assert.match(res.stderr, /meshlint: internal error/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('the JWT-requiring DENY pattern is a note, other HTTP-only DENY rules stay warnings', () => {
  const text = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: require-jwt
  namespace: shop
spec:
  selector:
    matchLabels:
      app: orders
  action: DENY
  rules:
    - from:
        - source:
            notRequestPrincipals: ["*"]
    - to:
        - operation:
            paths: ["/admin/*"]
`;
  const found = analyze(text).filter((f) => f.ruleId === 'authorization-policy-deny-http-only');
  assert.deepEqual(
    found.map((f) => [covered(text, f), f.severity]),
    [
      ['from', 'info'],
      ['to', 'warning'],
    ],
  );
});
