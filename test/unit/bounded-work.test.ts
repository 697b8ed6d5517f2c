// Work bounds on hostile input, checked by counting steps (core/work-count.ts) as the input
// doubles: the count must roughly double, never quadruple. Deterministic, unlike timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Alias, Document } from 'yaml';
import { parseYaml, MAX_DOCUMENT_LENGTH } from '../../server/src/core/parse';
import { MAX_NESTING_DEPTH } from '../../server/src/core/nesting-depth';
import { allowedAliasRatio, excessiveAliasing } from '../../server/src/core/plain-value';
import { countSteps } from '../../server/src/core/work-count';
import { completeAt } from '../../server/src/core/completion/complete';
import { outline, MAX_SYMBOLS } from '../../server/src/core/outline/outline';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { newEngine, registry } from '../support/engine';

/** Steps for inputs of size n and 2n, and their ratio. */
function doubling(make: (n: number) => string, run: (input: string) => void, n: number): { ratio: number; steps: [number, number] } {
  const a = countSteps(() => run(make(n)));
  const b = countSteps(() => run(make(2 * n)));
  return { ratio: b / a, steps: [a, b] };
}

const HEADER = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: x\n';

function mergeKeys(n: number, distinct: boolean): string {
  let s = HEADER;
  for (let i = 0; i < n; i++) {
    const anchor = distinct ? `a${i}` : 'a0';
    if (distinct || i === 0) s += `base${i}: &${anchor} {x: ${i}}\n`;
    s += `k${i}:\n  <<: *${anchor}\n  v: ${i}\n`;
  }
  return s;
}

test('aliases and merge keys: linear steps, and the parser is never asked to resolve or convert', () => {
  const calls = { resolve: 0, toJS: 0 };
  // The spies call the originals back with apply(this), so taking them off the prototype is safe.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const resolve = Alias.prototype.resolve;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const toJS = Document.prototype.toJS;
  Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias['resolve']>) {
    calls.resolve++;
    return resolve.apply(this, args);
  };
  Document.prototype.toJS = function (this: Document, ...args: Parameters<Document['toJS']>) {
    calls.toJS++;
    return toJS.apply(this, args) as unknown;
  };
  try {
    const distinct = doubling((n) => mergeKeys(n, true), parseYaml, 1500);
    assert.ok(distinct.ratio < 2.3, `distinct anchors: ${JSON.stringify(distinct.steps)}`);
    const shared = doubling((n) => mergeKeys(n, false), parseYaml, 1500);
    assert.ok(shared.ratio < 2.3, `one anchor: ${JSON.stringify(shared.steps)}`);
    assert.deepEqual(calls, { resolve: 0, toJS: 0 }, 'each library resolve walks the whole document');
  } finally {
    Alias.prototype.resolve = resolve;
    Document.prototype.toJS = toJS;
  }
  const parsed = parseYaml(mergeKeys(3000, true));
  assert.deepEqual(parsed.problems, []);
  const last = (parsed.value as Record<string, unknown>).k2999;
  assert.deepEqual(last, { x: 2999, v: 2999 }, 'merge keys merge in every document, as kubectl (YAML 1.1) reads them');
  const yaml11 = parseYaml(`%YAML 1.1\n---\n${mergeKeys(3, true)}`);
  assert.deepEqual((yaml11.value as Record<string, unknown>).k2, { x: 2, v: 2 }, 'YAML 1.1 merges them');
});

