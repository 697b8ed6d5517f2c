// The facts behind the zero-trust rules: principal shapes, path patterns, certificate kinds and
// durations, and that configuration (root namespace, trust domain, certificate limits) is honoured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { principalShape } from '../../server/src/core/rules/lib/principal-format';
import { pathProblem } from '../../server/src/core/rules/authorization-policy-path-pattern';
import { goDuration, workloadKind } from '../../server/src/core/rules/lib/certificate-facts';
import { isInClusterHost } from '../../server/src/core/rules/lib/destination-rule-tls';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/core/config';
import { parseDuration } from '../../server/src/core/duration';
import { analyze, covered, only, PACKAGE_DIR } from '../support/engine';
import { analyzeWorkspace } from '../support/workspace';
import type { Finding } from '../../server/src/core/types';
import { peerAuthentication } from '../support/sample-manifests';

test('principal shapes Istio accepts', () => {
  for (const p of [
    '*',
    'cluster.local/ns/a/sa/b',
    'cluster.local/ns/a/sa/*',
    'cluster.local/ns/*',
    'cluster.local*',
    '*/ns/a/sa/b',
    '*/sa/b',
    '*b',
    '*a/b',
  ]) {
    assert.equal(principalShape(p).problem, undefined, p);
  }
  assert.equal(principalShape('cluster.local/ns/a/sa/b').trustDomain, 'cluster.local');
  assert.equal(principalShape('td/ns/*').trustDomain, 'td');
  assert.equal(principalShape('td*').trustDomain, undefined, 'a cut trust domain is not checked');
  assert.equal(principalShape('*/ns/a/sa/b').trustDomain, undefined);
});

test('principal shapes that never match', () => {
  for (const p of [
    'b',
    'ns/a/sa/b',
    'td/ns/a/sa',
    'td/ns/a/sa/b/c',
    'td/namespace/a/sa/b',
    'td/ns/*/sa/b',
    '*ns/a*',
    'td/ns/a/serviceaccount/*',
    '*/ns/a/s/b',
  ]) {
    assert.ok(principalShape(p).problem, p);
  }
});

test('path patterns', () => {
  for (const p of ['*', '/', '/a', '/a/*', '*.png', '/a/{*}/b', '/a/{**}', '/{*}/x/{**}']) assert.equal(pathProblem(p), undefined, p);
  // '/{**}/a/{*}' is refused by the webhook: authorization-policy-path-template, not this rule.
  for (const p of ['a/b', '/a/*/b', '*a*', '/a?x=1', 'a/{*}']) assert.ok(pathProblem(p), p);
});

test('workload certificates: SPIFFE URIs, or only in-cluster names', () => {
  assert.equal(workloadKind({ uris: ['spiffe://cluster.local/ns/a/sa/b'], dnsNames: ['x.example.com'] }), 'spiffe');
  assert.equal(workloadKind({ dnsNames: ['a.b.svc', 'a.b.svc.cluster.local'], commonName: 'a.b.svc' }), 'in-cluster');
  assert.equal(workloadKind({ dnsNames: ['a.b.svc', 'a.example.com'] }), undefined);
  assert.equal(workloadKind({ dnsNames: ['a.b.svc'], ipAddresses: ['10.0.0.1'] }), undefined);
  assert.equal(workloadKind({ dnsNames: ['a.b.svc'], isCA: true }), undefined);
  assert.equal(workloadKind({}), undefined);
});

test('Go durations written by fixes parse back to the same seconds', () => {
  for (const s of [28800, 2000, 3600 * 720, 1220, 59, 0]) assert.equal(parseDuration(goDuration(s)), s);
  assert.equal(goDuration(8 * 3600), '8h');
  assert.equal(goDuration(2000), '33m20s');
});

test('in-cluster hosts for DestinationRules', () => {
  for (const h of ['reviews', 'reviews.shop.svc', 'reviews.shop.svc.cluster.local', '*.local', '*', '*.shop.svc.cluster.local'])
    assert.ok(isInClusterHost(h), h);
  for (const h of ['api.example.com', '*.example.com']) assert.ok(!isInClusterHost(h), h);
});

test("the guide's manifests stay clean of warnings and errors", () => {
  const dir = path.join(PACKAGE_DIR, 'examples', 'guide');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const loud = analyze(text).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(
      loud.map((f) => `${f.ruleId}: ${f.message}`),
      [],
      file,
    );
  }
});

