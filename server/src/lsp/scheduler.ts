// Debounces validation per document by one turn of the event loop, and cancels stale work instead
// of waiting it out. A pause that grew with the last check's cost made a slow check (a huge file, a
// busy machine) wait longer still, so latency grew with load, and even a fixed 5 ms pause was most
// of an edit's latency in a large file; here the check starts once the messages already received
// are handled, a newer edit marks the running check stale (the check stops at its next slice), and
// at most one check per document runs at a time, so a burst of edits never piles up concurrent work.

export interface SchedulerTimers {
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** What a check is told: whether a newer edit (or a close) has made its answer unwanted. */
export type IsStale = () => boolean;

export interface SchedulerCounts {
  /** Checks started. */
  started: number;
  /** Checks that ended after being marked stale (their answer was dropped or cut short). */
  superseded: number;
}

/**
 * The pause after an edit before checking (ms). 0 is one macrotask (`setImmediate`): the messages
 * already read (the rest of a keystroke, the next keystrokes of a burst) are handled first.
 */
export const EDIT_PAUSE_MS = 0;

type NodeHandle = { timeout: ReturnType<typeof setTimeout> } | { immediate: ReturnType<typeof setImmediate> };

const NODE_SCHEDULER_TIMERS: SchedulerTimers = {
  setTimer: (run, ms): NodeHandle => (ms > 0 ? { timeout: setTimeout(run, ms) } : { immediate: setImmediate(run) }),
  clearTimer: (handle) => {
    const h = handle as NodeHandle;
    if ('timeout' in h) clearTimeout(h.timeout);
    else clearImmediate(h.immediate);
  },
};

interface DocState {
  /** Bumped by every schedule and forget: a check holding an older value is stale. */
  generation: number;
  timer?: unknown;
  running?: Promise<void>;
  /** The generation whose check was started last (two waiting timers must not both start it). */
  started?: number;
  closed: boolean;
}

export class ValidationScheduler {
  private readonly docs = new Map<string, DocState>();
  readonly counts: SchedulerCounts = { started: 0, superseded: 0 };

  constructor(
    private readonly run: (uri: string, stale: IsStale) => Promise<unknown>,
    private readonly pauseMs: number = EDIT_PAUSE_MS,
    private readonly timers: SchedulerTimers = NODE_SCHEDULER_TIMERS,
  ) {}

  schedule(uri: string): void {
    const state = this.stateOf(uri);
    state.generation++;
    if (state.timer !== undefined) this.timers.clearTimer(state.timer);
    state.timer = this.timers.setTimer(() => {
      state.timer = undefined;
      void this.start(uri, state);
    }, this.pauseMs);
  }

  /** The document was closed: drop its pending check and mark a running one stale. */
  forget(uri: string): void {
    const state = this.docs.get(uri);
    if (!state) return;
    state.generation++;
    state.closed = true;
    if (state.timer !== undefined) this.timers.clearTimer(state.timer);
    state.timer = undefined;
    if (!state.running) this.docs.delete(uri);
  }

  private stateOf(uri: string): DocState {
    let state = this.docs.get(uri);
    if (!state) this.docs.set(uri, (state = { generation: 0, closed: false }));
    state.closed = false;
    return state;
  }

  private async start(uri: string, state: DocState): Promise<void> {
    // The previous check was marked stale by this schedule: let it stop (at its next slice) first.
    while (state.running) await state.running;
    // Another schedule came while waiting (its own timer starts the check), or the document closed.
    if (state.timer !== undefined || state.closed || state.started === state.generation) return;
    const generation = state.generation;
    state.started = generation;
    const stale = (): boolean => state.generation !== generation;
    this.counts.started++;
    const done = this.run(uri, stale).then(
      () => undefined,
      () => undefined,
    );
    state.running = done;
    await done;
    state.running = undefined;
    if (stale()) this.counts.superseded++;
    if (state.closed && this.docs.get(uri) === state) this.docs.delete(uri);
  }
}
