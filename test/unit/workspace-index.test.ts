// The workspace index: facts keep the exact place they are written, a file's facts are replaced
// as a whole, effective mTLS follows Istio's precedence, and the read API lists what completion needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { FactsExtractor, factsOfAnalysis, factsOfText } from '../../server/src/core/workspace/extract';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspace-index';
import type { FileFacts } from '../../server/src/core/workspace/facts';
import { effectiveMtls } from '../../server/src/core/workspace/effective-mtls';
import { workspaceNames } from '../../server/src/core/workspace/queries';
import { checkWorkspace } from '../../server/src/core/workspace/check-workspace';
import { newEngine, offsetOf } from '../support/engine';
import { DENY_SANDBOX, peerAuthentication } from '../support/sample-manifests';

const DEPLOYMENT = `# orders API
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: orders
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels:
        app: api
        tier: backend
      annotations:
        sidecar.istio.io/inject: "false"
    spec:
      serviceAccountName: orders-api
      containers: [{name: api, image: registry.example.com/orders/api:1}]
`;

test('facts point at the exact key or value, with line and column, in multi-document files', () => {
  const text = `${peerAuthentication({ namespace: 'orders', mode: 'STRICT' })}---\n${DEPLOYMENT}`;
  const facts = factsOfText('file:///ws/a.yaml', text);
  assert.equal(facts.facts.length, 2);
  const [policy, workload] = facts.facts;
  assert.equal(policy.type, 'peer-authentication');
  if (policy.type !== 'peer-authentication' || workload.type !== 'workload') return;
  assert.equal(text.slice(policy.mode?.site.start, policy.mode?.site.end), 'STRICT');
  assert.deepEqual([policy.mode?.site.line, policy.mode?.site.character], [7, 10]);
  assert.equal(workload.inject?.value, 'false');
  assert.equal(text.slice(workload.inject?.site.start, workload.inject?.site.end), '"false"');
  assert.equal(workload.serviceAccountName?.site.start, offsetOf(text, 'orders-api'));
  assert.deepEqual(workload.podLabels, { app: 'api', tier: 'backend' });
  assert.equal(workload.docEnd, text.length);
  assert.equal(policy.docEnd, text.indexOf('---\n# orders'));
});

/** Facts without their signature, which is an extractor's own shorthand for "same as before". */
function plain(f: FileFacts): Omit<FileFacts, 'signature'> {
  const { signature: _signature, ...rest } = f;
  return rest;
}

test('open documents reuse the engine parse and give the same facts as the disk copy', () => {
  const text = `${peerAuthentication({ namespace: 'orders', mode: 'STRICT' })}---\n${DEPLOYMENT}`;
  const analysis = newEngine().analyze(text, DEFAULT_CONFIG);
  assert.deepEqual(plain(factsOfAnalysis('file:///ws/a.yaml', text, analysis)), plain(factsOfText('file:///ws/a.yaml', text)));
});

test('a file signature changes exactly when its facts or their places change', () => {
  const extractor = new FactsExtractor();
  const engine = newEngine();
  const a = `${peerAuthentication({ namespace: 'orders', mode: 'STRICT' })}---\n${DEPLOYMENT}`;
  const first = extractor.ofAnalysis('u', a, engine.analyze(a, DEFAULT_CONFIG)).signature;
  assert.equal(extractor.ofAnalysis('u', a, engine.analyze(a, DEFAULT_CONFIG)).signature, first, 'same text, same signature');
  const moved = `# a comment\n${a}`;
  assert.notEqual(extractor.ofAnalysis('u', moved, engine.analyze(moved, DEFAULT_CONFIG)).signature, first, 'documents moved');
  const edited = a.replace('STRICT', 'PERMISSIVE');
  assert.notEqual(extractor.ofAnalysis('u', edited, engine.analyze(edited, DEFAULT_CONFIG)).signature, first, 'a fact changed');
});

