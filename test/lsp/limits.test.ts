// Protocol tests of a server facing a bad or slow client, or a heavy file: a broken message header
// ends the server with a logged error (so the client restarts it); a client that never answers
// `workspace/configuration` still gets diagnostics with the defaults; a file event through a
// symbolic link that leads out of the workspace reads nothing; a cancelled request on a large file
// is answered as cancelled; a spent time budget yields partial results with a note, then the rest;
// a large file just opened gets its own findings first, then its workspace findings.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { DENY_SANDBOX, ordersWithMode, peerAuthentication } from '../support/sample-manifests';
import { messageOf, TestLspClient } from '../support/lsp-client';
import { writeTempWorkspace } from '../support/temp-workspace';
import { LARGE_OPEN_DOCUMENTS } from '../../server/src/lsp/rules-cache';

const RULE = 'authorization-identity-without-strict';
const REQUEST_CANCELLED = -32800;

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups) await c();
});

function newClient(): TestLspClient {
  const client = new TestLspClient();
  cleanups.push(() => client.dispose());
  return client;
}

/** `initialize` with our initializationOptions (time limits), then `initialized`. */
async function start(client: TestLspClient, options: Record<string, unknown>, folder?: string): Promise<void> {
  const uri = folder === undefined ? null : pathToFileURL(folder).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: uri === null ? null : [{ uri, name: 'ws' }],
    initializationOptions: options,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { relatedInformation: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    },
  });
  await client.connection.sendNotification('initialized', {});
}

/** `count` PeerAuthentications, each its own YAML document with its own text (no cache hits between them). */
function manyPolicies(count: number): string {
  return Array.from({ length: count }, (_, i) => peerAuthentication({ name: `pa-${i}`, mode: 'PERMISSIVE' })).join('---\n');
}

test('a message with a broken header ends the server with a logged error', { timeout: 30_000 }, async () => {
  const client = newClient();
  await start(client, {});
  client.writeRaw('Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}');
  const code = await client.exited;
  assert.equal(code, 1);
  assert.match(client.stderr.join(''), /cannot read a message from the client \(Content-Length value must be a number/);
});

test('a header line without a colon ends the server too', { timeout: 30_000 }, async () => {
  const client = newClient();
  await start(client, {});
  client.writeRaw('this is not a header\r\n\r\n');
  assert.equal(await client.exited, 1);
  assert.match(client.stderr.join(''), /cannot read a message from the client/);
});

test('a client that never answers workspace/configuration gets diagnostics with the defaults', async () => {
  const client = newClient();
  let asked = 0;
  const logs: string[] = [];
  client.connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  client.connection.onRequest('workspace/configuration', () => {
    asked++;
    return new Promise(() => undefined);
  });
  await start(client, { configurationTimeoutMs: 50 });
  const uri = 'file:///tmp/meshlint-limits/pa.yaml';
  const diags = await client.openAndWait(uri, peerAuthentication(), (d) => d.length > 0);
  assert.deepEqual(
    diags.map((d) => [d.code, d.severity]),
    [['peer-authentication-permissive', 2]],
  );
  assert.ok(asked > 0, 'the server did ask');
  assert.ok(
    logs.some((m) => /no answer to workspace\/configuration within 50 ms; using the default settings/.test(m)),
    JSON.stringify(logs),
  );
});

test('a file event through a symbolic link out of the workspace is ignored', async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-outside-'));
  // Outside the workspace: a STRICT policy for the orders workload that would clear the finding if read.
  fs.writeFileSync(
    path.join(outside, 'strict.yaml'),
    peerAuthentication({ name: 'orders-api', namespace: 'orders', app: 'orders-api', mode: 'STRICT' }),
  );
  const dir = writeTempWorkspace({ 'deny.yaml': DENY_SANDBOX, 'orders.yaml': ordersWithMode('PERMISSIVE') }, 'meshlint-limits-');
  fs.symlinkSync(path.join(outside, 'strict.yaml'), path.join(dir, 'strict.yaml'));
  fs.symlinkSync(outside, path.join(dir, 'linked'), 'dir');
  cleanups.push(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
  const client = newClient();
  await start(client, {}, dir);
  const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;
  const deny = uriOf('deny.yaml');
  await client.openAndWait(deny, DENY_SANDBOX, (d) => d.some((x) => x.code === RULE));
  // Every publish of deny.yaml from here on, until the one that follows the change inside the workspace.
  const seen: boolean[] = [];
  const followed = client.waitForDiagnostics(deny, (d) => {
    seen.push(d.some((x) => x.code === RULE));
    return messageOf(d.find((x) => x.code === RULE)).includes('DISABLE');
  });
  client.filesChanged([
    { uri: uriOf('strict.yaml'), type: 1 },
    { uri: uriOf('linked/strict.yaml'), type: 1 },
  ]);
  // Sent after the links: once its publish arrives, the server has handled them.
  fs.writeFileSync(path.join(dir, 'orders.yaml'), ordersWithMode('DISABLE'));
  client.filesChanged([{ uri: uriOf('orders.yaml'), type: 2 }]);
  await followed;
  assert.ok(!seen.includes(false), 'the finding never went away: the outside STRICT policy was not read');
});

test('a cancelled outline request on a large file is answered as cancelled', async () => {
  const client = newClient();
  // Budgets out of the way: this test is about cancellation alone.
  await start(client, { timeBudgetMs: 600_000 });
  const uri = 'file:///tmp/meshlint-limits/many.yaml';
  client.open(uri, manyPolicies(3000));
  const source = new CancellationTokenSource();
  const request = client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
  source.cancel();
  await assert.rejects(request, (err: unknown) => err instanceof ResponseError && err.code === REQUEST_CANCELLED);
  // The server goes on serving: the same request, not cancelled, gets the whole outline.
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols.length, 3000);
});

