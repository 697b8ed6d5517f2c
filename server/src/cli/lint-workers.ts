// The CLI's lint worker threads: started before the run's files are read (each loads the bundle and
// the built-in schemas meanwhile), told the run's config and CRD texts once those are known, then
// handed batches of files; this file is also what each worker runs.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../core/config';
import { registryWithCrds } from '../core/crd/crd-registry';
import type { CrdText } from '../core/crd/read-crds';
import { Engine } from '../core/engine';
import type { SchemaBundle } from '../core/schema';
import { findPackageDir, loadSchemas } from '../node/load-schemas';
import { cliEngineOptions, lintText, type Input, type Linted } from './lint';

const ROLE = 'meshlint-lint-worker';

/** What the main thread sends: the run's setup once, then batches of files. */
export type ToWorker =
  { kind: 'setup'; config: Config; crdTexts: CrdText[]; repeated: ReadonlySet<string> } | { kind: 'job'; first: number; inputs: Input[] };

/** A batch's answer, in the batch's order. */
export interface JobDone {
  first: number;
  results: Pick<Linted, 'findings' | 'facts'>[];
}

/**
 * Worker threads that may be started before anyone knows whether the run needs them: they do not
 * keep the process alive until a run uses them, and what goes wrong in one is kept for that run.
 */
export class LintWorkers {
  protected readonly list: Worker[] = [];
  /** The first error of a worker that no run was listening to yet. */
  private failure?: Error;
  /** Workers this pool ended itself: their exit is no failure. */
  private readonly ending = new WeakSet<Worker>();

  /** `file` is the script each worker runs: this module (or the bundle that holds it). */
  constructor(private readonly file: string = __filename) {}

  /** Starts workers until there are `count`; those already running are kept. */
  start(count: number): void {
    while (this.list.length < count) {
      const worker = new Worker(this.file, { workerData: { role: ROLE } });
      worker.unref();
      worker.on('error', (err) => (this.failure ??= err));
      // Any exit we did not ask for (even code 0) leaves the run without that worker.
      worker.on('exit', (code) => {
        if (!this.ending.has(worker)) this.failure ??= new Error(`a lint worker stopped with exit code ${code}`);
      });
      this.list.push(worker);
    }
  }

  get size(): number {
    return this.list.length;
  }

  /**
   * The first `count` workers, set up for a run, kept alive until `close`; those beyond are ended.
   * Throws what went wrong in a worker before the run began.
   */
  forRun(count: number, config: Config, crdTexts: CrdText[], repeated: ReadonlySet<string> = new Set()): Worker[] {
    this.start(count);
    for (const extra of this.list.splice(count)) this.end(extra);
    if (this.failure) throw this.failure;
    const setup: ToWorker = { kind: 'setup', config, crdTexts, repeated };
    for (const w of this.list) {
      w.ref();
      w.postMessage(setup);
    }
    return [...this.list];
  }

  close(): void {
    for (const w of this.list.splice(0)) this.end(w);
  }

  private end(worker: Worker): void {
    this.ending.add(worker);
    void worker.terminate();
  }
}

/** The worker's side: the built-in schemas while the main thread reads, the engine at setup, then batches. */
function serveLintJobs(): void {
  const builtIn: SchemaBundle = loadSchemas(findPackageDir(__dirname));
  let run: { engine: Engine; config: Config } | undefined;
  parentPort?.on('message', (message: ToWorker) => {
    if (message.kind === 'setup') {
      // Workers only lint (fixes run on the main thread before the lint).
      const options = cliEngineOptions(false, message.repeated);
      const engine = new Engine(registryWithCrds(builtIn, message.crdTexts).registry, options);
      run = { engine, config: message.config };
      return;
    }
    if (!run) throw new Error('a lint job came before the setup');
    const { engine, config } = run;
    const results = message.inputs.map((input) => {
      const linted = lintText(engine, input, config);
      return { findings: linted.findings, facts: linted.facts };
    });
    const reply: JobDone = { first: message.first, results };
    parentPort?.postMessage(reply);
  });
}

// Loaded as a worker (this file, or the CLI bundle that holds it): serve jobs instead of waiting to be called.
if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serveLintJobs();
