// CEL rules of CRDs (x-kubernetes-validations): a failing rule is an error on its fieldPath or its
// object with the CRD's message; a CRD rule wins over our rule for the same check; a rule meshlint
// cannot run is one info note; transition rules are skipped; each rule is compiled once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Engine } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { registryWithCrds } from '../../server/src/core/crd/crd-registry';
import { analyze } from '../support/engine';
import { analyzeWithCrds, builtinBundle, crdRegistry, crdText, CRD_FIXTURES, ISTIO_CRDS, CERT_MANAGER_CRDS } from '../support/crds';
import type { Finding } from '../../server/src/core/types';

const RULES = path.join(CRD_FIXTURES, 'peer-authentication-rules.yaml');

function peer(ports: string[], mode = 'STRICT'): string {
  const lines = ports.map((p) => `    "${p}": {mode: STRICT}\n`).join('');
  return `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: ports, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  mtls:
    mode: ${mode}
  portLevelMtls:
${lines}`;
}

const at = (text: string, f: Finding): string => text.slice(f.start, f.end);
const errors = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'error');

test("a CRD rule stricter than ours: its error, on the rule's object, with its message", () => {
  const text = peer(['8443', '443']);
  assert.deepEqual(errors(analyze(text)), [], 'the built-in checks accept port 443');
  const fs = errors(analyzeWithCrds(text, RULES));
  assert.equal(fs.length, 1);
  assert.equal(at(text, fs[0]), 'portLevelMtls');
  assert.equal(fs[0].ruleId, 'schema-validation');
  assert.match(fs[0].message, /rejects `spec\.portLevelMtls`: only ports above 1024 may be listed$/);
});

test('fieldPath places the finding; messageExpression words it', () => {
  const text = peer(['8443'], 'DISABLE');
  const fs = errors(analyzeWithCrds(text, RULES));
  assert.equal(fs.length, 1);
  assert.equal(at(text, fs[0]), 'mode');
  assert.match(fs[0].message, /rejects `spec\.mtls\.mode`: mode DISABLE is not allowed in this cluster$/);
});

test('an unsupported function is one info note per document, never an error; oldSelf rules are skipped', () => {
  const text = peer(['8443', '9443']);
  const fs = analyzeWithCrds(text, RULES);
  assert.deepEqual(errors(fs), []);
  const notes = fs.filter((f) => f.severity === 'info');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /cannot check here \(`quantity\("1Gi"\)\.isGreaterThan\(quantity\("1Mi"\)\)`\)/);
  assert.doesNotMatch(notes[0].message, /oldSelf/);
});

test('a rule that does not compile is a note, not an error', () => {
  const broken = crdText(RULES);
  broken.text = broken.text.replace('self.all(key, int(key) > 1024)', 'self.all(key, ');
  const reg = registryWithCrds(builtinBundle(), [broken]).registry;
  const fs = new Engine(reg).analyze(peer(['80']), DEFAULT_CONFIG).findings;
  assert.deepEqual(errors(fs), []);
  assert.ok(fs.some((f) => f.severity === 'info' && /does not compile/.test(f.message)));
});

test('the same problem is reported once: the Istio CRD rule wins over peer-authentication-port-range', () => {
  const text = peer(['0']);
  assert.equal(analyze(text).filter((f) => f.ruleId === 'peer-authentication-port-range').length, 1, 'ours fires without CRDs');
  const fs = errors(analyzeWithCrds(text, ISTIO_CRDS));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].ruleId, 'schema-validation');
  assert.match(fs[0].message, /port must be between 1-65535/);
});

test('our rule that quotes the CRD message is dropped; its other checks stay', () => {
  const text = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: mixed, namespace: shop}
spec:
  rules:
  - from:
    - source:
        serviceAccounts: ["shop/web"]
        namespaces: ["shop"]
    - source:
        serviceAccounts: ["shop/web/extra"]
`;
  const ours = analyze(text).filter((f) => f.ruleId === 'authorization-policy-service-accounts');
  assert.equal(ours.length, 2, 'without CRDs: the combination and the entry format');
  const fs = errors(analyzeWithCrds(text, ISTIO_CRDS));
  const combination = fs.filter((f) => /Cannot set serviceAccounts with namespaces or principals/.test(f.message));
  assert.deepEqual(
    combination.map((f) => [f.ruleId, at(text, f)]),
    [['schema-validation', 'source']],
  );
  const format = fs.filter((f) => f.ruleId === 'authorization-policy-service-accounts' && at(text, f) === '"shop/web/extra"');
  assert.equal(format.length, 1, 'the format check is not a twin');
});

test('cert-manager: the Venafi one-of rule of the CRD replaces ours, the empty-zone check stays', () => {
  const text = `apiVersion: cert-manager.io/v1
kind: Issuer
metadata: {name: venafi, namespace: shop}
spec:
  venafi:
    zone: ""
    tpp: {url: "https://tpp.example/vedsdk", credentialsRef: {name: tpp}}
    cloud: {apiTokenSecretRef: {name: token, key: k}}
`;
  const fs = errors(analyzeWithCrds(text, CERT_MANAGER_CRDS));
  assert.deepEqual(fs.map((f) => [f.ruleId, at(text, f)]).sort(), [
    ['issuer-venafi', '""'],
    ['schema-validation', 'venafi'],
  ]);
  assert.match(fs.find((f) => f.ruleId === 'schema-validation')?.message ?? '', /exactly one of tpp, cloud, or ngts must be configured/);
});

test('Kubernetes URL functions: isURL/url().getScheme() as Go parses request URIs', () => {
  const wasm = (url: string): string =>
    `apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata: {name: w, namespace: shop}\n` +
    `spec:\n  url: ${JSON.stringify(url)}\n`;
  const urlErrors = (u: string): string[] => errors(analyzeWithCrds(wasm(u), ISTIO_CRDS)).map((f) => f.message);
  for (const good of ['oci://ghcr.io/acme/filter:1.0', 'https://example.com/f.wasm', 'file:///opt/f.wasm', 'ghcr.io/acme/filter:1.0']) {
    assert.deepEqual(urlErrors(good), [], good);
  }
  // Go reads `localhost:5000/f` as scheme "localhost" with an opaque part, so the rule rejects it.
  for (const bad of ['localhost:5000/f', 'ftp://example.com/f.wasm']) assert.equal(urlErrors(bad).length, 1, bad);
});

test('each CRD rule is compiled once per registry, not once per analysis', () => {
  const { registry } = crdRegistry(RULES);
  const engine = new Engine(registry);
  engine.analyze(peer(['8443']), DEFAULT_CONFIG);
  const after = registry.crdRules?.compilations ?? -1;
  assert.equal(after, 3, 'three rules without oldSelf');
  for (let i = 0; i < 20; i++) engine.analyze(peer([String(2000 + i), String(3000 + i)]), DEFAULT_CONFIG);
  assert.equal(registry.crdRules?.compilations, after);
});
