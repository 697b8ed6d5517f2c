// "Did you mean" suggestions for misspelt keys and enum values.

/** Levenshtein distance; with `limit`, any distance above it may be reported as `limit + 1` (stops early). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    // Every later row is at least this row's minimum: past the limit, no answer can come back under it.
    if (rowMin > limit) return limit + 1;
  }
  return prev[b.length];
}

/**
 * The closest candidate, if it is close enough to be a likely typo. Candidates further than the
 * limit are cut short (length first, then row by row): the workspace rules ask this of every
 * unknown name against every namespace or account of a large workspace.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = editDistance(lower, c.toLowerCase(), Math.min(limit, bestScore - 1));
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= limit ? best : undefined;
}