test('facts cached per document and moved to where the document now starts equal a fresh extraction', () => {
  const extractor = new FactsExtractor();
  const a = `${peerAuthentication({ namespace: 'orders', mode: 'STRICT' })}---\n${DEPLOYMENT}`;
  extractor.ofText('u', a);
  const b = `# two lines\n# typed above\n${a}`;
  assert.deepEqual(plain(extractor.ofText('u', b)), plain(factsOfText('u', b)));
  const c = b.replace('STRICT', 'PERMISSIVE');
  assert.deepEqual(plain(extractor.ofAnalysis('u', c, newEngine().analyze(c, DEFAULT_CONFIG))), plain(factsOfText('u', c)));
  assert.deepEqual(plain(extractor.ofText('other', c)), plain(factsOfText('other', c)), 'the cache is per file: sites carry the URI');
  // The same engine result seen from another file must not hand out the first file's facts.
  const engine = newEngine();
  const shared = engine.analyze(c, DEFAULT_CONFIG);
  extractor.ofAnalysis('u', c, shared);
  assert.deepEqual(plain(extractor.ofAnalysis('other', c, shared)), plain(factsOfText('other', c)));
});

test('templates, non-manifests and broken YAML give no facts and no crash', () => {
  assert.equal(factsOfText('u', 'name: ci\non: [push]\n').facts.length, 0);
  assert.equal(factsOfText('u', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ .Values.ns }}\n').facts.length, 0);
  assert.equal(factsOfText('u', 'apiVersion: v1\nkind: Namespace\nmetadata: [\n').facts.length, 0);
});

test('replacing a file replaces all its facts; deleting it removes them', () => {
  const index = new WorkspaceIndex();
  index.set(factsOfText('file:///ws/a.yaml', peerAuthentication({ namespace: 'orders', mode: 'STRICT' })));
  index.set(factsOfText('file:///ws/b.yaml', DEPLOYMENT));
  assert.equal(index.view().all('peer-authentication').length, 1);
  const before = index.generation;
  index.set(
    factsOfText(
      'file:///ws/a.yaml',
      `${peerAuthentication({ namespace: 'orders', mode: 'STRICT' })}---\n${peerAuthentication({ name: 'api', namespace: 'orders', app: 'api', mode: 'DISABLE' })}`,
    ),
  );
  assert.ok(index.generation > before);
  assert.equal(index.view().all('peer-authentication').length, 2);
  index.set(factsOfText('file:///ws/a.yaml', '# emptied\n'));
  assert.equal(index.view().all('peer-authentication').length, 0);
  assert.equal(index.has('file:///ws/a.yaml'), false);
  index.delete('file:///ws/b.yaml');
  assert.equal(index.size, 0);
});

test('effective mTLS: workload policy over namespace policy over the mesh-wide one; UNSET inherits', () => {
  const index = new WorkspaceIndex();
  const pods = { namespace: 'orders', labels: { app: 'api' }, exact: true };
  const mode = (): string | undefined => effectiveMtls(index.view(), DEFAULT_CONFIG, pods)?.mode;
  assert.equal(mode(), undefined, 'no policy in the workspace: unknown');
  index.set(factsOfText('mesh', peerAuthentication({ namespace: 'istio-system', mode: 'UNSET' })));
  assert.equal(mode(), 'PERMISSIVE', "a mesh-wide policy that inherits falls back to Istio's default");
  index.set(factsOfText('mesh', peerAuthentication({ namespace: 'istio-system', mode: 'STRICT' })));
  assert.equal(mode(), 'STRICT');
  index.set(factsOfText('ns', peerAuthentication({ namespace: 'orders', mode: 'PERMISSIVE' })));
  assert.equal(mode(), 'PERMISSIVE');
  index.set(factsOfText('wl', peerAuthentication({ name: 'api', namespace: 'orders', app: 'api', mode: 'UNSET' })));
  assert.equal(mode(), 'PERMISSIVE', 'UNSET on the workload inherits the namespace mode');
  index.set(factsOfText('wl', peerAuthentication({ name: 'api', namespace: 'orders', app: 'api', mode: 'DISABLE' })));
  const eff = effectiveMtls(index.view(), DEFAULT_CONFIG, pods);
  assert.equal(eff?.mode, 'DISABLE');
  assert.equal(eff?.level, 'workload');
  assert.equal(eff?.site.uri, 'wl');
  // Pods only known to carry app=api (e.g. behind a Service): another workload policy might match them.
  index.set(
    factsOfText(
      'wl2',
      peerAuthentication({ name: 'api-v2', namespace: 'orders', app: 'api-v2', mode: 'STRICT' }).replace('app: api-v2', 'version: v2'),
    ),
  );
  assert.equal(effectiveMtls(index.view(), DEFAULT_CONFIG, { namespace: 'orders', labels: { app: 'web' }, exact: false }), undefined);
  assert.equal(
    effectiveMtls(index.view(), { ...DEFAULT_CONFIG, rootNamespace: 'mesh' }, { namespace: 'shop', labels: {}, exact: true }),
    undefined,
    'the root namespace comes from the config',
  );
});

