// Lints a large set of files on worker threads, one per core: each worker builds the same engine
// (built-in schemas plus the run's CRD texts) and checks batches of files handed out in turn;
// results go back into input order, so the output is the same bytes as a single-threaded run.
// Small runs stay on the main thread, where starting workers would cost more than it saves.
import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Config } from '../core/config';
import type { CrdText } from '../core/crd/read-crds';
import type { Engine } from '../core/engine';
import { lintText, type Input, type Linted } from './lint';
import { LintWorkers, type JobDone, type ToWorker } from './lint-workers';
import { Progress } from './progress';

/** Files per message: large enough that messaging costs little, small enough to share work evenly. */
const BATCH = 24;
/** The smallest batch, handed out at the end of a run so that no thread is left with much when the others stop. */
const MIN_BATCH = 4;
/**
 * Batches a worker holds at once: the next one waits in its queue, so it never idles while the main
 * thread, which reads the workers' answers only between its own batches, is busy linting one.
 */
const IN_FLIGHT = 2;
/**
 * Text (UTF-16 units) from which a run uses workers. Each worker is a new V8 isolate that loads the
 * bundle and the schemas and warms its own code (~2 s of CPU), and a one-thread run already keeps
 * ~1.4 cores busy (V8's GC and compiler threads). On 2 cores, forced two-thread runs (10 generated
 * manifests a file, docs/performance.md) took 1.03 - 1.3x the one-thread wall time at 3.1 MB of text
 * (10,000 manifests), 0.96x at 9.4 MB and 0.88x at 15.7 MB: 12 MB is where the gain is clear. With
 * more cores the workers have cores of their own; the 1 MB there (~3,000 manifests) is the earlier
 * estimate, not measured on such a machine.
 */
export function parallelMinChars(cores: number = os.availableParallelism()): number {
  return cores <= 2 ? 12_000_000 : 1_000_000;
}

export interface LintRunOptions {
  crdTexts: CrdText[];
  /** Documents that occur more than once in the run (repeatedDocuments): workers keep their results too (a Set survives postMessage). */
  repeated?: ReadonlySet<string>;
  /** Where the progress line goes (only when it is a terminal and the run is long). */
  err: NodeJS.WritableStream;
  /** Threads to use: `MESHLINT_JOBS` (1 keeps everything on the main thread), else one per core for large runs. */
  jobs?: number;
  /** Workers started while the files were read (see EarlyWorkers); the run uses or ends them. */
  workers?: LintWorkers;
}

/** How many threads a run of these inputs uses. */
export function threadsFor(inputs: readonly Input[], requested: number | undefined): number {
  if (requested !== undefined && Number.isInteger(requested) && requested >= 1) return Math.min(requested, Math.max(1, inputs.length));
  const chars = inputs.reduce((n, i) => n + i.text.length, 0);
  if (chars < parallelMinChars()) return 1;
  return defaultThreads(inputs.length);
}

function defaultThreads(files: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), 8, Math.ceil(files / BATCH)));
}

/** `MESHLINT_JOBS` from the environment, when it is a positive whole number. */
export function jobsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.MESHLINT_JOBS);
  return env.MESHLINT_JOBS !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/**
 * Starts the workers a run will use while its files are still being read, so that their start-up
 * (the bundle, the schemas) overlaps the main thread's reading: at once when `MESHLINT_JOBS` asks
 * for threads, else as soon as the text read so far makes the run a threaded one.
 */
export class EarlyWorkers {
  readonly pool: LintWorkers;
  private chars = 0;
  private files = 0;
  private started = false;
  /** Asked once: each ask reads the CPU affinity from the system, and this runs for every file read. */
  private readonly minChars = parallelMinChars();

  /** `fileCount`: how many files are about to be read (at most that many inputs, so at most that many threads). */
  constructor(
    private readonly jobs: number | undefined,
    private readonly fileCount: number,
    pool: LintWorkers = new LintWorkers(),
  ) {
    this.pool = pool;
    if (jobs !== undefined) pool.start(Math.min(jobs, fileCount) - 1);
  }

