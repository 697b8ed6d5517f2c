// A costly folder waits for a pause in typing before its workspace rules run again. Opening a file
// is not typing: the run a file just opened asked for starts as soon as its first publish is sent
// (WorkspaceHost.published), not after the typing pause; its edits wait for the pause. A large file
// just opened counts as costly before any cost is measured: its own findings go out first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFER_PAUSE_MS, LARGE_OPEN_DOCUMENTS, RulesRunCache } from '../../server/src/lsp/rules-cache';
import { DENY_SANDBOX as DENY, peerAuthentication } from '../support/sample-manifests';
import { ManualTimers, ROOT, RULE, countCalls, ids, pa, setup } from '../support/workspace-host-harness';

test('in a costly folder a file just opened does not wait for the typing pause once published; its edits do', async () => {
  let t = 0;
  const timers = new ManualTimers();
  // Every clock read advances 100 ms: each rules run "costs" more than the inline budget.
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') }, {}, () => (t += 100), timers);
  await w.host.start();
  const PA = `${ROOT}/pa.yaml`;
  // The folder's first run is inline (its cost is not known yet) and proves it costly.
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);
  w.host.published(`${ROOT}/deny.yaml`);
  assert.equal(timers.pending.size, 0);

  // Opening pa.yaml with STRICT text clears deny.yaml's finding once the rules run.
  await w.publish('pa.yaml', pa('STRICT'));
  assert.equal(timers.pending.size, 1, 'the run waits, so that the opened file is published first');
  assert.deepEqual(w.republished, []);
  let republished = w.nextRepublish();
  w.host.published(PA);
  assert.equal(timers.pending.size, 0, 'the run started when the publish was sent, not at the pause');
  await republished;
  assert.deepEqual(w.republished, [`${ROOT}/deny.yaml`]);
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [], 'the client publishes it again, without the finding');
  const runs = countCalls(RulesRunCache.prototype, 'resultsOf'); // each workspace run asks for results once
  w.host.published(PA);
  await w.host.whenIdle();
  runs.restore();
  assert.equal(runs.count(), 0, 'a later publish of the opened file starts nothing more');

  // The same file edited: that is typing, so the run waits for the pause even after the publish.
  await w.publish('pa.yaml', pa('PERMISSIVE'));
  w.host.published(PA);
  assert.deepEqual(
    [...timers.pending.values()].map((p) => p.ms),
    [DEFER_PAUSE_MS],
    'an edit of an open file waits for the typing pause',
  );
  republished = w.nextRepublish();
  timers.fireAll();
  await republished;
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE], 'PERMISSIVE again: the finding is back');

  // Closed and opened again, it is a file just opened once more.
  await w.host.closed(PA);
  await w.publish('pa.yaml', pa('STRICT'));
  republished = w.nextRepublish();
  w.host.published(PA);
  assert.equal(timers.pending.size, 0, 'a file opened again is not typing either');
  await republished;
});

test('opening a file does not cut short the typing pause of another', async () => {
  let t = 0;
  const timers = new ManualTimers();
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') }, {}, () => (t += 100), timers);
  await w.host.start();
  await w.publish('pa.yaml', pa('PERMISSIVE')); // the folder's first run, inline, proves it costly
  w.host.published(`${ROOT}/pa.yaml`);
  await w.publish('pa.yaml', pa('STRICT')); // typing: its run waits for the pause
  w.host.published(`${ROOT}/pa.yaml`);
  const delays = (): number[] => [...timers.pending.values()].map((p) => p.ms);
  assert.deepEqual(delays(), [DEFER_PAUSE_MS]);
  await w.publish('other.yaml', pa('STRICT').replace('orders', 'billing'));
  w.host.published(`${ROOT}/other.yaml`);
  assert.deepEqual(delays(), [DEFER_PAUSE_MS], 'the one run, for both files, still waits for typing in pa.yaml to pause');
});

/** `documents` documents: PeerAuthentications of other namespaces, then orders' in `mode`. */
function largeFile(documents: number, mode: string): string {
  const others = Array.from({ length: documents - 1 }, (_, i) => peerAuthentication({ namespace: `team-${i}`, mode: 'STRICT' }));
  return [...others, pa(mode)].join('---\n');
}

test('a large file just opened publishes its own findings before its workspace run, even in a folder not known to be costly', async () => {
  const timers = new ManualTimers();
  // No clock: every measured run counts as cheap, so only the file's size can make it wait.
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') }, {}, undefined, timers);
  const PA = `${ROOT}/pa.yaml`;
  await w.host.start();
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);

  // pa.yaml opened one document short of large: indexed with its publish, and deny.yaml is asked to
  // publish again at once.
  await w.publish('pa.yaml', largeFile(LARGE_OPEN_DOCUMENTS - 1, 'STRICT'));
  assert.equal(timers.pending.size, 0);
  assert.deepEqual(w.republished, [`${ROOT}/deny.yaml`]);
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), []);
  await w.host.closed(PA); // the disk copy (PERMISSIVE) is back
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);
  w.republished.length = 0;

  // Opened again, large: the index and the rules wait until its own findings are sent, then run at once.
  await w.publish('pa.yaml', largeFile(LARGE_OPEN_DOCUMENTS, 'STRICT'));
  assert.equal(timers.pending.size, 1);
  assert.equal(w.republished.length, 0, 'nothing is indexed before its publish is sent');
  const republished = w.nextRepublish();
  w.host.published(PA);
  assert.equal(timers.pending.size, 0, 'the run starts once its publish is sent');
  await republished;
  assert.deepEqual(w.republished, [`${ROOT}/deny.yaml`]);
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), []);

  // Its edits are typing: with no cost measured, they are indexed with their publish as before.
  await w.publish('pa.yaml', largeFile(LARGE_OPEN_DOCUMENTS, 'PERMISSIVE'));
  assert.equal(timers.pending.size, 0);
  assert.ok(w.republished.includes(`${ROOT}/deny.yaml`));
});