test('the read API lists accounts, namespaces, issuers, labels and secrets', () => {
  const index = new WorkspaceIndex();
  index.set(factsOfText('a', DEPLOYMENT));
  index.set(
    factsOfText(
      'b',
      `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: batch, namespace: orders}\n---\napiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: internal-ca}\nspec: {ca: {secretName: ca}}\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\nspec: {secretName: web-tls, dnsNames: [a.example.com], issuerRef: {name: internal-ca, kind: ClusterIssuer}}\n`,
    ),
  );
  const names = workspaceNames(index.view());
  assert.deepEqual(names.serviceAccounts, [
    { namespace: 'orders', name: 'batch' },
    { namespace: 'orders', name: 'orders-api' },
  ]);
  assert.deepEqual(names.namespaces, ['orders', 'shop']);
  assert.deepEqual(names.issuers, [{ name: 'internal-ca', namespace: undefined, cluster: true }]);
  assert.deepEqual(names.workloads, [{ namespace: 'orders', labels: { app: 'api', tier: 'backend' } }]);
  assert.deepEqual(names.secrets, [{ namespace: 'shop', name: 'web-tls' }]);
});

test('workspace findings respect levels and suppression comments of the file they land in', () => {
  const inputs = [
    { uri: 'deny.yaml', text: DENY_SANDBOX },
    { uri: 'pa.yaml', text: peerAuthentication({ namespace: 'orders', mode: 'PERMISSIVE' }) },
  ];
  const rule = 'authorization-identity-without-strict';
  assert.equal(checkWorkspace(inputs, DEFAULT_CONFIG).byUri.get('deny.yaml')?.[0].ruleId, rule);
  assert.equal(checkWorkspace(inputs, { ...DEFAULT_CONFIG, rules: { [rule]: 'off' } }).byUri.get('deny.yaml'), undefined);
  assert.equal(checkWorkspace(inputs, { ...DEFAULT_CONFIG, rules: { [rule]: 'error' } }).byUri.get('deny.yaml')?.[0].severity, 'error');
  const suppressed = [
    {
      uri: 'deny.yaml',
      text: DENY_SANDBOX.replace('            namespaces', `            # meshlint-disable-next-line ${rule}\n            namespaces`),
    },
    inputs[1],
  ];
  assert.equal(checkWorkspace(suppressed, DEFAULT_CONFIG).byUri.get('deny.yaml'), undefined);
});

test('a workspace of 2,000 files is checked in one pass (near-linear rules)', () => {
  const inputs = [];
  for (let i = 0; i < 1000; i++) {
    inputs.push({ uri: `pa-${i}.yaml`, text: peerAuthentication({ namespace: `ns-${i}`, mode: 'STRICT' }) });
    inputs.push({ uri: `app-${i}.yaml`, text: DEPLOYMENT.replace(/orders/g, `ns-${i}`) });
  }
  const check = checkWorkspace(inputs, DEFAULT_CONFIG);
  assert.equal(check.index.view().all('workload').length, 1000);
  // Every namespace is STRICT and every workload opts out of the sidecar: one finding per workload.
  const optOuts = [...check.byUri.values()].flat().filter((f) => f.ruleId === 'sidecar-missing-under-strict');
  assert.equal(optOuts.length, 1000);
});