  /** Counts a file's text; may start the workers. */
  read(text: string): void {
    this.chars += text.length;
    this.files++;
    if (this.jobs === undefined && !this.started && this.chars >= this.minChars && this.files >= BATCH) {
      // Decided once: on one core no worker starts, and the pool stays empty.
      this.started = true;
      this.pool.start(defaultThreads(this.fileCount) - 1);
    }
  }
}

export async function lintAll(engine: Engine, inputs: readonly Input[], config: Config, options: LintRunOptions): Promise<Linted[]> {
  const progress = new Progress(options.err, inputs.length);
  const pool = options.workers ?? new LintWorkers();
  try {
    const threads = threadsFor(inputs, options.jobs);
    if (threads <= 1) {
      pool.close();
      return inputs.map((input, i) => {
        const linted = lintText(engine, input, config);
        progress.update(i + 1);
        return linted;
      });
    }
    const workers = pool.forRun(threads - 1, config, options.crdTexts, options.repeated ?? new Set());
    return await lintOnThreads(engine, inputs, config, workers, (done) => progress.update(done));
  } finally {
    pool.close();
    progress.end();
  }
}

/** How many files the next batch takes: fewer as the run nears its end, so the threads finish together. */
export function batchSize(remaining: number, threads: number): number {
  return Math.max(MIN_BATCH, Math.min(BATCH, Math.ceil(remaining / (threads * (IN_FLIGHT + 1)))));
}

/** The workers plus the main thread, whose engine is ready already. */
function lintOnThreads(
  engine: Engine,
  inputs: readonly Input[],
  config: Config,
  workers: readonly Worker[],
  onProgress: (done: number) => void,
): Promise<Linted[]> {
  const results = new Array<Linted>(inputs.length);
  const threads = workers.length + 1;
  let next = 0;
  let done = 0;
  /** Batches handed to workers and not answered yet. */
  let pending = 0;
  let mainDone = false;
  return new Promise<Linted[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(results);
    };
    const take = (): { first: number; inputs: readonly Input[] } | undefined => {
      if (next >= inputs.length) return undefined;
      const first = next;
      next = Math.min(inputs.length, next + batchSize(inputs.length - next, threads));
      return { first, inputs: inputs.slice(first, next) };
    };
    const hand = (worker: Worker): void => {
      const batch = take();
      if (!batch) return;
      const job: ToWorker = { kind: 'job', first: batch.first, inputs: batch.inputs.map((i) => ({ path: i.path, text: i.text })) };
      worker.postMessage(job);
      pending++;
    };
    const progressed = (count: number): void => {
      done += count;
      onProgress(done);
      if (mainDone && pending === 0) finish();
    };
    for (const worker of workers) {
      worker.on('message', (message: JobDone) => {
        message.results.forEach((r, j) => {
          const input = inputs[message.first + j];
          results[message.first + j] = { path: input.path, text: input.text, findings: r.findings, facts: r.facts };
        });
        pending--;
        hand(worker);
        progressed(message.results.length);
      });
      worker.on('error', (err) => finish(err));
      // Workers are ended only after the run settles: any exit before that loses batches.
      worker.on('exit', (code) => finish(new Error(`a lint worker stopped with exit code ${code}`)));
      for (let q = 0; q < IN_FLIGHT; q++) hand(worker);
    }
    // The main thread takes batches too, one per turn of the event loop so the workers' answers get in.
    const mainTurn = (): void => {
      if (settled) return;
      const batch = take();
      if (!batch) mainDone = true;
      else batch.inputs.forEach((input, j) => (results[batch.first + j] = lintText(engine, input, config)));
      progressed(batch?.inputs.length ?? 0);
      if (batch) setImmediate(mainTurn);
    };
    mainTurn();
  });
}
