// The incremental workspace: after any sequence of edits, the view kept up to date file by file
// and the rules re-run only where their inputs changed give exactly the findings of a full rebuild
// and a run of every rule; an edit re-runs fewer rules than all; moved facts share what did not move.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { FactsExtractor } from '../../server/src/core/workspace/extract';
import { IncrementalRules } from '../../server/src/core/workspace/incremental-run';
import { runWorkspaceRules } from '../../server/src/core/workspace/run';
import { WorkspaceView } from '../../server/src/core/workspace/view';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspace-index';
import { WORKSPACE_RULES } from '../../server/src/core/workspace/workspace-rules';
import type { WorkloadFact } from '../../server/src/core/workspace/facts';
import { newEngine } from '../support/engine';

const NAMESPACES = ['istio-system', 'shop', 'pay', 'ghost'];

/** Manifests that feed the workspace rules, each from a few small numbers. */
const TEMPLATES: ((ns: string, n: number) => string)[] = [
  (ns, n) =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    istio-injection: ${n % 2 ? 'enabled' : 'disabled'}\n`,
  (ns, n) =>
    `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: pa-${n}\n  namespace: ${ns}\nspec:\n${n % 3 ? `  selector:\n    matchLabels:\n      app: app-${n % 2}\n` : ''}  mtls:\n    mode: ${n % 2 ? 'STRICT' : 'PERMISSIVE'}\n`,
  (ns, n) =>
    `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: ap-${n}\n  namespace: ${ns}\nspec:\n  action: ${n % 2 ? 'ALLOW' : 'DENY'}\n  rules:\n    - from:\n        - source:\n            principals: ["cluster.local/ns/${NAMESPACES[n % 4]}/sa/sa-${n % 3}"]\n            namespaces: ["${NAMESPACES[(n + 1) % 4]}x"]\n`,
  (ns, n) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${n % 2}\n  namespace: ${ns}\nspec:\n  selector:\n    matchLabels:\n      app: app-${n % 2}\n  template:\n    metadata:\n      labels:\n        app: app-${n % 2}\n${n % 3 === 0 ? '      annotations:\n        sidecar.istio.io/inject: "false"\n' : ''}    spec:\n      serviceAccountName: sa-${n % 3}\n      containers: [{name: c, image: img}]\n`,
  (ns, n) =>
    `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: dr-${n}\n  namespace: ${ns}\nspec:\n  host: app-${n % 2}.${ns}.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: ${n % 2 ? 'DISABLE' : 'ISTIO_MUTUAL'}\n`,
  (ns, n) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa-${n % 3}\n  namespace: ${ns}\n`,
  (ns, n) =>
    `apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: cert-${n}\n  namespace: ${ns}\nspec:\n  secretName: cert-${n}-tls\n  dnsNames: [a.example.com]\n  issuerRef:\n    name: issuer-${n % 2}\n    kind: ${n % 2 ? 'ClusterIssuer' : 'Issuer'}\n`,
  (ns, n) =>
    `apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata:\n  name: issuer-${n % 3}\n  namespace: ${ns}\nspec:\n  selfSigned: {}\n`,
  (ns, n) =>
    `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw-${n}\n  namespace: ${ns}\nspec:\n  selector:\n    app: app-${n % 2}\n  servers:\n    - port: {number: 443, name: https, protocol: HTTPS}\n      hosts: ["*.example.com"]\n      tls:\n        mode: SIMPLE\n        credentialName: cert-${n % 3}-tls\n`,
  (ns, n) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: cert-${n % 3}-tls\n  namespace: ${ns}\ntype: kubernetes.io/tls\n`,
  (ns, n) =>
    `apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: ra-${n}\n  namespace: ${ns}\nspec:\n  selector:\n    matchLabels:\n      app: app-${n % 2}\n  jwtRules:\n    - issuer: https://issuer.example.com\n`,
];

const doc = fc.tuple(fc.nat(TEMPLATES.length - 1), fc.nat(NAMESPACES.length - 1), fc.nat(5));
const FILES = 5;
const edit = fc.record({ file: fc.nat(FILES - 1), docs: fc.option(fc.array(doc, { maxLength: 4 }), { freq: 5 }) });

function render(docs: [number, number, number][]): string {
  return docs.map(([t, ns, n]) => TEMPLATES[t](NAMESPACES[ns], n)).join('---\n');
}

function full(index: WorkspaceIndex): unknown {
  const view = new WorkspaceView(index.uris().map((u) => index.get(u)!));
  return [...runWorkspaceRules(view, DEFAULT_CONFIG, WORKSPACE_RULES).byUri].sort(([a], [b]) => (a < b ? -1 : 1));
}

test('incremental findings equal a full run after every edit of random edit sequences', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
      const index = new WorkspaceIndex();
      const extractor = new FactsExtractor();
      const rules = new IncrementalRules(WORKSPACE_RULES);
      for (const e of edits) {
        const uri = `file:///ws/f${e.file}.yaml`;
        if (e.docs === null) {
          // As the folder index does for a file that is gone.
          index.delete(uri);
          extractor.forget(uri);
        } else index.set(extractor.ofText(uri, render(e.docs)));
        const incremental = [...rules.run(index.view(), DEFAULT_CONFIG).byUri].sort(([a], [b]) => (a < b ? -1 : 1));
        assert.deepEqual(incremental, full(index));
      }
    }),
    { numRuns: 150 },
  );
});

