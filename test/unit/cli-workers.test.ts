// The CLI's worker threads: started while the files are read only when the run will use them,
// batches that shrink towards the end of a run, identical results to the main thread's own, and
// a worker's failure (at start-up or on a batch) failing the run instead of hanging it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { lintTexts } from '../../server/src/cli/lint';
import { LintWorkers } from '../../server/src/cli/lint-workers';
import { batchSize, EarlyWorkers, lintAll, parallelMinChars } from '../../server/src/cli/parallel';
import { Engine } from '../../server/src/core/engine';
import { newEngine } from '../support/engine';
import { CRD_FIXTURES, crdRegistry, crdText, TRUST_DOMAINS_POLICY } from '../support/crds';
import { DENY_SANDBOX, peerAuthentication } from '../support/sample-manifests';

/** A pool that records what it was asked to start instead of starting threads. */
class CountingWorkers extends LintWorkers {
  started: number[] = [];
  override start(count: number): void {
    this.started.push(count);
  }
  override get size(): number {
    return this.started.length === 0 ? 0 : Math.max(...this.started);
  }
}

const quiet = new Writable({ write: (_c, _e, done) => done() });

function inputs(count: number): { path: string; text: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `pa-${i}.yaml`,
    text: i === 0 ? DENY_SANDBOX : peerAuthentication({ namespace: `team-${i % 4}`, mode: i % 2 ? 'PERMISSIVE' : 'STRICT' }),
  }));
}

test('MESHLINT_JOBS starts its workers before any file is read, one thread being the main one', () => {
  const pool = new CountingWorkers();
  new EarlyWorkers(3, 100, pool);
  assert.deepEqual(pool.started, [2]);
  const single = new CountingWorkers();
  const early = new EarlyWorkers(1, 100, single);
  early.read('x'.repeat(5_000_000));
  assert.equal(single.size, 0, 'MESHLINT_JOBS=1 never starts a worker');
});

test('without MESHLINT_JOBS, workers start once the text read makes the run a threaded one', () => {
  const pool = new CountingWorkers();
  const early = new EarlyWorkers(undefined, 1000, pool);
  const file = 'x'.repeat(parallelMinChars() / 500);
  for (let i = 0; i < 400; i++) early.read(file);
  assert.equal(pool.size, 0, 'four fifths of the threshold stays on one thread');
  for (let i = 0; i < 200; i++) early.read(file);
  assert.equal(pool.started.length, 1, 'started once');
  assert.ok(pool.started[0] >= 0 && pool.started[0] < os.availableParallelism());
  const few = new CountingWorkers();
  const big = new EarlyWorkers(undefined, 3, few);
  for (let i = 0; i < 3; i++) big.read('x'.repeat(parallelMinChars() / 2));
  assert.deepEqual(few.started, [], 'three files are one batch: one thread, however large, and no start is even asked for');
});

test('batches shrink as the run nears its end, never below the smallest', () => {
  assert.equal(batchSize(10_000, 2), 24);
  const sizes: number[] = [];
  for (let left = 1000; left > 0; left -= sizes.at(-1) ?? 0) sizes.push(Math.min(left, batchSize(left, 2)));
  assert.ok(
    sizes.every((s, i) => i === 0 || s <= sizes[i - 1]),
    'never growing',
  );
  assert.ok(sizes.at(-2)! <= 4, `the last batches are small: ${sizes.slice(-4).join(', ')}`);
  assert.equal(
    sizes.reduce((a, b) => a + b, 0),
    1000,
  );
});

test('a run on workers gives what the main thread gives, in input order', async () => {
  const engine = newEngine();
  const files = inputs(60);
  const threaded = await lintAll(engine, files, DEFAULT_CONFIG, { crdTexts: [], err: quiet, jobs: 3 });
  const single = lintTexts(engine, files, DEFAULT_CONFIG);
  assert.deepEqual(threaded, single);
});

