// The server's workspace host without a connection: an in-memory folder, fake settings, and the
// re-publish requests it makes. Covers what the protocol tests cannot reach cheaply: open text
// winning over the disk, exclude changes, config reloads, and deferring a costly rules run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFER_PAUSE_MS } from '../../server/src/lsp/rules-cache';
import type { WorkspaceFiles } from '../../server/src/lsp/workspace-files';
import { FactsExtractor } from '../../server/src/core/workspace/extract';
import { DENY_SANDBOX as DENY, peerAuthentication } from '../support/sample-manifests';
import { work } from '../../server/src/core/work-count';
import { MemoryFiles, ManualTimers, ROOT, RULE, countCalls, ids, pa, setup } from '../support/workspace-host-harness';

test('open text wins over the disk; the disk copy is back when the document closes', async () => {
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') });
  await w.host.start();
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);
  assert.deepEqual(ids(await w.publish('pa.yaml', pa('STRICT'))), []);
  assert.deepEqual(w.republished, [`${ROOT}/deny.yaml`], 'the other open file is asked to publish again');
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), []);
  // A disk change to an open file is ignored: the editor's text is the truth.
  w.disk.set(`${ROOT}/pa.yaml`, pa('DISABLE'));
  w.republished.length = 0;
  await w.host.watched([{ uri: `${ROOT}/pa.yaml`, type: 2 }]);
  assert.deepEqual(w.republished, []);
  await w.host.closed(`${ROOT}/pa.yaml`);
  assert.deepEqual(w.republished, [`${ROOT}/deny.yaml`]);
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);
});

test('deleting the other file, and a folder, removes its facts', async () => {
  const w = setup({ 'deny.yaml': DENY, 'team/pa.yaml': pa('PERMISSIVE') });
  await w.host.start();
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);
  await w.host.watched([{ uri: `${ROOT}/team`, type: 3 }]);
  assert.deepEqual(w.republished, [`${ROOT}/deny.yaml`]);
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), []);
});

test('.meshlint.yaml: problems are published on it, levels apply, and removing it restores defaults', async () => {
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE'), '.meshlint.yaml': `rules:\n  ${RULE}: error\n  no-such-rule: off\n` });
  await w.host.start();
  assert.deepEqual(ids(w.configProblems.get(`${ROOT}/.meshlint.yaml`) ?? []), ['meshlint-config']);
  assert.equal(w.host.fileConfig(`${ROOT}/deny.yaml`).rules[RULE], 'error');
  assert.equal((await w.publish('deny.yaml', DENY))[0].severity, 'error');
  w.disk.delete(`${ROOT}/.meshlint.yaml`);
  await w.host.watched([{ uri: `${ROOT}/.meshlint.yaml`, type: 3 }]);
  assert.deepEqual(w.configProblems.get(`${ROOT}/.meshlint.yaml`), [], 'its diagnostics are cleared');
  assert.ok(w.republished.includes(`${ROOT}/deny.yaml`));
  assert.equal((await w.publish('deny.yaml', DENY))[0].severity, 'warning');
});

test('an open .meshlint.yaml is read from the editor, and its exclude globs rescan the folder', async () => {
  const w = setup({ 'deny.yaml': DENY, 'legacy/pa.yaml': pa('PERMISSIVE') });
  await w.host.start();
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);
  const problems = w.host.configOpened(`${ROOT}/.meshlint.yaml`, 'exclude: ["legacy/**"]\n');
  assert.deepEqual(problems, []);
  await w.host.whenIdle();
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [], 'the excluded policy is gone from the index');
  assert.equal(w.host.configOpened(`${ROOT}/deny.yaml`, DENY), undefined, 'only the folder config file counts');
});

