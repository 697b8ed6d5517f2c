// Protocol tests of the policy model in the editor: the meshlint/effectivePolicy request (by name and
// by position), the meshlint.explainWorkload command, CodeLens on workloads and policies (resolved
// lazily), the hover on a workload's name, and meshlint/indexChanged when a file changes on disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import type { EffectivePolicy } from '../../server/src/core/policy/types';
import { TestLspClient } from '../support/lsp-client';
import { writeTempWorkspace } from '../support/temp-workspace';
import { authorizationPolicy, deployment, docs, namespace, peerAuthentication } from '../support/explain';

const WORKLOAD = docs(namespace('shop'), deployment('shop', 'cart', { app: 'cart' }));
const POLICIES = docs(
  peerAuthentication({ ns: 'istio-system', name: 'default' }, '  mtls: {mode: STRICT}\n'),
  authorizationPolicy({ ns: 'shop', name: 'no-delete' }, '  action: DENY\n  rules: [{to: [{operation: {methods: [DELETE]}}]}]\n'),
);

let dir: string;
let client: TestLspClient;
let indexChanges = 0;
let onIndexChanged: (() => void)[] = [];
const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;
const nextIndexChange = (): Promise<void> => new Promise((resolve) => onIndexChanged.push(resolve));

before(async () => {
  dir = writeTempWorkspace({ 'workload.yaml': WORKLOAD, 'policies.yaml': POLICIES });
  client = new TestLspClient();
  client.connection.onNotification('meshlint/indexChanged', () => {
    indexChanges++;
    const waiting = onIndexChanged;
    onIndexChanged = [];
    for (const w of waiting) w();
  });
  const scanned = nextIndexChange();
  await client.initialize(pathToFileURL(dir).href, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
  await scanned;
});

after(async () => {
  await client.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('meshlint/effectivePolicy by name, by position, and through meshlint.explainWorkload agree', async () => {
  const byName = await client.connection.sendRequest<EffectivePolicy>('meshlint/effectivePolicy', {
    workload: { namespace: 'shop', name: 'cart' },
  });
  assert.equal(byName.mtls.defaultMode, 'STRICT');
  assert.deepEqual(
    byName.authorization.deny.map((p) => p.policy.name),
    ['no-delete'],
  );
  await client.openAndWait(uriOf('workload.yaml'), WORKLOAD);
  const line = WORKLOAD.split('\n').findIndex((l) => l.includes('name: cart'));
  const byPosition = await client.connection.sendRequest<EffectivePolicy | null>('meshlint/effectivePolicy', {
    textDocument: { uri: uriOf('workload.yaml') },
    position: { line, character: 20 },
  });
  assert.equal(byPosition?.workload.name, 'cart');
  const onNamespace = await client.connection.sendRequest<EffectivePolicy | null>('meshlint/effectivePolicy', {
    textDocument: { uri: uriOf('workload.yaml') },
    position: { line: 1, character: 2 },
  });
  assert.equal(onNamespace, null, 'the Namespace document is no workload');
  const byCommand = await client.connection.sendRequest<EffectivePolicy>('workspace/executeCommand', {
    command: 'meshlint.explainWorkload',
    arguments: [{ workload: { namespace: 'shop', name: 'cart' }, port: 8080 }],
  });
  assert.deepEqual(
    byCommand.mtls.ports.map((p) => [p.port, p.mode]),
    [[8080, 'STRICT']],
  );
  assert.equal(await client.connection.sendRequest('meshlint/effectivePolicy', { workload: { namespace: 'shop', name: 'nope' } }), null);
});

test('CodeLens: a summary above the workload, the reach above each policy, resolved on request', async () => {
  const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', {
    textDocument: { uri: uriOf('workload.yaml') },
  });
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].command, undefined, 'resolved lazily');
  const resolved = await client.connection.sendRequest<CodeLens>('codeLens/resolve', lenses[0]);
  assert.equal(resolved.command?.title, 'mTLS STRICT · 1 DENY · Explain');
  assert.equal(resolved.command?.command, 'meshlint.explainWorkload');
  const policyLenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', {
    textDocument: { uri: uriOf('policies.yaml') },
  });
  const titles = await Promise.all(
    policyLenses.map(async (l) => (await client.connection.sendRequest<CodeLens>('codeLens/resolve', l)).command?.title),
  );
  assert.deepEqual(titles, ['applies to 1 workload', 'applies to 1 workload']);
});

test("hover on a workload's name summarises its policy", async () => {
  const line = WORKLOAD.split('\n').findIndex((l) => l.includes('name: cart'));
  const character = WORKLOAD.split('\n')[line].indexOf('cart') + 1;
  const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
    textDocument: { uri: uriOf('workload.yaml') },
    position: { line, character },
  });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /identity `spiffe:\/\/cluster\.local\/ns\/shop\/sa\/default`/);
  assert.match(value, /DENY AuthorizationPolicy `shop\/no-delete`/);
});

test('meshlint/indexChanged follows a file change on disk, and the answer with it', async () => {
  const before = indexChanges;
  let changed = nextIndexChange();
  fs.writeFileSync(path.join(dir, 'ns-pa.yaml'), peerAuthentication({ ns: 'shop', name: 'default' }, '  mtls: {mode: PERMISSIVE}\n'));
  client.filesChanged([{ uri: uriOf('ns-pa.yaml'), type: 1 }]);
  // A notification still due from an earlier change may come first: wait for the one that carries this file.
  let mode = '';
  for (let i = 0; i < 3 && mode !== 'PERMISSIVE'; i++) {
    await changed;
    changed = nextIndexChange();
    const now = await client.connection.sendRequest<EffectivePolicy>('meshlint/effectivePolicy', {
      workload: { namespace: 'shop', name: 'cart' },
    });
    mode = now.mtls.defaultMode;
  }
  assert.ok(indexChanges > before);
  assert.equal(mode, 'PERMISSIVE');
});
