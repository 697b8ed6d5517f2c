// Lints a large set of files on worker threads, one per core: each worker builds the same engine
// (built-in schemas plus the run's CRD texts) and checks batches of files handed out in turn;
// results go back into input order, so the output is the same bytes as a single-threaded run.
// Small runs stay on the main thread, where starting workers would cost more than it saves.
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../core/config';
import { registryWithCrds } from '../core/crd/crd-registry';
import type { CrdText } from '../core/crd/read-crds';
import { Engine } from '../core/engine';
import { findPackageDir, loadSchemas } from '../node/load-schemas';
import { lintText, type Input, type Linted } from './lint';
import { Progress } from './progress';

const ROLE = 'meshlint-lint-worker';
/** Files per message: large enough that messaging costs little, small enough to share work evenly. */
const BATCH = 24;
/**
 * Batches a worker holds at once: the next one waits in its queue, so it never idles while the main
 * thread, which reads the workers' answers only between its own batches, is busy linting one.
 */
const IN_FLIGHT = 2;
/** Below this much text (~3,000 manifests), one thread is about as fast as starting workers (each loads the schemas). */
const PARALLEL_MIN_CHARS = 1_000_000;

interface WorkerSetup {
  role: typeof ROLE;
  config: Config;
  crdTexts: CrdText[];
}

interface Job {
  first: number;
  inputs: Input[];
}

interface JobDone {
  first: number;
  results: Pick<Linted, 'findings' | 'facts'>[];
}

export interface LintRunOptions {
  crdTexts: CrdText[];
  /** Where the progress line goes (only when it is a terminal and the run is long). */
  err: NodeJS.WritableStream;
  /** Threads to use: `MESHLINT_JOBS` (1 keeps everything on the main thread), else one per core for large runs. */
  jobs?: number;
}

/** How many threads a run of these inputs uses. */
export function threadsFor(inputs: readonly Input[], requested: number | undefined): number {
  if (requested !== undefined && Number.isInteger(requested) && requested >= 1) return Math.min(requested, Math.max(1, inputs.length));
  const chars = inputs.reduce((n, i) => n + i.text.length, 0);
  if (chars < PARALLEL_MIN_CHARS) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), 8, Math.ceil(inputs.length / BATCH)));
}

/** `MESHLINT_JOBS` from the environment, when it is a positive whole number. */
export function jobsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.MESHLINT_JOBS);
  return env.MESHLINT_JOBS !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

export async function lintAll(engine: Engine, inputs: readonly Input[], config: Config, options: LintRunOptions): Promise<Linted[]> {
  const progress = new Progress(options.err, inputs.length);
  try {
    const threads = threadsFor(inputs, options.jobs);
    if (threads <= 1) {
      return inputs.map((input, i) => {
        const linted = lintText(engine, input, config);
        progress.update(i + 1);
        return linted;
      });
    }
    return await lintOnThreads(engine, inputs, config, options.crdTexts, threads, (done) => progress.update(done));
  } finally {
    progress.end();
  }
}

/** `threads - 1` workers plus the main thread, whose engine is ready already (a worker costs its start-up). */
function lintOnThreads(
  engine: Engine,
  inputs: readonly Input[],
  config: Config,
  crdTexts: CrdText[],
  threads: number,
  onProgress: (done: number) => void,
): Promise<Linted[]> {
  const results = new Array<Linted>(inputs.length);
  const setup: WorkerSetup = { role: ROLE, config, crdTexts };
  const workers: Worker[] = [];
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
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const take = (): { first: number; inputs: readonly Input[] } | undefined => {
      if (next >= inputs.length) return undefined;
      const first = next;
      next = Math.min(inputs.length, next + BATCH);
      return { first, inputs: inputs.slice(first, next) };
    };
    const hand = (worker: Worker): boolean => {
      const batch = take();
      if (!batch) return false;
      const job: Job = { first: batch.first, inputs: batch.inputs.map((i) => ({ path: i.path, text: i.text })) };
      worker.postMessage(job);
      pending++;
      return true;
    };
    const progressed = (count: number): void => {
      done += count;
      onProgress(done);
      if (mainDone && pending === 0) finish();
    };
    for (let t = 1; t < threads; t++) {
      const worker = new Worker(__filename, { workerData: setup });
      workers.push(worker);
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
      worker.on('exit', (code) => {
        if (code !== 0 && done < inputs.length) finish(new Error(`a lint worker stopped with exit code ${code}`));
      });
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

/** The worker's side: one engine for the run, then batches until the main thread ends it. */
function serveLintJobs(setup: WorkerSetup): void {
  const registry = registryWithCrds(loadSchemas(findPackageDir(__dirname)), setup.crdTexts).registry;
  const engine = new Engine(registry, { maxFileLength: Infinity });
  parentPort?.on('message', (job: Job) => {
    const results = job.inputs.map((input) => {
      const linted = lintText(engine, input, setup.config);
      return { findings: linted.findings, facts: linted.facts };
    });
    const reply: JobDone = { first: job.first, results };
    parentPort?.postMessage(reply);
  });
}

// Loaded as a worker (this file, or the CLI bundle that holds it): serve jobs instead of waiting to be called.
if (!isMainThread && (workerData as Partial<WorkerSetup> | null)?.role === ROLE) serveLintJobs(workerData as WorkerSetup);
