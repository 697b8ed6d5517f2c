// Latency benchmark through the real server: open->diagnostics and edit->diagnostics on a
// generated N-document manifest, each reported as a ratio to a full `yaml` parse of the same
// text measured in the same run (so the figures compare across machines).
// Run alone: node out/bench/latency.js (options: --docs N, --edits N); `npm run bench` runs it for
// 1,000 and 5,000 documents (bench/run-all.ts).
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver';
import { PARTIAL_RULE_ID } from '../server/src/lsp/budget';
import { TestLspClient } from '../test/support/lsp-client';
import { WORKSPACE_FINDING_RULE, generateManifestWithWorkspaceFinding } from './generate';
import { arg, median, p95 } from './stats';
import { shippedParseAll } from './yaml-builds';
import { freshParseMs } from './fresh-parse';

export function fullParseMs(text: string, runs: number, parseAll: (text: string) => unknown = parseAllDocuments): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    parseAll(text);
    times.push(performance.now() - t);
  }
  return median(times);
}

export interface LatencyReport {
  documents: number;
  characters: number;
  fullParseMs: number;
  /** The same parse with the `yaml` build the server bundle ships (yaml-builds.ts). */
  shippedParseMs: number;
  /** Open -> the first complete publish (not cut short by the time budget). */
  openToDiagnosticsMs: number;
  openRatio: number;
  /** True when the first publish was partial (the check's time budget ran out; the rest followed). */
  openPartial: boolean;
  /**
   * Open -> the publish that carries the file's workspace finding (each generated file holds one
   * pair that a workspace rule reports). The same publish as the first complete one when the
   * workspace part runs inline; later when it follows it (a folder whose index updates proved
   * costly, or a large file just opened).
   */
  openCompleteMs: number;
  openCompleteRatio: number;
  /**
   * A second file of the same size and shape (other names, so no cached result applies), opened
   * after the first: the server's code is warm then, as in an editor that has checked a file or
   * scanned a folder before. The first open above is the server's very first check.
   */
  secondOpenToDiagnosticsMs: number;
  secondOpenRatio: number;
  secondOpenCompleteMs: number;
  secondOpenCompleteRatio: number;
  secondOpenPartial: boolean;
  /**
   * The first parse of the same text in a fresh process (median of three; bench/fresh-parse.ts): as
   * cold as the server's first check. The first open against it compares cold with cold, as the
   * second open against `fullParseMs` compares warm with warm.
   */
  freshParseMs: number;
  openRatioToFreshParse: number;
  /** The two opens against the shipped build's parse. */
  openRatioToShippedParse: number;
  secondOpenRatioToShippedParse: number;
  editToDiagnosticsMedianMs: number;
  editToDiagnosticsP95Ms: number;
  editRatioMedian: number;
  editRatioP95: number;
  edits: number;
}

/** A publish without the note that the check stopped at its time budget. */
const complete = (d: Diagnostic[]): boolean => !d.some((x) => x.code === PARTIAL_RULE_ID);
/** A publish with the file's workspace finding (generateManifestWithWorkspaceFinding). */
const withWorkspace = (d: Diagnostic[]): boolean => complete(d) && d.some((x) => x.code === WORKSPACE_FINDING_RULE);

/** Opens a file and times the first complete publish and the publish with its workspace finding. */
async function timedOpen(client: TestLspClient, uri: string, text: string): Promise<{ ms: number; partial: boolean; completeMs: number }> {
  const t = performance.now();
  let ms = 0;
  const first = client.waitForDiagnostics(uri).then((d) => {
    ms = performance.now() - t;
    return d;
  });
  const all = client.waitForDiagnostics(uri, withWorkspace, 120_000);
  client.open(uri, text);
  const partial = !complete(await first);
  if (partial) await client.waitForDiagnostics(uri, complete, 120_000);
  await all;
  return { ms, partial, completeMs: performance.now() - t };
}

export async function latencyBench(docs: number, edits: number): Promise<LatencyReport> {
  const text = generateManifestWithWorkspaceFinding(docs);
  const lines = text.split('\n');
  const client = new TestLspClient();
  await client.initialize();
  const uri = `file:///bench/mesh-${docs}.yaml`;

  // Baseline before and after the server runs, so machine noise shows up in both.
  const parseBefore = fullParseMs(text, 7);

  // The second open starts once the first file is checked to its end, workspace part included.
  const first = await timedOpen(client, uri, text);
  const second = await timedOpen(client, `file:///bench/mesh-${docs}-second.yaml`, generateManifestWithWorkspaceFinding(docs, docs));

  // Type into one document in the middle of the file: append a character to a metadata name,
  // the way a person edits, as an incremental change.
  const target = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('  name: '));
  const editTimes: number[] = [];
  let current = lines[target];
  for (let i = 0; i < edits + 5; i++) {
    const col = current.length;
    const ch = String.fromCharCode(97 + (i % 26));
    current += ch;
    const t = performance.now();
    let version = 0;
    const published = client.waitForDiagnostics(uri, (_d, p) => p.version === version);
    version = client.change(uri, [{ range: { start: { line: target, character: col }, end: { line: target, character: col } }, text: ch }]);
    await published;
    if (i >= 5) editTimes.push(performance.now() - t); // the first edits warm the JIT
  }
  await client.dispose();
  const parseAfter = fullParseMs(text, 7);
  const parse = (parseBefore + parseAfter) / 2;
  const shipped = fullParseMs(text, 7, shippedParseAll());
  const fresh = await freshParseMs(text);

  const editMedian = median(editTimes);
  return {
    documents: docs,
    characters: text.length,
    fullParseMs: +parse.toFixed(2),
    shippedParseMs: +shipped.toFixed(2),
    openToDiagnosticsMs: +first.ms.toFixed(2),
    openRatio: +(first.ms / parse).toFixed(3),
    openPartial: first.partial,
    openCompleteMs: +first.completeMs.toFixed(2),
    openCompleteRatio: +(first.completeMs / parse).toFixed(3),
    secondOpenToDiagnosticsMs: +second.ms.toFixed(2),
    secondOpenRatio: +(second.ms / parse).toFixed(3),
    secondOpenPartial: second.partial,
    secondOpenCompleteMs: +second.completeMs.toFixed(2),
    secondOpenCompleteRatio: +(second.completeMs / parse).toFixed(3),
    freshParseMs: +fresh.toFixed(2),
    openRatioToFreshParse: +(first.ms / fresh).toFixed(3),
    openRatioToShippedParse: +(first.ms / shipped).toFixed(3),
    secondOpenRatioToShippedParse: +(second.ms / shipped).toFixed(3),
    editToDiagnosticsMedianMs: +editMedian.toFixed(2),
    editToDiagnosticsP95Ms: +p95(editTimes).toFixed(2),
    editRatioMedian: +(editMedian / parse).toFixed(3),
    editRatioP95: +(p95(editTimes) / parse).toFixed(3),
    edits: editTimes.length,
  };
}

if (require.main === module) {
  void latencyBench(arg('--docs', 1000), arg('--edits', 40)).then((report) => console.log(JSON.stringify(report, null, 2)));
}