test('an edit re-runs only the rules that read what it changed', () => {
  const index = new WorkspaceIndex();
  const extractor = new FactsExtractor();
  const rules = new IncrementalRules(WORKSPACE_RULES);
  const texts = TEMPLATES.map((t, i) => t(NAMESPACES[i % NAMESPACES.length], i));
  texts.forEach((text, i) => index.set(extractor.ofText(`file:///ws/t${i}.yaml`, text)));
  rules.run(index.view(), DEFAULT_CONFIG);
  const all = rules.ranRules;
  assert.ok(all > 0);
  rules.run(index.view(), DEFAULT_CONFIG);
  assert.equal(rules.ranRules, all, 'nothing changed: no rule runs');
  // A Certificate's issuer changed: only rules that read certificates (or every file) run again.
  index.set(extractor.ofText('file:///ws/t6.yaml', texts[6].replace('issuer-0', 'issuer-2')));
  rules.run(index.view(), DEFAULT_CONFIG);
  const rerun = rules.ranRules - all;
  assert.ok(rerun > 0, 'the rules reading certificates run');
  assert.ok(rerun < WORKSPACE_RULES.length / 2, `${rerun} of ${WORKSPACE_RULES.length} rules ran again`);
});

test('facts after an edit move to their new offsets and share what did not move', () => {
  const extractor = new FactsExtractor();
  const deployment = TEMPLATES[3]('shop', 1);
  const first = extractor.ofText('file:///ws/a.yaml', `${TEMPLATES[5]('shop', 1)}---\n${deployment}`);
  const second = extractor.ofText('file:///ws/a.yaml', `# a comment\n${TEMPLATES[5]('shop', 1)}---\n${deployment}`);
  const before = first.facts.find((f): f is WorkloadFact => f.type === 'workload')!;
  const after = second.facts.find((f): f is WorkloadFact => f.type === 'workload')!;
  assert.equal(after.site.start, before.site.start + '# a comment\n'.length);
  assert.equal(after.site.line, before.site.line + 1);
  assert.equal(after.podLabels, before.podLabels, 'labels are shared, not copied');
});

test('equal documents in two files (a base copied per environment) do not take over each other’s cached facts', () => {
  const extractor = new FactsExtractor();
  const text = `${TEMPLATES[5]('shop', 1)}---\n${TEMPLATES[3]('shop', 1)}`;
  const a = extractor.ofText('file:///ws/prod/a.yaml', text);
  const b = extractor.ofText('file:///ws/stage/a.yaml', text);
  const again = extractor.ofText('file:///ws/prod/a.yaml', text);
  assert.equal(again.signature, a.signature, 'reading the other copy leaves this file unchanged for the index');
  assert.ok(
    b.facts.every((f) => f.uri === 'file:///ws/stage/a.yaml'),
    'each copy has facts of its own file',
  );
});

test('a List item whose List ends elsewhere changes the file signature, though the item and the file length do not', () => {
  // The List's trailing metadata loses a character and a comment document after it gains one: each
  // item keeps its text, start and line, and the file its length, but the facts' docEnd moves.
  const list = (version: string): string =>
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: sa, namespace: shop}\n' +
    `metadata:\n  resourceVersion: "${version}"\n---\n`;
  const before = `${list('12')}# note a\n`;
  const after = `${list('1')}# note ab\n`;
  assert.equal(after.length, before.length);
  const extractor = new FactsExtractor();
  const a = extractor.ofText('file:///ws/list.yaml', before);
  const b = extractor.ofText('file:///ws/list.yaml', after);
  assert.deepEqual([a.facts.length, b.facts.map((f) => f.docEnd)], [1, [a.facts[0].docEnd - 1]]);
  assert.notEqual(b.signature, a.signature, 'the index must take the new facts (their docEnd is where a fix adds a document)');
});

test('a file that leaves keeps nothing per URI in the view or the extractor, and readers of it still re-run', () => {
  const uris = Array.from({ length: 50 }, (_, i) => `file:///ws/gone-${i}.yaml`);
  const extractor = new FactsExtractor();
  const view = new WorkspaceView();
  const engine = newEngine();
  for (const [i, uri] of uris.entries()) {
    const text = TEMPLATES[5]('shop', 1);
    // Half the files as the editor reads them (from a check), half as from disk.
    view.replace(uri, i % 2 ? extractor.ofText(uri, text) : extractor.ofAnalysis(uri, text, engine.analyze(text, DEFAULT_CONFIG)));
  }
  const seen = view.recording(() => view.file(uris[0]));
  const version = view.version;
  for (const uri of uris) {
    view.replace(uri, undefined);
    extractor.forget(uri);
  }
  const internals = {
    view: view as unknown as { fileChangedAt: Map<string, number> },
    extractor: extractor as unknown as { fileNumbers: Map<string, number>; byResult: Map<string, unknown> },
  };
  assert.deepEqual([internals.view.fileChangedAt.size, internals.extractor.fileNumbers.size, internals.extractor.byResult.size], [0, 0, 0]);
  assert.ok(seen.value, 'the reader saw the file');
  assert.equal(view.changedSince(seen.keys, version), true, 'a reader of the removed file runs again');
  // A file that comes back gets facts of its own URI again (its cache number is new, never reused).
  const back = extractor.ofText(uris[0], TEMPLATES[5]('shop', 1));
  assert.ok(back.facts.length > 0 && back.facts.every((f) => f.uri === uris[0]));
});