test('a costly rules run waits for a pause in typing; meanwhile findings move with the edit', async () => {
  let t = 0;
  const timers = new ManualTimers();
  // Every clock read advances 100 ms: each rules run "costs" more than the inline budget.
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') }, {}, () => (t += 100), timers);
  await w.host.start();
  const first = await w.publish('deny.yaml', DENY);
  assert.deepEqual(ids(first), [RULE]);
  const edited = `# a comment typed above\n${DENY}`;
  const moved = await w.publish('deny.yaml', edited);
  assert.deepEqual(ids(moved), [RULE]);
  assert.equal(moved[0].start, first[0].start + '# a comment typed above\n'.length, 'shifted by the inserted text');
  // A second edit replaces the pending run rather than adding one.
  await w.publish('deny.yaml', `${edited}# and one below\n`);
  assert.equal(timers.pending.size, 1);
  assert.deepEqual(
    [...timers.pending.values()].map((p) => p.ms),
    [DEFER_PAUSE_MS],
    'a fixed pause, whatever the last run cost',
  );
  assert.deepEqual(w.republished, []);
  timers.fireAll();
  // What the client was given (the moved findings) is recorded, and the run finds the same: the edit's
  // own publish stands, with no second one.
  const fresh = await w.publish('deny.yaml', edited);
  assert.equal(fresh[0].start, moved[0].start);
  assert.deepEqual(w.republished, []);
});

test('code actions read the last findings without changing the index or asking for publishes', async () => {
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') });
  await w.host.start();
  const first = await w.publish('deny.yaml', DENY);
  const edited = `# typed\n${DENY}`;
  const config = w.host.fileConfig(`${ROOT}/deny.yaml`);
  const read = w.host.lastFindings(`${ROOT}/deny.yaml`, edited, config);
  assert.deepEqual(ids(read), [RULE]);
  assert.equal(read[0].start, first[0].start + '# typed\n'.length, 'moved onto the text the action is for');
  // Text that would clear the finding if it reached the index: reading it changes nothing.
  w.host.lastFindings(`${ROOT}/pa.yaml`, pa('STRICT'), config);
  assert.deepEqual(w.republished, []);
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE], 'pa.yaml is still PERMISSIVE in the index');
  assert.deepEqual(w.host.lastFindings(`${ROOT}/other.yaml`, 'a: 1\n', config), [], 'nothing published for it yet');
});

test('the completion read API follows the folder', async () => {
  const w = setup({ 'pa.yaml': pa('STRICT') });
  await w.host.start();
  assert.deepEqual(w.host.names(`${ROOT}/x.yaml`).namespaces, ['orders']);
  assert.deepEqual(w.host.names('untitled:Untitled-1').namespaces, []);
});

test('in a costly folder an edit indexes nothing until the pause, which indexes the last text once', async () => {
  let t = 0;
  const timers = new ManualTimers();
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') }, {}, () => (t += 100), timers);
  await w.host.start();
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);
  // Count the facts extractions of open documents (each moves every later document's facts).
  const extractions = countCalls(FactsExtractor.prototype, 'ofAnalysis');
  try {
    await w.publish('pa.yaml', pa('PERMISSIVE'));
    const before = extractions.count();
    for (const mode of ['STRICT', 'DISABLE', 'STRICT']) await w.publish('pa.yaml', `# ${mode}\n${pa(mode)}`);
    assert.equal(extractions.count(), before, 'typing indexes nothing');
    const republished = w.nextRepublish();
    timers.fireAll();
    await republished;
    assert.equal(extractions.count(), before + 1, 'the pause indexes the last text, once');
    assert.ok(w.republished.includes(`${ROOT}/deny.yaml`), 'STRICT clears the other file: it is published again');
    assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), []);
  } finally {
    extractions.restore();
  }
});

test('in a costly folder a finding the edit touched comes back at the pause, even unchanged', async () => {
  let t = 0;
  const timers = new ManualTimers();
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') }, {}, () => (t += 100), timers);
  await w.host.start();
  const [finding] = await w.publish('deny.yaml', DENY);
  assert.equal(finding?.ruleId, RULE);
  // Insert a space where the finding ends: the moved findings drop it while typing, and the
  // recomputed one is the same finding at the same place, so only a record of what the client was
  // given (none) brings it back.
  const edited = `${DENY.slice(0, finding.end)} ${DENY.slice(finding.end)}`;
  w.republished.length = 0;
  assert.deepEqual(ids(await w.publish('deny.yaml', edited)), [], 'while typing the touched finding is not shown');
  const republished = w.nextRepublish();
  timers.fireAll();
  await republished;
  assert.ok(w.republished.includes(`${ROOT}/deny.yaml`), 'the edited file is published again at the pause');
  assert.deepEqual(ids(await w.publish('deny.yaml', edited)), [RULE]);
});