test('a spent time budget gives partial diagnostics with a note, then the rest', async () => {
  const client = newClient();
  const statuses: string[] = [];
  client.connection.onNotification('meshlint/status', (p: { message: string }) => {
    statuses.push(p.message);
  });
  // A budget of 0 ms: every run checks one more document, then publishes what it has.
  await start(client, { timeBudgetMs: 0 });
  const uri = 'file:///tmp/meshlint-limits/four.yaml';
  const partial = client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'check-partial'));
  const complete = client.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'peer-authentication-permissive').length === 4);
  client.open(uri, manyPolicies(4));
  const note = (await partial).find((x) => x.code === 'check-partial');
  assert.match(messageOf(note), /stopped after \d of 4 YAML documents of this file \(time budget\); results are partial/);
  const all = await complete;
  assert.equal(all.filter((x) => x.code === 'check-partial').length, 0, 'the note goes once the whole file is checked');
  assert.ok(
    statuses.some((m) => /checking stopped after/.test(m)),
    JSON.stringify(statuses),
  );

  // The outline of a new file within a 0 ms budget: the first document, and a note in the status.
  const other = 'file:///tmp/meshlint-limits/three.yaml';
  client.open(other, manyPolicies(3).replace(/pa-/g, 'other-'));
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
  assert.ok(symbols.length >= 1 && symbols.length <= 3);
  if (symbols.length < 3)
    assert.ok(
      statuses.some((m) => /the outline stopped after/.test(m)),
      JSON.stringify(statuses),
    );
});

test(
  'a large file just opened: its own findings are published first, and its workspace findings as soon as that publish is out',
  { timeout: 60_000 },
  async () => {
    const client = newClient();
    // A typing pause no test waits out: the workspace findings can only come from the run the publish starts.
    await start(client, { typingPauseMs: 3_600_000 });
    const uri = 'file:///large/policies.yaml';
    const policies = Array.from({ length: LARGE_OPEN_DOCUMENTS }, (_, i) =>
      peerAuthentication({ name: `pa-${i}`, namespace: `team-${i}`, mode: 'STRICT' }),
    );
    // A second namespace-wide policy for team-0: a workspace rule reports the pair.
    const text = [...policies, peerAuthentication({ name: 'pa-0-copy', namespace: 'team-0', mode: 'STRICT' })].join('---\n');
    const withWorkspace: boolean[] = [];
    const done = client.waitForDiagnostics(
      uri,
      (d) => {
        withWorkspace.push(d.some((x) => x.code === 'peer-authentication-duplicate'));
        return withWorkspace[withWorkspace.length - 1];
      },
      30_000,
    );
    client.open(uri, text);
    await done;
    assert.equal(withWorkspace[0], false, "the first publish carries the file's own findings only");
    assert.ok(withWorkspace.length >= 2);
  },
);
