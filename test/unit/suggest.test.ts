// The did-you-mean search cuts distant candidates short; its answers must be those of the plain
// search over full edit distances, on random words and candidate lists.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { closest, editDistance } from '../../server/src/core/suggest';

function plainDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function plainClosest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = plainDistance(word.toLowerCase(), c.toLowerCase());
    if (score < bestScore) [best, bestScore] = [c, score];
  }
  return best !== undefined && bestScore <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-'), maxLength: 12 });

test('closest answers as the full search does', () => {
  fc.assert(
    fc.property(word, fc.array(word, { maxLength: 12 }), (w, candidates) => {
      assert.equal(closest(w, candidates), plainClosest(w, candidates));
    }),
    { numRuns: 2000 },
  );
});

test('editDistance is exact up to its limit and above it when past it', () => {
  fc.assert(
    fc.property(word, word, fc.nat(6), (a, b, limit) => {
      const exact = plainDistance(a, b);
      const cut = editDistance(a, b, limit);
      if (exact <= limit) assert.equal(cut, exact);
      else assert.ok(cut > limit);
      assert.equal(editDistance(a, b), exact);
    }),
    { numRuns: 2000 },
  );
});
