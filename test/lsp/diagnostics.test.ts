// Protocol tests: the built server over stdio, driven the way an editor drives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lsp-client';
import { peerAuthentication, spiffePrincipalPolicy } from '../support/sample-manifests';

const PERMISSIVE = peerAuthentication({ namespace: 'shop # team shop', mode: 'PERMISSIVE   # keep until the batch jobs have sidecars' });

let client: TestLspClient;
before(async () => {
  client = new TestLspClient();
  await client.initialize();
});
after(async () => client.dispose());

test('diagnostics arrive on the exact range with code, link and source', async () => {
  const uri = 'file:///tmp/meshlint-lsp/pa.yaml';
  const diags = await client.openAndWait(uri, PERMISSIVE, (d) => d.length > 0);
  assert.equal(diags.length, 1);
  const d = diags[0];
  assert.equal(d.code, 'peer-authentication-permissive');
  assert.equal(d.source, 'meshlint');
  assert.deepEqual(d.range, { start: { line: 7, character: 10 }, end: { line: 7, character: 20 } });
  assert.match(d.codeDescription?.href ?? '', /docs\/rules\/peer-authentication-permissive\.md$/);
  client.close(uri);
});

test('the STRICT quick fix changes only the value and the diagnostic goes away', async () => {
  const uri = 'file:///tmp/meshlint-lsp/fix.yaml';
  const [diag] = await client.openAndWait(uri, PERMISSIVE, (d) => d.length > 0);
  const actions = await client.quickFixes(uri, diag);
  const fix = actions.find((a) => a.title === 'Set mode to STRICT');
  assert.ok(fix?.edit?.changes, JSON.stringify(actions));
  assert.equal(fix.isPreferred, true, 'still the preferred quick fix, though fix all skips it');
  const edits = fix.edit.changes[uri];
  const doc = TextDocument.create(uri, 'yaml', 1, PERMISSIVE);
  const fixed = TextDocument.applyEdits(doc, edits);
  assert.equal(fixed, PERMISSIVE.replace('mode: PERMISSIVE', 'mode: STRICT'));

  const cleared = client.waitForDiagnostics(uri, (_d, p) => p.version === 2);
  client.changeByEdits(uri, edits);
  assert.deepEqual(await cleared, []);
  client.close(uri);
});

test('fix all applies every safe fix in one edit, and leaves the STRICT suggestions alone', async () => {
  const uri = 'file:///tmp/meshlint-lsp/fixall.yaml';
  // The second policy is in another namespace: two namespace-wide policies in one would be a duplicate.
  const disable = PERMISSIVE.replace('PERMISSIVE ', 'DISABLE    ').replace('namespace: shop', 'namespace: pay ');
  const spiffe = spiffePrincipalPolicy();
  const text = `${PERMISSIVE}---\n${disable}---\n${spiffe}---\n${spiffe.replace('web-callers', 'web-callers-2')}`;
  await client.openAndWait(uri, text, (d) => d.length === 4);
  const actions = await client.fixAll(uri);
  assert.equal(actions.length, 1);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), actions[0].edit?.changes?.[uri] ?? []);
  assert.equal(fixed, text.replaceAll('spiffe://', ''));
  client.close(uri);
});

test('a broken file does not stop the server answering for the next file', async () => {
  const broken = 'file:///tmp/meshlint-lsp/broken.yaml';
  const junk = `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n\u0000\u0007: [{{\n\t- x: *nope\n`;
  const bd: Diagnostic[] = await client.openAndWait(broken, junk, (d) => d.length > 0);
  assert.ok(
    bd.every((d) => d.code === 'yaml-syntax' || d.code === 'helm-template'),
    JSON.stringify(bd),
  );

  const good = 'file:///tmp/meshlint-lsp/after-broken.yaml';
  assert.equal((await client.openAndWait(good, PERMISSIVE, (d) => d.length > 0))[0].code, 'peer-authentication-permissive');
  client.close(broken);
  client.close(good);
});

test('settings are read per document: a rule set to off disappears after a configuration change', async () => {
  const uri = 'file:///tmp/meshlint-lsp/settings.yaml';
  await client.openAndWait(uri, PERMISSIVE, (d) => d.length === 1);
  client.settings = { rules: { 'peer-authentication-permissive': 'off' } };
  const cleared = client.waitForDiagnostics(uri, (d) => d.length === 0);
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await cleared;
  client.settings = {};
  client.close(uri);
});
