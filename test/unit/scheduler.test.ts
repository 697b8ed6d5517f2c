// The validation scheduler: a fixed pause whatever a check cost, one check per document at a time,
// and a running check marked stale by a newer edit. Driven by hand-fired timers and checks that
// finish when the test says so; assertions count work, never time.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ValidationScheduler, type IsStale, type SchedulerTimers } from '../../server/src/lsp/scheduler';

class ManualTimers implements SchedulerTimers {
  readonly pending = new Map<number, { run: () => void; ms: number }>();
  readonly delays: number[] = [];
  private next = 1;
  setTimer(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { run, ms });
    this.delays.push(ms);
    return id;
  }
  clearTimer(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.run();
  }
}

interface Check {
  uri: string;
  stale: IsStale;
  finish: () => void;
  /** Whether the check saw itself stale when it finished. */
  sawStale?: boolean;
}

function setup(): { scheduler: ValidationScheduler; timers: ManualTimers; checks: Check[] } {
  const timers = new ManualTimers();
  const checks: Check[] = [];
  const scheduler = new ValidationScheduler(
    (uri, stale) =>
      new Promise<void>((resolve) => {
        const check: Check = {
          uri,
          stale,
          finish: () => {
            check.sawStale = stale();
            resolve();
          },
        };
        checks.push(check);
      }),
    5,
    timers,
  );
  return { scheduler, timers, checks };
}

/** Lets promise callbacks (the scheduler's awaits) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

test('the pause is the same short one whatever the last check cost', async () => {
  const { scheduler, timers, checks } = setup();
  for (let i = 0; i < 3; i++) {
    scheduler.schedule('a');
    timers.fireAll();
    await settle();
    checks[i].finish();
    await settle();
  }
  assert.deepEqual(timers.delays, [5, 5, 5]);
  assert.equal(scheduler.counts.started, 3);
  assert.equal(scheduler.counts.superseded, 0);
});

test('an edit during a check marks it stale, and the next check waits for it to stop', async () => {
  const { scheduler, timers, checks } = setup();
  scheduler.schedule('a');
  timers.fireAll();
  await settle();
  assert.equal(checks.length, 1);
  assert.equal(checks[0].stale(), false);
  scheduler.schedule('a');
  assert.equal(checks[0].stale(), true, 'the running check learns that its answer is unwanted');
  timers.fireAll();
  await settle();
  assert.equal(checks.length, 1, 'no second check runs beside the stale one');
  checks[0].finish();
  await settle();
  assert.equal(checks.length, 2);
  assert.equal(checks[1].stale(), false);
  checks[1].finish();
  await settle();
  assert.equal(scheduler.counts.started, 2);
  assert.equal(scheduler.counts.superseded, 1);
  assert.equal(checks[0].sawStale, true);
  assert.equal(checks[1].sawStale, false);
});

test('a burst of edits while a check runs starts one more check, not one per edit', async () => {
  const { scheduler, timers, checks } = setup();
  scheduler.schedule('a');
  timers.fireAll();
  await settle();
  for (let i = 0; i < 20; i++) {
    scheduler.schedule('a');
    // Some pauses end while the first check still runs: their timers fire and wait.
    if (i % 3 === 0) timers.fireAll();
    await settle();
  }
  timers.fireAll();
  await settle();
  checks[0].finish();
  await settle();
  assert.equal(checks.length, 2);
  checks[1].finish();
  await settle();
  assert.equal(scheduler.counts.started, 2);
  assert.equal(scheduler.counts.superseded, 1);
});

test('closing a document marks its check stale and starts nothing more', async () => {
  const { scheduler, timers, checks } = setup();
  scheduler.schedule('a');
  scheduler.schedule('b');
  timers.fireAll();
  await settle();
  scheduler.schedule('a');
  scheduler.forget('a');
  assert.equal(checks[0].stale(), true);
  assert.equal(checks[1].stale(), false, 'another document is not touched');
  timers.fireAll();
  checks[0].finish();
  checks[1].finish();
  await settle();
  assert.equal(checks.length, 2);
  assert.equal(scheduler.counts.superseded, 1);
});
