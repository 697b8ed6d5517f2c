// The CLI over a generated tree of N manifests (10 per file): documents per second and CPU time,
// on one thread (MESHLINT_JOBS=1) and on one thread per core, against the parse floor; every run's
// output must be the same. The floor is a fresh Node process that reads every file and parses it
// with `yaml`, so it pays what the CLI's process pays besides its own work: start-up, reading, cold
// code and V8's helper threads. Each figure is the median of three rounds, and each round runs the
// floors and both CLI runs in turn, so that the machine's drift during the section reaches the
// baselines and the runs alike (one CLI run against floors taken seconds earlier moved the ratio
// from 1.0 to 1.8 between runs). The in-process parse reported beside it (warm heap, one run after
// the other sections) moved 2.5x between runs on the same machine.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { generateDocument } from './generate';
import { shippedParseAll } from './yaml-builds';
import { arg, median } from './stats';
import { numberFromFreshProcess } from './node-script';

export interface CliReport {
  manifests: number;
  /** The floor: a fresh process reading and parsing every file (Node build of `yaml`). */
  processFloorCpuMs: number;
  /** The same in a fresh process with the build the CLI bundle ships. */
  shippedProcessFloorCpuMs: number;
  /** The floor until commit 5396454, kept for comparison: a parse of the texts inside this process. */
  parseFloorCpuMs: number;
  /** The in-process parse with the `yaml` build the CLI bundle ships (yaml-builds.ts). */
  shippedParseFloorCpuMs: number;
  singleWallMs: number;
  singleCpuMs: number;
  singleDocsPerSecond: number;
  /** CPU against the process floor (the target's ratio), and against its shipped-build twin. */
  singleCpuRatioToProcessFloor: number;
  singleCpuRatioToShippedProcessFloor: number;
  /** Against the in-process parses (the ratios reported until commit 5396454). */
  singleCpuRatioToParse: number;
  singleCpuRatioToShippedParse: number;
  threads: number;
  threadedWallMs: number;
  threadedCpuMs: number;
  threadedDocsPerSecond: number;
  threadedWallRatioToSingle: number;
  identicalOutput: boolean;
}

const PER_FILE = 10;
const PACKAGE_DIR = path.join(__dirname, '..', '..');

function writeTree(manifests: number): { dir: string; texts: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-bench-cli-'));
  const texts: string[] = [];
  for (let f = 0; f * PER_FILE < manifests; f++) {
    const docs: string[] = [];
    for (let d = 0; d < PER_FILE && f * PER_FILE + d < manifests; d++) docs.push(generateDocument(f * PER_FILE + d));
    const text = docs.join('---\n');
    const sub = path.join(dir, `app-${f % 50}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `m-${f}.yaml`), text);
    texts.push(text);
  }
  return { dir, texts };
}

/** Runs the built CLI in a child; its CPU time (all threads) comes from the child itself at exit. */
function runCli(dir: string, jobs: number): Promise<CliRun> {
  const script = `const cli = require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'cli.js'))});
let out = ''; const sink = new (require('stream').Writable)({ write(c, e, cb) { out += c; cb(); } });
cli.main([${JSON.stringify(dir)}, '--format', 'json'], sink, process.stderr).then(() => {
  const u = process.cpuUsage(); process.stdout.write(JSON.stringify({ cpuMs: (u.user + u.system) / 1000, out }));
});`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, MESHLINT_JOBS: String(jobs) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (b: Buffer) => (text += b.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      const wallMs = performance.now() - started;
      const parsed = JSON.parse(text) as { cpuMs: number; out: string };
      resolve({ wallMs, cpuMs: parsed.cpuMs, out: parsed.out });
    });
  });
}

/** CPU of a fresh process that reads every file under `dir` and parses it with the given `yaml` entry. */
function processFloor(dir: string, yamlEntry: string): Promise<number> {
  const script = `const fs = require('fs'), path = require('path');
const { parseAllDocuments } = require(${JSON.stringify(yamlEntry)});
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
  const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else parseAllDocuments(fs.readFileSync(p, 'utf8')); } };
walk(${JSON.stringify(dir)}); const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));`;
  return numberFromFreshProcess(script, 'floor');
}

/** Rounds of the floors and the CLI runs, each figure their median. */
const ROUNDS = 3;

interface CliRun {
  wallMs: number;
  cpuMs: number;
  out: string;
}

/** The median wall and CPU times of some runs (each its own median), with the first run's output. */
function medianRun(runs: readonly CliRun[]): CliRun {
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)), out: runs[0].out };
}

export async function cliBench(manifests: number): Promise<CliReport> {
  const { dir, texts } = writeTree(manifests);
  const yamlDir = path.join(PACKAGE_DIR, 'node_modules', 'yaml');
  const threads = Math.max(2, os.availableParallelism());
  const floors: number[] = [];
  const shippedFloors: number[] = [];
  const singles: CliRun[] = [];
  const threadeds: CliRun[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    floors.push(await processFloor(dir, yamlDir));
    shippedFloors.push(await processFloor(dir, path.join(yamlDir, 'browser', 'index.js')));
    singles.push(await runCli(dir, 1));
    threadeds.push(await runCli(dir, threads));
  }
  const floorCpu = median(floors);
  const shippedFloorCpu = median(shippedFloors);
  const single = medianRun(singles);
  const threaded = medianRun(threadeds);
  const cpu0 = process.cpuUsage();
  for (const text of texts) parseAllDocuments(text);
  const used = process.cpuUsage(cpu0);
  const parseCpu = (used.user + used.system) / 1000;
  const parseShipped = shippedParseAll();
  const cpu1 = process.cpuUsage();
  for (const text of texts) parseShipped(text);
  const usedShipped = process.cpuUsage(cpu1);
  const shippedCpu = (usedShipped.user + usedShipped.system) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    manifests,
    processFloorCpuMs: +floorCpu.toFixed(1),
    shippedProcessFloorCpuMs: +shippedFloorCpu.toFixed(1),
    parseFloorCpuMs: +parseCpu.toFixed(1),
    shippedParseFloorCpuMs: +shippedCpu.toFixed(1),
    singleWallMs: +single.wallMs.toFixed(1),
    singleCpuMs: +single.cpuMs.toFixed(1),
    singleDocsPerSecond: Math.round(manifests / (single.wallMs / 1000)),
    singleCpuRatioToProcessFloor: +(single.cpuMs / floorCpu).toFixed(3),
    singleCpuRatioToShippedProcessFloor: +(single.cpuMs / shippedFloorCpu).toFixed(3),
    singleCpuRatioToParse: +(single.cpuMs / parseCpu).toFixed(3),
    singleCpuRatioToShippedParse: +(single.cpuMs / shippedCpu).toFixed(3),
    threads,
    threadedWallMs: +threaded.wallMs.toFixed(1),
    threadedCpuMs: +threaded.cpuMs.toFixed(1),
    threadedDocsPerSecond: Math.round(manifests / (threaded.wallMs / 1000)),
    threadedWallRatioToSingle: +(threaded.wallMs / single.wallMs).toFixed(3),
    identicalOutput: [...singles, ...threadeds].every((r) => r.out === single.out),
  };
}

if (require.main === module) {
  // Run alone: node out/bench/cli-scale.js --manifests N (10,000 by default, as in `npm run bench`).
  const manifests = arg('--manifests', 10_000);
  if (!Number.isInteger(manifests) || manifests < 1)
    throw new Error('--manifests takes a whole number of manifests, e.g. --manifests 50000');
  void cliBench(manifests).then((report) => console.log(JSON.stringify(report, null, 2)));
}
