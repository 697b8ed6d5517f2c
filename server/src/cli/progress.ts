// The progress line of a long CLI run: shown on standard error only when it is a terminal and
// the run has lasted a few seconds (short runs and CI logs stay clean), rewritten in place at
// most a few times a second, and erased when the run ends.

/** A run shorter than this shows no progress (ms). */
export const PROGRESS_AFTER_MS = 3000;
const REDRAW_MS = 250;

export class Progress {
  private readonly started: number;
  private lastDraw = -Infinity;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(done: number): void {
    if (!this.stream.isTTY) return;
    const t = this.now();
    if (t - this.started < PROGRESS_AFTER_MS || t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.shown = true;
    this.stream.write(`\r\x1b[Kmeshlint: checked ${done} of ${this.total} files`);
  }

  /** Erases the line, so the findings start on a clean one. */
  end(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
