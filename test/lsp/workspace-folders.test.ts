// Protocol test: a workspace folder added while the server runs is scanned (its files count in the
// open document's workspace findings), and removed again it no longer counts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DENY_SANDBOX, ordersWithMode } from '../support/sample-manifests';
import { TestLspClient } from '../support/lsp-client';
import { writeTempWorkspace } from '../support/temp-workspace';

const RULE = 'authorization-identity-without-strict';
const has = (d: Diagnostic[]): boolean => d.some((x) => x.code === RULE);

const first = writeTempWorkspace({ 'other.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: first\n' });
const second = writeTempWorkspace({ 'deny.yaml': DENY_SANDBOX, 'orders.yaml': ordersWithMode('PERMISSIVE') });
const client = new TestLspClient();

after(async () => {
  await client.dispose();
  for (const d of [first, second]) fs.rmSync(d, { recursive: true, force: true });
});

test('folders added at run time are indexed, removed ones dropped', async () => {
  await client.initialize(pathToFileURL(first).href, [{ uri: pathToFileURL(first).href, name: 'first' }]);
  const deny = pathToFileURL(path.join(second, 'deny.yaml')).href;
  // Outside every folder, the open file is alone: the PERMISSIVE workload in orders.yaml is unknown.
  const alone = await client.openAndWait(deny, DENY_SANDBOX);
  assert.ok(!has(alone), JSON.stringify(alone));

  const found = client.waitForDiagnostics(deny, has);
  const folder = { uri: pathToFileURL(second).href, name: 'second' };
  void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
  await found;

  const gone = client.waitForDiagnostics(deny, (d) => !has(d));
  void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
  await gone;
});
