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
import { generateManifest } from './generate';
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
  openToDiagnosticsMs: number;
  openRatio: number;
  /** True when that first publish was partial (the check's time budget ran out; the rest followed). */
  openPartial: boolean;
  /**
   * A second file of the same size and shape (other names, so no cached result applies), opened
   * after the first: the server's code is warm then, as in an editor that has checked a file or
   * scanned a folder before. The first open above is the server's very first check.
   */
  secondOpenToDiagnosticsMs: number;
  secondOpenRatio: number;
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

export async function latencyBench(docs: number, edits: number): Promise<LatencyReport> {
  const text = generateManifest(docs);
  const lines = text.split('\n');
  const client = new TestLspClient();
  await client.initialize();
  const uri = `file:///bench/mesh-${docs}.yaml`;

  // Baseline before and after the server runs, so machine noise shows up in both.
  const parseBefore = fullParseMs(text, 7);

  let t = performance.now();
  const opened = client.waitForDiagnostics(uri);
  client.open(uri, text);
  const openPartial = !complete(await opened);
  const openMs = performance.now() - t;
  // The second open starts once the first file is checked to its end.
  if (openPartial) await client.waitForDiagnostics(uri, complete, 120_000);

  const secondUri = `file:///bench/mesh-${docs}-second.yaml`;
  t = performance.now();
  const secondOpened = client.waitForDiagnostics(secondUri);
  client.open(secondUri, generateManifest(docs, docs));
  const secondOpenPartial = !complete(await secondOpened);
  const secondOpenMs = performance.now() - t;

  // Type into one document in the middle of the file: append a character to a metadata name,
  // the way a person edits, as an incremental change.
  const target = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('  name: '));
  const editTimes: number[] = [];
  let current = lines[target];
  for (let i = 0; i < edits + 5; i++) {
    const col = current.length;
    const ch = String.fromCharCode(97 + (i % 26));
    current += ch;
    t = performance.now();
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
    openToDiagnosticsMs: +openMs.toFixed(2),
    openRatio: +(openMs / parse).toFixed(3),
    openPartial,
    secondOpenToDiagnosticsMs: +secondOpenMs.toFixed(2),
    secondOpenRatio: +(secondOpenMs / parse).toFixed(3),
    secondOpenPartial,
    freshParseMs: +fresh.toFixed(2),
    openRatioToFreshParse: +(openMs / fresh).toFixed(3),
    openRatioToShippedParse: +(openMs / shipped).toFixed(3),
    secondOpenRatioToShippedParse: +(secondOpenMs / shipped).toFixed(3),
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
