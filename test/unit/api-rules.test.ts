// Behaviour of the API rules beyond what their fixtures show: the deprecated-version fix and when it
// is withheld, exact limits taken from upstream, and the guide's manifests staying quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, covered, only, PACKAGE_DIR } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';
import { applyEdits } from '../../server/src/core/fix-all';

const DEPRECATED = peerAuthentication({ apiVersion: 'security.istio.io/v1beta1 # keep me', namespace: 'shop', mode: 'STRICT' });

test('deprecated-api-version: info on the apiVersion value, with an unsafe fix to v1', () => {
  const [f, ...rest] = only(analyze(DEPRECATED), 'deprecated-api-version');
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'info');
  assert.equal(covered(DEPRECATED, f), 'security.istio.io/v1beta1');
  const fix = f.fixes?.[0];
  assert.ok(fix, 'a fix is offered');
  assert.equal(fix.safe, false, 'not in fix-all: old clusters do not serve v1');
  const fixed = applyEdits(DEPRECATED, fix.edits);
  assert.ok(fixed.startsWith('apiVersion: security.istio.io/v1 # keep me\n'));
  assert.deepEqual(analyze(fixed), []);
});

test('deprecated-api-version: no fix when the document would not be valid as v1', () => {
  const text = DEPRECATED.replace('  mtls:\n', '  mtlss:\n');
  const [f] = only(analyze(text), 'deprecated-api-version');
  assert.ok(f);
  assert.equal(f.fixes, undefined);
});

test('deprecated-api-version: kinds served only in an old version are not flagged', () => {
  const text = `apiVersion: networking.istio.io/v1beta1
kind: ProxyConfig
metadata:
  name: c
  namespace: shop
spec:
  concurrency: 2
`;
  assert.deepEqual(only(analyze(text), 'deprecated-api-version'), []);
});

const cert = (extra: string): string => `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: api
  namespace: shop
spec:
  secretName: api-tls
  dnsNames: ["api.example.com"]
  issuerRef:
    name: shop-ca
${extra}`;

test("certificate-duration: the limits are inclusive where cert-manager's are (1h and 5m pass)", () => {
  assert.deepEqual(only(analyze(cert('  duration: 1h\n  renewBefore: 5m\n')), 'certificate-duration'), []);
  assert.equal(only(analyze(cert('  duration: 59m59s\n')), 'certificate-duration').length, 1);
  assert.equal(only(analyze(cert('  duration: 2h\n  renewBefore: 4m59s\n')), 'certificate-duration').length, 1);
  // Without duration the default lifetime (2160h) is what renewBefore is compared with.
  assert.deepEqual(only(analyze(cert('  renewBefore: 720h\n')), 'certificate-duration'), []);
  assert.equal(only(analyze(cert('  renewBefore: 2160h\n')), 'certificate-duration').length, 1);
});

test('certificate-common-name-length counts bytes, as Go does', () => {
  const cn = 'é'.repeat(33); // 33 characters, 66 bytes
  assert.equal(only(analyze(cert(`  commonName: "${cn}"\n`)), 'certificate-common-name-length').length, 1);
  assert.deepEqual(only(analyze(cert(`  commonName: "${'e'.repeat(64)}"\n`)), 'certificate-common-name-length'), []);
});

test('certificate-private-key: size 0 or unset means the default and is accepted', () => {
  assert.deepEqual(only(analyze(cert('  privateKey:\n    algorithm: ECDSA\n    size: 0\n')), 'certificate-private-key'), []);
  assert.deepEqual(only(analyze(cert('  privateKey:\n    algorithm: Ed25519\n    size: 4096\n')), 'certificate-private-key'), []);
});

test("the guide's manifests (examples/guide) carry only information-level deprecation notes", () => {
  const dir = path.join(PACKAGE_DIR, 'examples', 'guide');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 3);
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const loud = analyze(text).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(
      loud.map((f) => `${f.ruleId}: ${f.message}`),
      [],
      file,
    );
    for (const f of analyze(text)) assert.equal(f.severity === 'info' || f.severity === 'hint', true, `${file}: ${f.ruleId}`);
  }
});
