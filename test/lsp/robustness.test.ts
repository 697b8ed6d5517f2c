// Protocol tests of the server under awkward timing or input: a document closed while its first
// check still waits for the client's settings must not stay "open" in the workspace index; files
// whose lines end in a lone `\r`, open or on disk, get the findings of their `\n` twins.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DENY_SANDBOX, ordersWithMode, peerAuthentication } from '../support/sample-manifests';
import { messageOf, TestLspClient } from '../support/lsp-client';
import { writeTempWorkspace } from '../support/temp-workspace';

const RULE = 'authorization-identity-without-strict';

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups) await c();
});

/**
 * A client whose answers to `workspace/configuration` for one document can be held back, so a test
 * can send other messages while the server waits for that answer.
 */
function holdingClient(): { client: TestLspClient; hold: (uri: string) => Promise<() => void> } {
  const client = new TestLspClient();
  let held: { uri: string; asked: (release: () => void) => void } | undefined;
  client.connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
    const answer = p.items.map((i) => (i.section === 'meshlint' ? client.settings : null));
    const h = held;
    if (!h || !p.items.some((i) => i.scopeUri === h.uri)) return answer;
    held = undefined;
    return new Promise((resolve) => h.asked(() => resolve(answer)));
  });
  return {
    client,
    hold: (uri) => new Promise((resolve) => (held = { uri, asked: resolve })),
  };
}

test('a document closed while its first check waits for settings hands over to the disk copy', async () => {
  const dir = writeTempWorkspace({ 'deny.yaml': DENY_SANDBOX, 'orders.yaml': ordersWithMode('PERMISSIVE') }, 'meshlint-robust-');
  const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;
  const { client, hold } = holdingClient();
  cleanups.push(async () => {
    await client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize(pathToFileURL(dir).href, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
  const deny = uriOf('deny.yaml');
  const orders = uriOf('orders.yaml');
  await client.openAndWait(deny, DENY_SANDBOX, (d) => d.some((x) => x.code === RULE));

  // The disk copy changes behind the server's back: closing the editor's copy must bring it in.
  fs.writeFileSync(path.join(dir, 'orders.yaml'), ordersWithMode('DISABLE'));
  const handedOver = client.waitForDiagnostics(deny, (d) => messageOf(d.find((x) => x.code === RULE)).includes('DISABLE'));
  // Open orders.yaml with unsaved STRICT text and close it before the server has its settings.
  const asked = hold(orders);
  client.open(orders, ordersWithMode('STRICT'));
  const release = await asked;
  client.close(orders);
  release();
  await handedOver;

  // orders.yaml is closed, so a later change on disk must reach the deny policy's findings too.
  const followed = client.waitForDiagnostics(deny, (d) => messageOf(d.find((x) => x.code === RULE)).includes('PERMISSIVE'));
  fs.writeFileSync(path.join(dir, 'orders.yaml'), ordersWithMode('PERMISSIVE'));
  client.filesChanged([{ uri: orders, type: 2 }]);
  await followed;
});

test('a client that refuses the file watcher registration does not take the server down', async () => {
  const client = new TestLspClient();
  cleanups.push(() => client.dispose());
  let refused: () => void = () => undefined;
  const registration = new Promise<void>((resolve) => (refused = resolve));
  client.connection.onRequest('client/registerCapability', () => {
    setImmediate(refused);
    throw new Error('registration is not supported here');
  });
  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await client.connection.sendNotification('initialized', {});
  await registration;
  const uri = 'file:///tmp/meshlint-robust/pa.yaml';
  const diags = await client.openAndWait(uri, peerAuthentication(), (d) => d.length > 0);
  assert.deepEqual(
    diags.map((d) => d.code),
    ['peer-authentication-permissive'],
  );
});

test('files with lone `\\r` line ends, open and on disk, get the diagnostics of their `\\n` twins', async () => {
  const classicMac = (text: string): string => text.replace(/\n/g, '\r');
  /** One finding of each file of a folder written with `style` line ends, as the server publishes it. */
  async function run(style: (t: string) => string): Promise<Record<string, unknown>> {
    const files = { 'deny.yaml': style(DENY_SANDBOX), 'orders.yaml': style(ordersWithMode('PERMISSIVE')) };
    const dir = writeTempWorkspace(files, 'meshlint-cr-');
    const client = new TestLspClient();
    cleanups.push(async () => {
      await client.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await client.initialize(pathToFileURL(dir).href, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
    const out: Record<string, unknown> = {};
    // deny.yaml's finding needs orders.yaml, which stays closed meanwhile: it is read from disk.
    for (const [name, code] of [
      ['deny.yaml', RULE],
      ['orders.yaml', 'peer-authentication-permissive'],
    ] as const) {
      const uri = pathToFileURL(path.join(dir, name)).href;
      const d = await client.openAndWait(uri, files[name], (all) => all.some((x) => x.code === code));
      out[name] = d.filter((x) => x.code === code).map((x) => ({ range: x.range, severity: x.severity, message: x.message }));
    }
    return out;
  }
  const lf = await run((t) => t);
  assert.ok(JSON.stringify(lf).includes('"line":7'), 'the findings are past the first lines');
  assert.deepEqual(await run(classicMac), lf);
});
