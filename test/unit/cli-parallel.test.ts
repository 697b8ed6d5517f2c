// The CLI at CI scale: worker threads give the same output bytes, in the same order, as one
// thread; the workspace pass uses the facts of the lint parse instead of parsing again; the
// progress line shows only on a terminal and only for long runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { lintTexts } from '../../server/src/cli/lint';
import * as os from 'node:os';
import { parallelMinChars, threadsFor } from '../../server/src/cli/parallel';
import { Progress, PROGRESS_AFTER_MS } from '../../server/src/cli/progress';
import { loadWorkspace, withWorkspaceFindings } from '../../server/src/cli/workspace';
import { newEngine } from '../support/engine';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { DENY_SANDBOX, peerAuthentication } from '../support/sample-manifests';

function workspaceFiles(count: number): Record<string, string> {
  const files: Record<string, string> = { 'deny.yaml': DENY_SANDBOX };
  for (let i = 0; i < count; i++) {
    const mode = i % 3 === 0 ? 'PERMISSIVE' : i % 3 === 1 ? 'STRICT' : 'DISABLE';
    files[`team-${i % 7}/pa-${i}.yaml`] = `${peerAuthentication({ namespace: i % 5 === 0 ? 'orders' : `team-${i}`, mode })}`;
  }
  return files;
}

async function withJobs<T>(jobs: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.MESHLINT_JOBS;
  process.env.MESHLINT_JOBS = jobs;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.MESHLINT_JOBS;
    else process.env.MESHLINT_JOBS = before;
  }
}

test('worker threads print the same bytes as one thread, in every format', async () => {
  const dir = writeTempWorkspace(workspaceFiles(90));
  for (const format of ['text', 'json', 'sarif']) {
    const args = [dir, '--format', format, '--min-severity', 'info'];
    const single = await withJobs('1', () => runCli(args));
    const threaded = await withJobs('3', () => runCli(args));
    assert.equal(threaded.code, single.code);
    assert.equal(threaded.out, single.out, format);
    assert.equal(threaded.err, single.err);
    if (format === 'text') {
      // Both kinds of finding are in there: per-file and cross-file.
      assert.match(single.out, /authorization-identity-without-strict/);
      assert.match(single.out, /peer-authentication-permissive/);
    }
  }
});

test('runs use one thread unless the input is large or MESHLINT_JOBS asks', () => {
  const small = [{ path: 'a.yaml', text: 'kind: A\n' }];
  assert.equal(threadsFor(small, undefined), 1);
  assert.equal(threadsFor(small, 4), 1, 'never more threads than files');
  const many = Array.from({ length: 100 }, (_, i) => ({ path: `${i}.yaml`, text: 'x'.repeat(parallelMinChars() / 80) }));
  assert.equal(threadsFor(many, undefined), Math.min(os.availableParallelism(), 5), 'one per core, at most one per 24 files');
  const under = many.slice(0, 79);
  assert.equal(threadsFor(under, undefined), 1, 'under the threshold, one thread');
  assert.equal(threadsFor(many, 3), 3);
  assert.equal(threadsFor(many, 1), 1);
});

test('on two cores a run needs much more text to use workers than with more cores', () => {
  // Measured on 2 cores: a second isolate pays off only from ~12 MB of text (docs/performance.md).
  assert.equal(parallelMinChars(2), 12_000_000);
  assert.equal(parallelMinChars(1), 12_000_000);
  assert.equal(parallelMinChars(4), 1_000_000);
});

test('the workspace pass reads the facts of the lint parse, not the text again', () => {
  const engine = newEngine();
  const inputs = [
    { path: 'deny.yaml', text: DENY_SANDBOX },
    { path: 'orders.yaml', text: peerAuthentication({ namespace: 'orders', mode: 'PERMISSIVE' }) },
  ];
  const linted = lintTexts(engine, inputs, DEFAULT_CONFIG);
  const ws = { ...loadWorkspace([], undefined, '/nonexistent-meshlint-dir'), config: DEFAULT_CONFIG };
  const withText = withWorkspaceFindings(linted, ws);
  // The same facts with the texts blanked: were the text parsed again, the cross-file finding would vanish.
  const blanked = withWorkspaceFindings(
    linted.map((l) => ({ ...l, text: '' })),
    ws,
  );
  const ids = (ls: typeof withText): string[] => ls.flatMap((l) => l.findings.map((f) => `${l.path} ${f.ruleId}`));
  assert.ok(ids(withText).includes('deny.yaml authorization-identity-without-strict'));
  assert.deepEqual(ids(blanked), ids(withText));
});

test('the progress line appears only on a terminal, after a few seconds, and is erased at the end', () => {
  let now = 0;
  const written: string[] = [];
  const tty = { isTTY: true, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WritableStream;
  const progress = new Progress(tty, 10, () => now);
  progress.update(1);
  assert.equal(written.length, 0, 'a short run shows nothing');
  now = PROGRESS_AFTER_MS + 1;
  progress.update(5);
  assert.match(written.join(''), /checked 5 of 10 files/);
  progress.update(6);
  assert.equal(written.length, 1, 'redrawn at most a few times a second');
  progress.end();
  assert.equal(written.at(-1), '\r\x1b[K');
  const pipe = { isTTY: false, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WritableStream;
  const quiet = new Progress(pipe, 10, () => now);
  now += PROGRESS_AFTER_MS * 2;
  quiet.update(3);
  quiet.end();
  assert.equal(written.length, 2, 'nothing on a pipe');
});