test('overlapping reads of .meshlint.yaml: the read started last decides, whichever finishes last', async () => {
  const w = setup({ 'deny.yaml': DENY, 'pa.yaml': pa('PERMISSIVE') });
  await w.host.start();
  const config = `${ROOT}/.meshlint.yaml`;
  // The first event's read is held until the second (the file deleted) has been handled.
  const files = new MemoryFiles(w.disk);
  let release: (() => void) | undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const read = files.read.bind(files);
  let first = true;
  (w.host as unknown as { deps: { files: WorkspaceFiles } }).deps.files = {
    ...files,
    list: (f, e) => files.list(f, e),
    normalize: (u) => u,
    read: async (uri) => {
      if (uri !== config || !first) return read(uri);
      first = false;
      const text = await read(uri);
      await held;
      return text;
    },
  };
  w.disk.set(config, 'rules: [this is: not a map\n');
  const created = w.host.watched([{ uri: config, type: 1 }]);
  w.disk.delete(config);
  await w.host.watched([{ uri: config, type: 3 }]);
  release?.();
  await created;
  assert.deepEqual(w.configProblems.get(config) ?? [], [], 'the deleted file leaves no problem behind');
});

test('deleting a directory drops the CRD texts and facts under it, except an open file', async () => {
  const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n';
  const w = setup({ 'deny.yaml': DENY, 'team/pa.yaml': pa('PERMISSIVE'), 'team/crd.yaml': crd, 'team/open.yaml': pa('PERMISSIVE') });
  await w.host.start();
  await w.publish('team/open.yaml', pa('PERMISSIVE'));
  const sources = (): string[] => (w.host.crdTexts() ?? []).map((c) => c.source);
  assert.deepEqual(sources(), [`${ROOT}/team/crd.yaml`]);
  for (const name of ['team/pa.yaml', 'team/crd.yaml', 'team/open.yaml']) w.disk.delete(`${ROOT}/${name}`);
  await w.host.watched([{ uri: `${ROOT}/team`, type: 3 }]);
  assert.deepEqual(sources(), [], 'a deleted CRD no longer shapes validation');
  // The open file (its editor text wins) still grants what DENY needs.
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), [RULE]);
  await w.host.closed(`${ROOT}/team/open.yaml`);
  assert.deepEqual(ids(await w.publish('deny.yaml', DENY)), []);
});

/** Core work counted from now (work-count.ts): tree building, plain values, nesting scans, glob matching. */
function countWork(): () => number {
  const before = work.steps;
  return () => work.steps - before;
}

test('a rescan reads every file again but parses none whose text did not change', async () => {
  const files: Record<string, string> = { 'deny.yaml': DENY };
  for (let i = 0; i < 40; i++) files[`team-${i}/pa.yaml`] = peerAuthentication({ namespace: `team-${i}`, mode: 'PERMISSIVE' });
  const w = setup(files);
  const first = countWork();
  await w.host.start();
  const scanned = first();
  const again = countWork();
  w.host.configOpened(`${ROOT}/.meshlint.yaml`, 'exclude: ["legacy/**"]\n');
  await w.host.whenIdle();
  const rescanned = again();
  assert.ok(rescanned * 4 < scanned, `the rescan reuses the facts of unchanged documents (${rescanned} steps, first scan ${scanned})`);
  // A file the rescan no longer reads (now excluded) is forgotten; the others are kept.
  const numbers = (w.host as unknown as { index: { extractor: { fileNumbers: Map<string, number> } } }).index.extractor.fileNumbers;
  assert.ok(numbers.has(`${ROOT}/team-0/pa.yaml`));
  w.host.configOpened(`${ROOT}/.meshlint.yaml`, 'exclude: ["team-0/**"]\n');
  await w.host.whenIdle();
  assert.deepEqual([numbers.has(`${ROOT}/team-0/pa.yaml`), numbers.has(`${ROOT}/team-1/pa.yaml`)], [false, true]);
});