test("the alias guard is kubectl's (go-yaml v2 allowedAliasRatio): many uses of an anchor pass, a bomb fails", () => {
  const uses = (n: number): string => `a: &a 1\nb: [${Array(n).fill('*a').join(', ')}]\n`;
  // A flat limit of 200 uses refused this, though kubectl reads it (issue 9 review).
  assert.deepEqual(parseYaml(uses(250)).problems, []);
  assert.deepEqual(parseYaml(uses(20_000)).problems, [], 'a scalar alias decodes two nodes, half of them through the alias');
  // go-yaml's thresholds, transcribed: over 100 aliased of over 1,000 decoded, ratio 0.99 falling to 0.10.
  assert.equal(allowedAliasRatio(1000), 0.99);
  assert.equal(allowedAliasRatio(4_000_000), 0.1);
  assert.ok(Math.abs(allowedAliasRatio(2_200_000) - 0.545) < 1e-9);
  assert.equal(excessiveAliasing(1000, 995), false, 'not over 1,000 decoded');
  assert.equal(excessiveAliasing(1001, 100), false, 'not over 100 from aliases');
  assert.equal(excessiveAliasing(1001, 992), true);
  const bomb = 'x: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: [*c,*c,*c]\n';
  assert.match(parseYaml(bomb).problems[0]?.message ?? '', /could not be read: Excessive alias count/);
  assert.match(parseYaml('a: *nope\n').problems[0]?.message ?? '', /Unresolved alias/);
});

test('the alias guard counts nodes exactly as go-yaml v2 does: the first alias past the ratio fails, the one before passes', () => {
  // go-yaml counts every decoded node, and an alias again counts its target's whole subtree (all of it
  // through the alias). With a = 200 scalars: before b's aliases 205 nodes are decoded (root, key a,
  // the list and its items, key b, b's list); alias k adds 202 (itself and a) of which 201 are aliased.
  // 201k / (205 + 202k) first passes 0.99 at k = 199.
  const flat = (m: number): string => `a: &a [${Array(200).fill('1').join(', ')}]\nb: [${Array(m).fill('*a').join(', ')}]\n`;
  assert.deepEqual(parseYaml(flat(198)).problems, []);
  assert.match(parseYaml(flat(199)).problems[0]?.message ?? '', /Excessive alias count/);
  // An anchored list that holds aliases counts their expansion too: b = 1 + 10 * (1 + 11) = 121 nodes.
  // Before c's aliases 137 nodes are decoded, 110 of them aliased; alias k adds 122, 121 aliased:
  // (110 + 121k) / (137 + 122k) first passes 0.99 at k = 117.
  const nested = (m: number): string =>
    `a: &a [${Array(10).fill('1').join(', ')}]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: [${Array(m).fill('*b').join(', ')}]\n`;
  assert.deepEqual(parseYaml(nested(116)).problems, []);
  assert.match(parseYaml(nested(117)).problems[0]?.message ?? '', /Excessive alias count/);
});

