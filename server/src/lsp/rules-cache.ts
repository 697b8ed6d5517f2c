// The workspace rules run of one folder: cached by index generation and config, incremental (only
// rules whose inputs changed run again), timed with an injected clock, and deferred to a pause in
// typing once a run has proved costly.
import { configFingerprint, type Config } from '../core/config';
import type { Finding } from '../core/types';
import { IncrementalRules } from '../core/workspace/incremental-run';
import type { WorkspaceIndex } from '../core/workspace/workspace-index';
import { WORKSPACE_RULES } from '../core/workspace/workspace-rules';

/** A rules run cheaper than this happens on every edit; a dearer one waits for a pause in typing. */
export const INLINE_BUDGET_MS = 30;

/**
 * A file of this many documents, just opened, is taken as costly before any cost is measured: its
 * facts are all new, and extracting them takes about 0.1 ms a document in a server whose code is not
 * warm yet (the first open of bench/latency.ts's 1,000-document file), so 300 of them fill the inline
 * budget alone. Its own findings are published first; its workspace findings follow at once.
 */
export const LARGE_OPEN_DOCUMENTS = 300;

/** The pause in typing after which a costly rules run happens (ms): about one keystroke's gap. */
export const DEFER_PAUSE_MS = 120;

export interface RulesClock {
  /** Wall clock in ms; without it every run counts as cheap. */
  now?: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** The typing pause (ms), when not DEFER_PAUSE_MS (the `typingPauseMs` initialization option, for tests). */
  pauseMs?: () => number;
}

export const NODE_TIMERS: Pick<RulesClock, 'setTimer' | 'clearTimer'> = {
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RulesRunCache {
  private results?: { key: string; byUri: Map<string, Finding[]> };
  /** Cost of the last run (ms). */
  private lastCost = 0;
  /** Cost of the last change to an open document's facts (ms): moving a large file's facts is work too. */
  private indexCost = 0;
  private timer: unknown;
  /** The run the timer will start, and the file just opened that asked for it (see `published`). */
  private waiting?: () => void;
  private opened?: string;
  private readonly rules = new IncrementalRules(WORKSPACE_RULES);

  constructor(
    private readonly clock: RulesClock,
    private readonly log: (message: string) => void,
  ) {}

  /** True once a run, with the indexing before it, has cost more than an edit may wait for. */
  get costly(): boolean {
    return this.lastCost + this.indexCost > INLINE_BUDGET_MS;
  }

  /** What the last change to the index cost (ms), measured by the caller with the same clock. */
  noteIndexCost(ms: number): void {
    this.indexCost = ms;
  }

  resultsOf(index: WorkspaceIndex, config: Config): Map<string, Finding[]> {
    const key = `${index.generation}|${configFingerprint(config)}`;
    if (this.results?.key === key) return this.results.byUri;
    const started = this.clock.now?.() ?? 0;
    const result = this.rules.run(index.view(), config);
    this.lastCost = (this.clock.now?.() ?? 0) - started;
    for (const e of result.internalErrors) this.log(e);
    this.results = { key, byUri: result.byUri };
    return result.byUri;
  }

  /**
   * Runs `then` once typing pauses, a fixed pause (a later call replaces it). A pause that grew with
   * the last run's cost added twice that cost to every cross-file update, and grew with machine load.
   * `opened`: the file just opened that asks for the run; it starts when that file's publish is sent.
   */
  defer(then: () => Promise<void>, opened?: string): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    const run = (): void => {
      this.timer = undefined;
      this.waiting = undefined;
      this.opened = undefined;
      then().catch((err: unknown) => this.log(`workspace rules failed: ${(err as Error).stack ?? String(err)}`));
    };
    // A run already waiting for typing (not for another file just opened) keeps its pause.
    const typing = this.waiting !== undefined && this.opened === undefined;
    this.waiting = run;
    this.opened = typing ? undefined : opened;
    this.timer = this.clock.setTimer(run, this.clock.pauseMs?.() ?? DEFER_PAUSE_MS);
  }

  /**
   * A publish of `key` was sent. If the waiting run was asked for by that file just opened, it starts
   * now: the pause is for typing, which an opened file has not had, and its own findings are out
   * (a 0 ms timer instead ran before the publish was written, and held it back).
   */
  published(key: string): void {
    if (this.opened !== key || !this.waiting) return;
    this.clock.clearTimer(this.timer);
    this.waiting();
  }
}
