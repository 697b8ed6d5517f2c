// Protocol tests of the workspace index: a server started on a real folder finds a problem that
// spans two files, re-publishes the open file when the other one changes (on disk or in the
// editor), follows .meshlint.yaml, honours meshlint.exclude, and offers the suppression quick fix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DENY_SANDBOX, ordersWithMode, peerAuthentication } from '../support/sample-manifests';
import { messageOf, TestLspClient } from '../support/lsp-client';
import { writeTempWorkspace } from '../support/temp-workspace';

const RULE = 'authorization-identity-without-strict';

const DENY = `# Keep the sandbox away from the orders API.\n${DENY_SANDBOX}`;

const WORKLOAD_STRICT = peerAuthentication({ name: 'orders-api', namespace: 'orders', app: 'orders-api', mode: 'STRICT' });

let dir: string;
let client: TestLspClient;
const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;
const has = (code: string) => (d: Diagnostic[]) => d.some((x) => x.code === code);
const lacks = (code: string) => (d: Diagnostic[]) => !d.some((x) => x.code === code);

before(async () => {
  dir = writeTempWorkspace({
    'deny.yaml': DENY,
    'orders.yaml': ordersWithMode('PERMISSIVE'),
    // Policies that would make the orders API STRICT, in folders the scan must skip (excluded, dependencies).
    'legacy/strict.yaml': WORKLOAD_STRICT,
    'node_modules/pkg/strict.yaml': WORKLOAD_STRICT,
  });
  client = new TestLspClient();
  client.settings = { exclude: ['legacy/**'] };
  await client.initialize(pathToFileURL(dir).href, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
});

after(async () => {
  await client.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a finding that needs two files: the open policy, the closed file that makes it wrong', async () => {
  const deny = uriOf('deny.yaml');
  const diags = await client.openAndWait(deny, DENY, has(RULE));
  const d = diags.find((x) => x.code === RULE);
  assert.ok(d);
  assert.deepEqual(d.range, { start: { line: 11, character: 12 }, end: { line: 11, character: 22 } }, 'on the `namespaces` key');
  assert.equal(d.severity, 2);
  const related = d.relatedInformation?.find((r) => r.location.uri === uriOf('orders.yaml'));
  assert.ok(related, JSON.stringify(d.relatedInformation));
  assert.deepEqual(related.location.range.start, { line: 7, character: 10 }, 'points at PERMISSIVE in the other file');
  // Had the excluded or the node_modules copy been indexed, the workload would be STRICT and this finding absent.
});

test('changing the other file on disk re-publishes the open file without the finding, and back', async () => {
  const deny = uriOf('deny.yaml');
  const orders = path.join(dir, 'orders.yaml');
  const cleared = client.waitForDiagnostics(deny, lacks(RULE));
  fs.writeFileSync(orders, ordersWithMode('STRICT'));
  client.filesChanged([{ uri: uriOf('orders.yaml'), type: 2 }]);
  await cleared;

  const back = client.waitForDiagnostics(deny, has(RULE));
  fs.writeFileSync(orders, ordersWithMode('DISABLE'));
  client.filesChanged([{ uri: uriOf('orders.yaml'), type: 2 }]);
  const diags = await back;
  assert.match(messageOf(diags.find((x) => x.code === RULE)), /DISABLE/);
});

test('the other file open in the editor wins over the disk, and its edits re-publish the first', async () => {
  const deny = uriOf('deny.yaml');
  const orders = uriOf('orders.yaml');
  const cleared = client.waitForDiagnostics(deny, lacks(RULE));
  client.open(orders, ordersWithMode('STRICT'));
  await cleared;

  const back = client.waitForDiagnostics(deny, has(RULE));
  const text = ordersWithMode('STRICT');
  const at = TextDocument.create(orders, 'yaml', 1, text).positionAt(text.indexOf('STRICT'));
  client.change(orders, [{ range: { start: at, end: { line: at.line, character: at.character + 'STRICT'.length } }, text: 'PERMISSIVE' }]);
  await back;

  // Closing it hands over to the disk copy (DISABLE, written above): still not STRICT.
  const afterClose = client.waitForDiagnostics(deny, (d) => messageOf(d.find((x) => x.code === RULE)).includes('DISABLE'));
  client.close(orders);
  await afterClose;
});

test('.meshlint.yaml: a malformed file gets its own diagnostic, a valid one switches a rule off, deleting it restores the default', async () => {
  const deny = uriOf('deny.yaml');
  const config = uriOf('.meshlint.yaml');
  const configFile = path.join(dir, '.meshlint.yaml');

  const bad = client.waitForDiagnostics(config, (d) => d.length > 0);
  fs.writeFileSync(configFile, `rules:\n  ${RULE}: loud\n`);
  client.filesChanged([{ uri: config, type: 1 }]);
  const problems = await bad;
  assert.equal(problems[0].code, 'meshlint-config');
  assert.deepEqual(problems[0].range.start, { line: 1, character: 41 }, 'on the bad level');

  const off = client.waitForDiagnostics(deny, lacks(RULE));
  const okConfig = client.waitForDiagnostics(config, (d) => d.length === 0);
  fs.writeFileSync(configFile, `rules:\n  ${RULE}: off\n`);
  client.filesChanged([{ uri: config, type: 2 }]);
  await off;
  await okConfig;

  const back = client.waitForDiagnostics(deny, has(RULE));
  fs.rmSync(configFile);
  client.filesChanged([{ uri: config, type: 3 }]);
  await back;
});

test('every meshlint diagnostic offers a suppression comment, indented like its line, that silences it', async () => {
  const deny = uriOf('deny.yaml');
  const diag = client.diagnosticsOf(deny).find((x) => x.code === RULE);
  assert.ok(diag, 'the previous test left the finding published');
  const actions = await client.quickFixes(deny, diag);
  const suppress = actions.find((a) => a.title === `Suppress ${RULE} on this line`);
  assert.ok(suppress?.edit?.changes, JSON.stringify(actions.map((a) => a.title)));
  const edits = suppress.edit.changes[deny];
  const fixed = TextDocument.applyEdits(TextDocument.create(deny, 'yaml', 1, DENY), edits);
  assert.equal(fixed, DENY.replace('            namespaces:', `            # meshlint-disable-next-line ${RULE}\n            namespaces:`));

  const gone = client.waitForDiagnostics(deny, (d, p) => p.version === 2 && lacks(RULE)(d));
  client.changeByEdits(deny, edits);
  await gone;
});

test('fix all applies only safe batch fixes, also in a file with workspace findings; their own fixes stay on request', async () => {
  const uri = uriOf('shop.yaml');
  const text = `${peerAuthentication({ namespace: 'shop', mode: 'PERMISSIVE # until the jobs have sidecars' })}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: cart-callers
  namespace: shop
spec:
  selector:
    matchLabels:
      app: cart
  rules:
    - from:
        - source:
            principals: ["spiffe://cluster.local/ns/shop/sa/checkout"]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  selector:
    matchLabels:
      app: cart
  template:
    metadata:
      labels:
        app: cart
    spec:
      containers:
        - name: cart
          image: registry.example.com/shop/cart:5.1.0
`;
  const diags = await client.openAndWait(uri, text, has('namespace-default-deny-missing'));
  const all = await client.fixAll(uri);
  assert.equal(all.length, 1);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), all[0].edit?.changes?.[uri] ?? []);
  // STRICT is a suggestion only: fix all leaves the mode and drops the principal's scheme.
  assert.equal(fixed, text.replace('spiffe://', ''));

  const deny = diags.find((d) => d.code === 'namespace-default-deny-missing');
  assert.ok(deny);
  const actions = await client.quickFixes(uri, deny);
  const add = actions.find((a) => a.title === 'Add an allow-nothing AuthorizationPolicy for shop');
  assert.ok(add?.edit?.changes, JSON.stringify(actions.map((a) => a.title)));
  const withPolicy = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), add.edit.changes[uri]);
  assert.ok(withPolicy.startsWith(text.slice(0, text.indexOf('---\napiVersion: apps/v1'))), 'everything before the insertion is unchanged');
  assert.ok(
    withPolicy.includes(
      '---\n# Deny by default in shop: only what an ALLOW policy names gets through.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-nothing\n  namespace: shop\nspec: {}\n---\napiVersion: apps/v1',
    ),
  );
  const cleared = client.waitForDiagnostics(uri, (d, p) => p.version === 2 && lacks('namespace-default-deny-missing')(d));
  client.change(uri, [{ text: withPolicy }]);
  await cleared;
  client.close(uri);
});