test('a map of many keys parses in linear steps and a duplicate key is reported once', () => {
  const flat = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}: ${i}\n`).join('');
  const r = doubling(flat, parseYaml, 20_000);
  assert.ok(r.ratio < 2.3, `${JSON.stringify(r.steps)}`);
  const dupText = 'a: 1\nb: 2\na: 3\n{x: 1, x: 2}: 4\n';
  const dup = parseYaml(dupText);
  const expected = [
    ['DUPLICATE_KEY', dupText.indexOf('a: 3')],
    ['DUPLICATE_KEY', dupText.indexOf('x: 2')],
  ];
  assert.deepEqual(
    dup.problems.map((p) => [p.code, p.start]),
    expected,
  );
  assert.equal(dup.value, undefined, 'a document with a duplicate key has no value, as before');
  assert.deepEqual(parseYaml('.nan: 1\n.nan: 2\n').problems, [], 'NaN never equals itself');
});

test('deep nesting is refused before the parser, where it gets too deep', () => {
  const flow = (d: number): string => `${HEADER}x: ${'['.repeat(d)}${']'.repeat(d)}\n`;
  const deep = parseYaml(flow(40_000));
  assert.equal(deep.problems.length, 1);
  assert.equal(deep.problems[0].code, 'TOO_DEEP');
  assert.equal(deep.problems[0].start, flow(40_000).indexOf('[') + MAX_NESTING_DEPTH - 1, 'on the first bracket past the limit');
  assert.ok(countSteps(() => parseYaml(flow(80_000))) < 2 * countSteps(() => parseYaml(flow(40_000))), 'the scan stops at the limit');
  assert.equal(parseYaml(flow(MAX_NESTING_DEPTH - 1)).problems.length, 0, 'just under the limit still parses');
  const block = `${HEADER}x:\n${Array.from({ length: MAX_NESTING_DEPTH + 10 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}a\n`;
  assert.equal(parseYaml(block).problems[0]?.code, 'TOO_DEEP');
  const compact = `${HEADER}x:\n${'- '.repeat(MAX_NESTING_DEPTH + 10)}a\n`;
  assert.equal(parseYaml(compact).problems[0]?.code, 'TOO_DEEP');
  // Brackets inside quotes, comments and block scalars are text, not nesting.
  const text = `${HEADER}a: "${'['.repeat(3000)}"\nb: |\n  ${'{'.repeat(3000)}\n# ${'['.repeat(3000)}\nc: x${'['.repeat(3000)}\n`;
  assert.deepEqual(parseYaml(text).problems, []);
  const analysis = newEngine().analyze(flow(40_000), DEFAULT_CONFIG);
  assert.deepEqual(
    analysis.findings.map((f) => f.ruleId),
    ['yaml-syntax'],
  );
});

test('a document over the size limit is refused without parsing; a long comment is not content', () => {
  const big = `${HEADER}data: "${'x'.repeat(MAX_DOCUMENT_LENGTH)}"\n`;
  const parsed = parseYaml(big);
  assert.deepEqual([parsed.root, parsed.problems.map((p) => p.code)], [null, ['TOO_LARGE']]);
  const commented = parseYaml(`${HEADER}# ${'x'.repeat(MAX_DOCUMENT_LENGTH)}\n`);
  assert.deepEqual(commented.problems, []);
});

test('completion on a long line: linear steps in the line length', () => {
  const shapes: ((n: number) => string)[] = [
    (n) => `  a${' '.repeat(n)}`,
    (n) => `  mode: ${'a: '.repeat(n / 3)}`,
    (n) => `  ${'a #'.repeat(n / 3)}`,
  ];
  const deps = { registry: registry(), trustDomain: 'cluster.local' };
  for (const shape of shapes) {
    const doc = (n: number): string => `${HEADER}spec:\n${shape(n)}\n`;
    const r = doubling(doc, (text) => void completeAt(text, text.length - 1, deps), 20_000);
    assert.ok(r.ratio < 2.3, `${shape(9)}: ${JSON.stringify(r.steps)}`);
  }
});

test('the outline of a file of many resources stops at its symbol budget', () => {
  const doc = (i: number): string => `${HEADER.replace('name: x', `name: p${i}`)}spec:\n  mtls:\n    mode: STRICT\n`;
  const text = Array.from({ length: MAX_SYMBOLS + 50 }, (_, i) => doc(i)).join('---\n');
  const symbols = outline(newEngine().analyze(text, DEFAULT_CONFIG));
  const count = (list: typeof symbols): number => list.reduce((n, s) => n + 1 + count(s.children), 0);
  assert.equal(count(symbols), MAX_SYMBOLS);
  assert.equal(symbols[0].name, 'PeerAuthentication p0');
});

test('completion in a document over the size limit reads nothing', () => {
  const text = `${HEADER}spec:\n${'  a: b\n'.repeat(MAX_DOCUMENT_LENGTH / 7 + 10)}  m`;
  const deps = { registry: registry(), trustDomain: 'cluster.local' };
  let items: unknown[] = [];
  assert.equal(
    countSteps(() => (items = completeAt(text, text.length, deps))),
    0,
  );
  assert.deepEqual(items, []);
  assert.ok(completeAt(`${HEADER}spec:\n  m`, HEADER.length + 8, deps).length > 0, 'a normal document still completes');
});
