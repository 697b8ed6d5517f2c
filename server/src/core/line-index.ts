// Offset <-> line/column conversion (0-based, UTF-16 columns, as LSP counts them).

import { withLineFeeds } from './line-breaks';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // A lone `\r` ends a line too, as it does for kubectl's reader and for LSP clients
    // (line-breaks.ts); searching its LF twin finds the same line starts.
    const lf = withLineFeeds(text);
    // indexOf is native: about half the time of a charCodeAt loop while the code is still cold,
    // and every document of a file just opened builds one of these for its facts' positions.
    for (let i = lf.indexOf('\n'); i !== -1; i = lf.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, line)];
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.min(start + Math.max(0, character), next);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}
