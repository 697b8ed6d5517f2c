// The `# expect:` markers of rule fixtures (test/fixtures/README.md): how they read and when a
// rule's findings fail to meet them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markerMismatches, parseMarkers, type Reported } from '../support/fixtures';

const found = (line: number, col: number, message = 'a finding'): Reported => ({ line, col, message });

test('a marker states rule, count, column and message fragment; expect+N points N lines down', () => {
  const text = [
    'a: 1 # expect: rule-a',
    'b: 2 # expect: rule-a x2, rule-b @col=4 "say \'so\'"',
    'c: | # expect+2: rule-c \'say "so"\'',
    '  x',
    '  y',
  ].join('\n');
  assert.deepEqual(parseMarkers(text), [
    { line: 1, ruleId: 'rule-a', count: 1 },
    { line: 2, ruleId: 'rule-a', count: 2 },
    { line: 2, ruleId: 'rule-b', count: 1, col: 4, fragment: "say 'so'" },
    { line: 5, ruleId: 'rule-c', count: 1, fragment: 'say "so"' },
  ]);
});

test('a marker that does not read is an error, not a silent pass', () => {
  assert.throws(() => parseMarkers('a: 1 # expect: rule-a @column=3'), /line 1: cannot read the marker/);
  assert.throws(() => parseMarkers('a: 1 # expect: Rule_A'), /cannot read/);
  assert.throws(() => parseMarkers('a: 1 # expect:'), /empty marker/);
  assert.throws(() => parseMarkers('a: 1 # expect: rule-a x0'), /at least 1/);
});

test('counts per line must match exactly', () => {
  const one = parseMarkers('a: 1 # expect: rule-a');
  assert.deepEqual(markerMismatches(one, [found(1, 1)]), []);
  assert.match(markerMismatches(one, [found(1, 1), found(1, 6)]).join(), /line 1: expected 1 finding\(s\), got 2/);
  assert.match(markerMismatches(one, []).join(), /line 1: expected 1 finding\(s\), got 0/);
  assert.match(markerMismatches([], [found(3, 1)]).join(), /line 3: expected 0 finding\(s\), got 1/);
  assert.deepEqual(markerMismatches(parseMarkers('a: 1 # expect: rule-a x2'), [found(1, 1), found(1, 6)]), []);
});

test('each column and fragment needs a finding of its own', () => {
  const marks = parseMarkers('a: [x, y] # expect: rule-a @col=5 "upper case", rule-a @col=8');
  assert.deepEqual(markerMismatches(marks, [found(1, 8, 'other'), found(1, 5, 'in upper case')]), []);
  const swapped = markerMismatches(marks, [found(1, 5, 'other'), found(1, 8, 'in upper case')]);
  assert.match(swapped.join(), /no finding at @col=5 saying "upper case"/);
  assert.match(markerMismatches(marks, [found(1, 5, 'in upper case'), found(1, 5, 'other')]).join(), /no finding at @col=8/);
});
