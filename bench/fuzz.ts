// Fuzz run: at least 100,000 mutated edits through the core engine (bench/fuzz-run.ts), bounded
// in count and time; fails on a crash, a rule that throws, one analysis over 2 s or a heap over
// the limit. Run: npm run fuzz   (options: --edits N, --seed N, --minutes N)
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { registry } from '../test/support/engine';
import { runFuzz } from './fuzz-run';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const MAX_ANALYSIS_MS = 2000;
const MAX_HEAP_BYTES = 1024 * 1024 * 1024;

function main(): void {
  const edits = arg('--edits', 100_000);
  const seed = arg('--seed', 1);
  const deadline = performance.now() + arg('--minutes', 45) * 60_000;
  const loadBefore = os.loadavg();
  const started = performance.now();
  const stats = runFuzz({
    edits,
    seed,
    registry: registry(),
    now: () => performance.now(),
    heapUsed: () => process.memoryUsage().heapUsed,
    stop: (s) => {
      const heapMB = (process.memoryUsage().heapUsed / 1e6).toFixed(0);
      if (s.edits % 10_000 === 0) console.error(`${s.edits} edits, slowest ${s.slowestMs.toFixed(0)} ms, heap ${heapMB} MB`);
      return performance.now() > deadline;
    },
  });
  const report = {
    seed,
    edits: stats.edits,
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    crashes: stats.crashes,
    internalErrors: stats.internalErrors,
    slowestAnalysisMs: +stats.slowestMs.toFixed(1),
    slowestTextLength: stats.slowestLength,
    maxHeapUsedMB: +(stats.maxHeapUsed / 1e6).toFixed(1),
    loadavgBefore: loadBefore.map((l) => +l.toFixed(2)),
    loadavgAfter: os.loadavg().map((l) => +l.toFixed(2)),
  };
  console.log(JSON.stringify(report, null, 2));
  const failures = [
    stats.edits < edits ? `stopped by the time limit after ${stats.edits} edits` : '',
    stats.crashes.length ? 'crashes' : '',
    stats.internalErrors.length ? 'rules threw' : '',
    stats.slowestMs > MAX_ANALYSIS_MS ? `an analysis took ${stats.slowestMs.toFixed(0)} ms` : '',
    stats.maxHeapUsed > MAX_HEAP_BYTES ? 'heap over 1 GB' : '',
  ].filter((f) => f !== '');
  console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'ok');
  process.exitCode = failures.length ? 1 : 0;
}

main();
