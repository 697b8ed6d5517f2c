// Stress benchmark: every input that once stalled meshlint, through the core and through the real
// server over stdio, each as milliseconds and as a ratio to a full `yaml` parse of a 100-document
// manifest measured in the same run; machine load recorded. Run: npm run bench:stress
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import picomatch from 'picomatch/posix';
import { Engine } from '../server/src/core/engine';
import { DEFAULT_CONFIG } from '../server/src/core/config';
import { outline } from '../server/src/core/outline/outline';
import { completeAt } from '../server/src/core/completion/complete';
import { ExcludeMatcher } from '../server/src/core/workspace/scan-policy';
import { registry } from '../test/support/engine';
import { TestLspClient } from '../test/support/lsp-client';
import { generateManifest } from './generate';
import { BACKTRACKING_GLOB, bigDocument, bigManifest, deepFlow, longLine, mergeKeys, middleLineEnd } from './stress-inputs';

interface Row {
  case: string;
  ms: number;
  ratio?: number;
  /** The target this case is held to (ms). */
  target: number;
}

const rows: Row[] = [];

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function baselineMs(): number {
  const text = generateManifest(100);
  return median(Array.from({ length: 7 }, () => time(() => parseAllDocuments(text))));
}

function record(name: string, ms: number, target: number): void {
  rows.push({ case: name, ms: +ms.toFixed(1), target });
  console.error(`${name}: ${ms.toFixed(1)} ms`);
}

function insertAt(text: string, at: number, s: string): string {
  return text.slice(0, at) + s + text.slice(at);
}

/** A file checked cold (as the CLI does), then once more after a one-character edit (as the editor does). */
function coreFile(name: string, text: string, symbols = false): void {
  const engine = new Engine(registry());
  record(
    `${name}: check (CLI)`,
    time(() => engine.analyze(text, DEFAULT_CONFIG)),
    2000,
  );
  const edited = insertAt(text, middleLineEnd(text), 'x');
  let analysis = engine.analyze(text, DEFAULT_CONFIG);
  record(
    `${name}: edit`,
    time(() => (analysis = engine.analyze(edited, DEFAULT_CONFIG))),
    1000,
  );
  if (symbols)
    record(
      `${name}: symbols`,
      time(() => outline(analysis)),
      1000,
    );
}

function core(): void {
  coreFile('3,000 merge keys', mergeKeys());
  coreFile('40,000-deep flow nesting', deepFlow());
  coreFile('7.9 MB, one document', bigDocument(), true);
  coreFile('7.9 MB, many documents', bigManifest(), true);
  const line = longLine();
  const deps = { registry: registry(), trustDomain: 'cluster.local' };
  const completion = median(Array.from({ length: 5 }, () => time(() => completeAt(line.text, line.offset, deps))));
  record('completion at the end of a 40,000-character line', completion, 1000);
  const matcher = new ExcludeMatcher([BACKTRACKING_GLOB, `**/${BACKTRACKING_GLOB}/**`]);
  const name = 'a'.repeat(45);
  record(
    `exclude ${BACKTRACKING_GLOB} on a 45-character name`,
    time(() => matcher.excludes(`${name}.yaml`)),
    100,
  );
  const longPath = `${'a'.repeat(500)}/`.repeat(8) + 'x.yaml';
  record(
    `exclude ${BACKTRACKING_GLOB} on a 4,000-character path`,
    time(() => matcher.excludes(longPath)),
    100,
  );
  // For reference only: picomatch's regular expression on a shorter name (45 characters takes seconds).
  const pico = picomatch(BACKTRACKING_GLOB, { dot: true });
  record(
    `(reference) picomatch ${BACKTRACKING_GLOB} on a 35-character name`,
    time(() => pico('a'.repeat(35))),
    Infinity,
  );
}

/** Opens the text in the real server, then types one character and waits for its diagnostics. */
type Extra = (uri: string, edited: string) => Promise<void>;

async function serverFile(client: TestLspClient, name: string, text: string, extra?: Extra): Promise<void> {
  const uri = `file:///stress/${name.replace(/\W+/g, '-')}.yaml`;
  let t = performance.now();
  const opened = client.waitForDiagnostics(uri, () => true, 300_000);
  client.open(uri, text);
  await opened;
  record(`server ${name}: open -> diagnostics`, performance.now() - t, 2000);
  const at = middleLineEnd(text);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  t = performance.now();
  let version = 0;
  const published = client.waitForDiagnostics(uri, (_d, p) => p.version === version, 120_000);
  version = client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
  await published;
  record(`server ${name}: edit -> diagnostics`, performance.now() - t, 1000);
  if (extra) await extra(uri, insertAt(text, at, 'x'));
}

async function server(): Promise<void> {
  const client = new TestLspClient();
  await client.initialize();
  await serverFile(client, '3,000 merge keys', mergeKeys());
  await serverFile(client, '40,000-deep flow nesting', deepFlow());
  const line = longLine();
  await serverFile(client, 'a 40,000-character line', line.text, async (uri, edited) => {
    const lines = edited.split('\n');
    const position = { line: lines.length - 2, character: lines[lines.length - 2].length };
    const t = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position });
    record('server completion at the end of a 40,000-character line', performance.now() - t, 1000);
  });
  for (const [name, text] of [
    ['7.9 MB, one document', bigDocument()],
    ['7.9 MB, many documents', bigManifest()],
  ] as const) {
    await serverFile(client, name, text, async (uri) => {
      const t = performance.now();
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      record(`server ${name}: symbols`, performance.now() - t, 1000);
    });
  }
  await client.dispose();
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const before = baselineMs();
  core();
  if (!process.argv.includes('--core-only')) await server();
  const base = (before + baselineMs()) / 2;
  for (const r of rows) r.ratio = +(r.ms / base).toFixed(2);
  const load = (l: number[]): number[] => l.map((x) => +x.toFixed(2));
  const report = { baselineMs: +base.toFixed(2), loadavgBefore: load(loadBefore), loadavgAfter: load(os.loadavg()), rows };
  console.log(JSON.stringify(report, null, 2));
  const over = rows.filter((r) => r.ms > r.target);
  console.log(over.length === 0 ? 'every case within its target' : `over target: ${over.map((r) => r.case).join('; ')}`);
}

void main();
