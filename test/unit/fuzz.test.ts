// A short run of the fuzz loop (bench/fuzz-run.ts; the long one is `npm run fuzz`): mutated edits
// aimed at aliases, merge keys, nesting, block scalars and control characters never crash the
// engine, completion or the outline, and no rule throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz } from '../../bench/fuzz-run';
import { registry } from '../support/engine';

test('2,000 mutated edits: no crash and no rule that throws', () => {
  const stats = runFuzz({ edits: 2000, seed: 7, registry: registry() });
  assert.equal(stats.edits, 2000);
  assert.deepEqual(stats.crashes, []);
  assert.deepEqual(stats.internalErrors, []);
});