const PA = (namespace: string): string => peerAuthentication({ namespace, mode: 'UNSET' });

/** A single manifest checked as a workspace: the root namespace and trust domain rules need one. */
function inWorkspace(text: string, config = DEFAULT_CONFIG): Finding[] {
  return analyzeWorkspace([{ file: 'policy.yaml', text }], config).get('policy.yaml') ?? [];
}

test('the root namespace comes from the config', () => {
  assert.equal(only(inWorkspace(PA('istio-system')), 'peer-authentication-mesh-unset').length, 1);
  assert.equal(only(inWorkspace(PA('mesh-root')), 'peer-authentication-mesh-unset').length, 0);
  const config = mergeConfig(DEFAULT_CONFIG, { rootNamespace: 'mesh-root' });
  assert.equal(only(inWorkspace(PA('mesh-root'), config), 'peer-authentication-mesh-unset').length, 1);
  assert.equal(only(inWorkspace(PA('istio-system'), config), 'peer-authentication-mesh-unset').length, 0);
});

test('the trust domain comes from the config', () => {
  const text =
    'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: p\n  namespace: a\nspec:\n  rules:\n    - from:\n        - source:\n            principals: ["corp.example/ns/a/sa/b"]\n';
  const found = only(inWorkspace(text), 'authorization-policy-trust-domain');
  assert.equal(found.length, 1);
  assert.equal(covered(text, found[0]), '"corp.example/ns/a/sa/b"');
  assert.equal(
    only(inWorkspace(text, mergeConfig(DEFAULT_CONFIG, { trustDomain: 'corp.example' })), 'authorization-policy-trust-domain').length,
    0,
  );
});

test('certificate limits come from the config', () => {
  const cert = (duration: string): string =>
    `apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n  namespace: a\nspec:\n  secretName: c\n  duration: ${duration}\n  dnsNames: [c.a.svc.cluster.local]\n  issuerRef:\n    name: ca\n    kind: ClusterIssuer\n`;
  assert.equal(only(analyze(cert('24h')), 'certificate-lifetime-too-long').length, 0);
  assert.equal(only(analyze(cert('48h')), 'certificate-lifetime-too-long').length, 1);
  const relaxed = mergeConfig(DEFAULT_CONFIG, { maxWorkloadCertSeconds: 72 * 3600 });
  assert.equal(only(analyze(cert('48h'), relaxed), 'certificate-lifetime-too-long').length, 0);
});

test('the allow-nothing policy never warns, whatever its spelling', () => {
  for (const spec of ['spec: {}', 'spec:\n  action: ALLOW', 'spec:\n  rules: []', 'spec:\n  selector:\n    matchLabels:\n      app: a']) {
    const text = `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-nothing\n  namespace: a\n${spec}\n`;
    assert.deepEqual(
      analyze(text).map((f) => f.ruleId),
      [],
      spec,
    );
  }
});

test('the mesh-wide UNSET fix edits only its own value: inside quotes, never text an alias shares', () => {
  const pa = (mtls: string): string =>
    `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n${mtls}`;
  const quoted = pa('  mtls:\n    mode: "UNSET"\n');
  const [finding] = only(inWorkspace(quoted), 'peer-authentication-mesh-unset');
  const edit = finding.fixes?.[0]?.edits[0];
  assert.ok(edit);
  assert.equal(quoted.slice(0, edit.start) + edit.newText + quoted.slice(edit.end), pa('  mtls:\n    mode: "STRICT"\n'));
  const shared = pa(
    '  mtls:\n    mode: &m UNSET\n  portLevelMtls:\n    8080:\n      mode: *m\n  selector:\n    matchLabels:\n      app: a\n',
  );
  const [aliased] = only(inWorkspace(shared), 'peer-authentication-mesh-unset');
  assert.equal(aliased, undefined, 'with a selector it is not the mesh-wide policy');
  const sharedMesh = pa('  mtls:\n    mode: &m UNSET\n---\n').replace('---\n', '') + 'x-unused: *m\n';
  const [meshAliased] = only(inWorkspace(sharedMesh), 'peer-authentication-mesh-unset');
  assert.ok(meshAliased);
  assert.equal(meshAliased.fixes, undefined);
});