test("workers check with the run's CRDs, sent when the run begins", async () => {
  const crd = path.join(CRD_FIXTURES, 'authorization-policy-without-trust-domains.yaml');
  const engine = new Engine(crdRegistry(crd).registry, { maxFileLength: Infinity });
  const files = Array.from({ length: 40 }, (_, i) => ({ path: `ap-${i}.yaml`, text: TRUST_DOMAINS_POLICY }));
  const threaded = await lintAll(engine, files, DEFAULT_CONFIG, { crdTexts: [crdText(crd)], err: quiet, jobs: 2 });
  assert.deepEqual(threaded, lintTexts(engine, files, DEFAULT_CONFIG));
  const builtIn = lintTexts(newEngine(), files, DEFAULT_CONFIG);
  assert.notDeepEqual(
    threaded.map((l) => l.findings),
    builtIn.map((l) => l.findings),
    'the CRD changes the findings, so a worker without it would differ',
  );
});

function script(body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-worker-'));
  const file = path.join(dir, 'worker.js');
  fs.writeFileSync(file, body);
  return file;
}

test('a worker that throws on a batch fails the run with its error', async () => {
  const file = script(`require('node:worker_threads').parentPort.on('message', (m) => {
  if (m.kind === 'job') throw new Error('batch went wrong in the worker');
});`);
  const run = lintAll(newEngine(), inputs(60), DEFAULT_CONFIG, { crdTexts: [], err: quiet, jobs: 2, workers: new LintWorkers(file) });
  await assert.rejects(run, /batch went wrong in the worker/);
});

test('a worker that fails while starting fails the run', async () => {
  const file = script(`throw new Error('worker could not start');`);
  const run = lintAll(newEngine(), inputs(60), DEFAULT_CONFIG, { crdTexts: [], err: quiet, jobs: 2, workers: new LintWorkers(file) });
  await assert.rejects(run, /worker could not start/);
});

/** A pool whose workers a test can wait on. */
class WatchedWorkers extends LintWorkers {
  get running(): readonly Worker[] {
    return this.list;
  }
}

test('a worker that failed before the run began fails the run when it begins', async () => {
  const pool = new WatchedWorkers(script(`throw new Error('worker failed early');`));
  pool.start(1);
  // Started workers do not keep the process alive: this wait has to.
  pool.running[0].ref();
  // (events.once would reject on the worker's 'error', which comes first.)
  await new Promise((resolve) => pool.running[0].once('exit', resolve));
  const run = lintAll(newEngine(), inputs(60), DEFAULT_CONFIG, { crdTexts: [], err: quiet, jobs: 2, workers: pool });
  await assert.rejects(run, /worker failed early/);
});

test('a worker that exits quietly with batches left fails the run instead of leaving it waiting', async () => {
  const file = script(`require('node:worker_threads').parentPort.on('message', (m) => { if (m.kind === 'job') process.exit(0); });`);
  const run = lintAll(newEngine(), inputs(60), DEFAULT_CONFIG, { crdTexts: [], err: quiet, jobs: 2, workers: new LintWorkers(file) });
  await assert.rejects(run, /a lint worker stopped with exit code 0/);
});

test('a worker that exited with code 0 before the run began fails the run when it begins', async () => {
  const pool = new WatchedWorkers(script(`process.exit(0);`));
  pool.start(1);
  pool.running[0].ref();
  await new Promise((resolve) => pool.running[0].once('exit', resolve));
  try {
    assert.throws(() => pool.forRun(1, DEFAULT_CONFIG, []), /a lint worker stopped with exit code 0/);
  } finally {
    pool.close();
  }
});

test('workers the pool ends itself are no failure: a second run on the same pool goes ahead', async () => {
  const pool = new WatchedWorkers(script(`setInterval(() => {}, 1000);`));
  pool.start(2);
  const spare = pool.running[1];
  spare.ref();
  const exited = new Promise((resolve) => spare.once('exit', resolve));
  try {
    pool.forRun(1, DEFAULT_CONFIG, []);
    await exited;
    assert.doesNotThrow(() => pool.forRun(1, DEFAULT_CONFIG, []));
  } finally {
    pool.close();
  }
});
