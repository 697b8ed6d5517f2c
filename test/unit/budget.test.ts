// Sliced analysis under a time budget and cancellation, on a clock the test drives: each document
// the engine checks "costs" 1 ms, so slices, budgets and progress are counted, never timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analyzeWithin, type SliceClock } from '../../server/src/lsp/budget';
import { newEngine } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';

const DOCS = 40;
const text = Array.from({ length: DOCS }, (_, i) => peerAuthentication({ name: `pa-${i}` })).join('---\n');

function harness(onPause: () => void = () => undefined) {
  const engine = newEngine();
  const clock = { t: 0, pauses: 0 };
  const slices: SliceClock = {
    now: () => clock.t,
    pause: () => {
      clock.pauses++;
      onPause();
      return Promise.resolve();
    },
    sliceMs: 5,
  };
  // The engine asks before each new document but the first of a run: one more document, one more ms.
  const run = (shouldStop: () => boolean) =>
    engine.analyze(text, DEFAULT_CONFIG, {
      shouldStop: () => {
        clock.t += 1;
        return shouldStop();
      },
    });
  return { engine, clock, slices, run };
}

test('a large file is checked in slices, with a turn of the event loop between them', async () => {
  const h = harness();
  const { analysis, cancelled } = await analyzeWithin(h.run, { budgetMs: 1000 }, h.slices);
  assert.equal(cancelled, false);
  assert.equal(analysis.partial, undefined);
  assert.equal(analysis.documents.length, DOCS);
  assert.equal(analysis.findings.length, DOCS, 'one PERMISSIVE finding per document');
  // 5 ms slices of 1 ms documents: every slice ends after a handful of documents.
  assert.ok(h.clock.pauses >= DOCS / 6 && h.clock.pauses <= DOCS / 4, `pauses: ${h.clock.pauses}`);
});

test('a spent budget answers with the documents checked so far; the next run carries on', async () => {
  const h = harness();
  const first = await analyzeWithin(h.run, { budgetMs: 10 }, h.slices);
  assert.equal(first.cancelled, false);
  const checked = first.analysis.partial?.checked ?? DOCS;
  assert.ok(checked > 0 && checked < DOCS, `checked ${checked}`);
  assert.equal(first.analysis.partial?.total, DOCS);
  assert.equal(first.analysis.documents.length, checked);
  const second = await analyzeWithin(h.run, { budgetMs: 10 }, h.slices);
  assert.ok((second.analysis.partial?.checked ?? DOCS) > checked, 'cached documents are not checked again');
});

test('a cancellation seen between slices stops the run', async () => {
  const token = { isCancellationRequested: false };
  const h = harness(() => (token.isCancellationRequested = true));
  const { analysis, cancelled } = await analyzeWithin(h.run, { budgetMs: 1000, token }, h.slices);
  assert.equal(cancelled, true);
  assert.equal(h.clock.pauses, 1);
  assert.ok((analysis.partial?.checked ?? DOCS) < DOCS);
});

test('the engine always checks one new document per run, whatever shouldStop says', () => {
  const engine = newEngine();
  for (let i = 1; i <= 3; i++) {
    const a = engine.analyze(text, DEFAULT_CONFIG, { shouldStop: () => true });
    assert.deepEqual(a.partial, { checked: i, total: DOCS });
  }
});
