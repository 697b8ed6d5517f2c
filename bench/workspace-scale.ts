// A generated workspace of N files through the real server: time from start to the first
// diagnostics that need the whole workspace (a cross-file finding), a cross-file edit (edit one
// file, until the other file's findings are re-published), and the server's RSS per indexed file.
// Baselines from the same run: a full `yaml` parse of every file, and an idle server's RSS.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { TestLspClient } from '../test/support/lsp-client';
import { DENY_SANDBOX as DENY, peerAuthentication } from '../test/support/sample-manifests';
import { generateDocument } from './generate';
import { median, p95 } from './stats';

const RULE = 'authorization-identity-without-strict';
const ORDERS = (mode: string): string => peerAuthentication({ namespace: 'orders', mode });

export interface WorkspaceReport {
  files: number;
  fullParseMs: number;
  firstDiagnosticsMs: number;
  firstDiagnosticsRatioToParse: number;
  crossFileEditMedianMs: number;
  crossFileEditP95Ms: number;
  crossFileEditRatioToFirstScan: number;
  rssMb: number;
  idleRssMb: number;
  rssKbPerFile: number;
}

/** Writes N files (one or two documents each, in 100 folders) plus the two files the edit plays on. */
export function writeWorkspace(files: number): { dir: string; texts: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-bench-ws-'));
  const texts: string[] = [];
  for (let i = 0; i < files - 2; i++) {
    const text = i % 3 === 0 ? `${generateDocument(i)}---\n${generateDocument(i + 1)}` : generateDocument(i);
    const sub = path.join(dir, `team-${i % 100}`);
    if (i < 100) fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `r-${i}.yaml`), text);
    texts.push(text);
  }
  fs.writeFileSync(path.join(dir, 'deny.yaml'), DENY);
  fs.writeFileSync(path.join(dir, 'orders.yaml'), ORDERS('PERMISSIVE'));
  return { dir, texts: [...texts, DENY, ORDERS('PERMISSIVE')] };
}

function rssMb(client: TestLspClient): number {
  const pid = (client as unknown as { child: ChildProcess }).child.pid;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

export async function workspaceBench(files: number, edits: number): Promise<WorkspaceReport> {
  const { dir, texts } = writeWorkspace(files);
  let t = performance.now();
  for (const text of texts) parseAllDocuments(text);
  const parseMs = performance.now() - t;

  const idle = new TestLspClient();
  await idle.initialize();
  const idleRss = rssMb(idle);
  await idle.dispose();

  const client = new TestLspClient();
  const denyUri = pathToFileURL(path.join(dir, 'deny.yaml')).href;
  const ordersUri = pathToFileURL(path.join(dir, 'orders.yaml')).href;
  const has = (d: { code?: unknown }[]): boolean => d.some((x) => x.code === RULE);
  t = performance.now();
  const rootUri = pathToFileURL(dir).href;
  await client.initialize(rootUri, [{ uri: rootUri, name: 'bench' }]);
  const first = client.waitForDiagnostics(denyUri, has, 600_000);
  client.open(denyUri, DENY);
  await first;
  const firstMs = performance.now() - t;
  await client.openAndWait(ordersUri, ORDERS('PERMISSIVE'));

  const times: number[] = [];
  const modeLine = 7;
  let mode = 'PERMISSIVE';
  for (let i = 0; i < edits + 3; i++) {
    const next = mode === 'PERMISSIVE' ? 'STRICT' : 'PERMISSIVE';
    const republished = client.waitForDiagnostics(denyUri, (d) => has(d) === (next === 'PERMISSIVE'), 120_000);
    t = performance.now();
    client.change(ordersUri, [
      { range: { start: { line: modeLine, character: 10 }, end: { line: modeLine, character: 10 + mode.length } }, text: next },
    ]);
    await republished;
    if (i >= 3) times.push(performance.now() - t);
    mode = next;
  }
  const rss = rssMb(client);
  await client.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
  const editMedian = median(times);
  return {
    files,
    fullParseMs: +parseMs.toFixed(1),
    firstDiagnosticsMs: +firstMs.toFixed(1),
    firstDiagnosticsRatioToParse: +(firstMs / parseMs).toFixed(3),
    crossFileEditMedianMs: +editMedian.toFixed(2),
    crossFileEditP95Ms: +p95(times).toFixed(2),
    crossFileEditRatioToFirstScan: +(editMedian / firstMs).toFixed(4),
    rssMb: +rss.toFixed(1),
    idleRssMb: +idleRss.toFixed(1),
    rssKbPerFile: +(((rss - idleRss) * 1024) / files).toFixed(2),
  };
}
