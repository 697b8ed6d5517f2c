// meshlint/workspaceInventory through the real server: the workloads, service accounts and Service
// ports of the workspace folder, which the VS Code pickers (Explain Workload, Check Access) list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../support/lsp-client';
import { writeTempWorkspace } from '../support/temp-workspace';
import { PACKAGE_DIR } from '../support/engine';
import type { WorkspaceInventory } from '../../server/src/lsp/protocol';

let dir: string;
let client: TestLspClient;

before(async () => {
  const example = path.join(PACKAGE_DIR, 'test', 'e2e', 'workspace', 'mesh', 'retail.yaml');
  dir = writeTempWorkspace({ 'retail.yaml': fs.readFileSync(example, 'utf8') });
  client = new TestLspClient();
  await client.initialize(pathToFileURL(dir).href, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
});

after(async () => {
  await client.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the inventory of a folder, asked for with a file in it or with none', async () => {
  const inFolder = await client.request<WorkspaceInventory>('meshlint/workspaceInventory', {
    uri: pathToFileURL(path.join(dir, 'any.yaml')).href,
  });
  assert.deepEqual(
    inFolder.workloads.map((w) => `${w.kind} ${w.namespace}/${w.name} sa ${w.serviceAccount}`),
    ['Deployment retail/cart sa cart', 'Deployment retail/web sa web'],
  );
  assert.deepEqual(
    inFolder.serviceAccounts.map((s) => `${s.namespace}/${s.name}`),
    ['retail/cart', 'retail/web'],
  );
  assert.deepEqual(inFolder.services, [
    { namespace: 'retail', name: 'cart', workloads: ['retail/cart'], ports: [{ port: 80, targetPort: 8080, name: 'http-api' }] },
  ]);
  assert.deepEqual(await client.request<WorkspaceInventory>('meshlint/workspaceInventory', {}), inFolder);
});
