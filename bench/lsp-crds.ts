// Edit -> diagnostics through the real server with the Istio and cert-manager CRDs in the workspace,
// as a ratio to the same edits on a server with the built-in schemas, both run side by side in the
// same run (edits alternate between the two). Also the time from opening to the first publish that
// uses the CRDs (scan, registry build, re-check). Records the machine load.
// Run: npm run bench:lsp-crds   (options: --docs N, --edits N; needs ../shared/upstream or MESHLINT_SHARED_UPSTREAM)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../test/support/lsp-client';
import { writeTempWorkspace } from '../test/support/temp-workspace';
import { CERT_MANAGER_CRDS, ISTIO_CRDS } from '../test/support/crds';
import { generateManifest } from './generate';
import { arg, median } from './stats';

interface Side {
  client: TestLspClient;
  uri: string;
  dir: string;
  times: number[];
}

async function start(files: Record<string, string>, text: string, waitForCrds: boolean): Promise<Side & { readyMs: number }> {
  const dir = writeTempWorkspace(files, 'meshlint-bench-');
  const client = new TestLspClient();
  // The server logs when it starts checking against the workspace's CRDs.
  let crdsLoaded: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (crdsLoaded = resolve));
  client.connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (p.message.includes("against the workspace's CRDs")) crdsLoaded();
  });
  const root = pathToFileURL(dir).href;
  await client.initialize(root, [{ uri: root, name: 'bench' }]);
  const uri = pathToFileURL(path.join(dir, 'mesh.yaml')).href;
  const t = performance.now();
  await client.openAndWait(uri, text);
  if (waitForCrds) {
    await loaded;
    // The swap re-checks the open file: its publish is the first with the CRDs.
    await client.waitForDiagnostics(uri);
  }
  return { client, uri, dir, times: [], readyMs: performance.now() - t };
}

async function edit(side: Side, line: number, col: number, ch: string, record: boolean): Promise<void> {
  const t = performance.now();
  let version = 0;
  const published = side.client.waitForDiagnostics(side.uri, (_d, p) => p.version === version);
  version = side.client.change(side.uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: ch }]);
  await published;
  if (record) side.times.push(performance.now() - t);
}

async function main(): Promise<void> {
  const docs = arg('--docs', 1000);
  const edits = arg('--edits', 40);
  const text = generateManifest(docs);
  const lines = text.split('\n');
  const loadBefore = os.loadavg();
  const crds = {
    'crds/istio.yaml': fs.readFileSync(ISTIO_CRDS, 'utf8'),
    'crds/cert-manager.yaml': fs.readFileSync(CERT_MANAGER_CRDS, 'utf8'),
  };
  const builtin = await start({ 'mesh.yaml': text }, text, false);
  const withCrds = await start({ 'mesh.yaml': text, ...crds }, text, true);

  // Type into one document in the middle of the file, alternating between the servers.
  const target = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('  name: '));
  let current = lines[target];
  for (let i = 0; i < edits + 5; i++) {
    const col = current.length;
    const ch = String.fromCharCode(97 + (i % 26));
    current += ch;
    await edit(builtin, target, col, ch, i >= 5); // the first edits warm the JIT
    await edit(withCrds, target, col, ch, i >= 5);
  }
  for (const side of [builtin, withCrds]) {
    await side.client.dispose();
    fs.rmSync(side.dir, { recursive: true, force: true });
  }
  const base = median(builtin.times);
  const crd = median(withCrds.times);
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`${docs} documents, ${text.length} characters; median of ${builtin.times.length} edits each`);
  console.log('| measure | ms | ratio to built-in edit -> diagnostics |');
  console.log('|---|---|---|');
  console.log(`| edit -> diagnostics, built-in schemas (baseline) | ${base.toFixed(1)} | 1 |`);
  console.log(`| edit -> diagnostics, Istio + cert-manager CRDs in the workspace | ${crd.toFixed(1)} | ${(crd / base).toFixed(2)} |`);
  const open = `${withCrds.readyMs.toFixed(0)} ms, ${(withCrds.readyMs / builtin.readyMs).toFixed(2)}x the built-in open (${builtin.readyMs.toFixed(0)} ms)`;
  console.log(`open -> first diagnostics with the CRDs (scan, registry build, re-check): ${open}`);
  console.log(`load average before: ${load(loadBefore)}; after: ${load(os.loadavg())}`);
}

void main();
