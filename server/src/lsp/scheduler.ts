// Debounces validation per document. The pause adapts to what a check of that document last
// cost: the engine re-checks only changed documents, so a typical edit is cheap and runs almost
// at once, while an expensive check (a cold open of a huge file) waits for typing to settle.
// The pause grows with the square of the cost (cost^2 / 20 ms): a 5 ms check waits ~1 ms, a 20 ms
// check 20 ms, a 50 ms check 125 ms. Cheap checks cannot pile up between keystrokes (~100 ms
// apart), so waiting for them would only add latency; dear ones would, so they wait for a pause.

export interface SchedulerOptions {
  minDelayMs: number;
  maxDelayMs: number;
}

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastCostMs = new Map<string, number>();

  constructor(
    private readonly run: (uri: string) => Promise<number>,
    private readonly options: SchedulerOptions = { minDelayMs: 1, maxDelayMs: 250 },
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const cost = this.lastCostMs.get(uri) ?? 0;
    const delay = Math.min(this.options.maxDelayMs, Math.max(this.options.minDelayMs, (cost * cost) / 20));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri).then((ms) => this.lastCostMs.set(uri, ms));
      }, delay),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.lastCostMs.delete(uri);
  }
}
