// cert-manager's renewal-window cron parser (internal/cron, a copy of robfig/cron) against robfig/cron's
// own test tables (parser_test.go: TestRange, TestField, TestParseScheduleErrors, TestStandardSpecSchedule),
// transcribed as facts; bit masks become the lists of values they select.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIELDS, cronProblem, fieldValues, rangeValues } from '../../server/src/core/rules/lib/cron-spec';
import { goZoneExists } from '../../server/src/core/rules/lib/go-timezone';

const span = (a: number, b: number, step = 1): number[] => Array.from({ length: Math.floor((b - a) / step) + 1 }, (_, i) => a + i * step);

// TestRange: expression, bounds, the values it selects (or the error text robfig reports).
const RANGES: [string, number, number, number[] | string][] = [
  ['5', 0, 7, [5]],
  ['0', 0, 7, [0]],
  ['7', 0, 7, [7]],
  ['5-5', 0, 7, [5]],
  ['5-6', 0, 7, [5, 6]],
  ['5-7', 0, 7, [5, 6, 7]],
  ['5-6/2', 0, 7, [5]],
  ['5-7/2', 0, 7, [5, 7]],
  ['5-7/1', 0, 7, [5, 6, 7]],
  ['*', 1, 3, [1, 2, 3]],
  ['*/2', 1, 3, [1, 3]],
  ['0-99', 0, 130, span(0, 99)],
  ['63-100', 1, 130, span(63, 100)],
  ['5--5', 0, 0, 'too many hyphens'],
  ['jan-x', 0, 0, 'not a number'],
  ['2-x', 1, 5, 'not a number'],
  ['*/-12', 0, 0, 'negative number'],
  ['*//2', 0, 0, 'too many slashes'],
  ['1', 3, 5, 'below the minimum'],
  ['6', 3, 5, 'above the maximum'],
  ['5-3', 3, 5, 'after its end'],
  ['*/0', 0, 0, 'a step of 0'],
];

test("robfig's TestRange: values and errors of one range", () => {
  for (const [expr, min, max, want] of RANGES) {
    const got = rangeValues(expr, { min, max });
    if (typeof want === 'string') assert.match(String(got), new RegExp(want), expr);
    else assert.deepEqual(got, want, expr);
  }
});

test("robfig's TestField: comma-separated ranges", () => {
  const cases: [string, number, number, number[]][] = [
    ['5', 1, 7, [5]],
    ['5,6', 1, 7, [5, 6]],
    ['5,6,7', 1, 7, [5, 6, 7]],
    ['1,5-7/2,3', 1, 7, [1, 3, 5, 7]],
    ['65-72/2', 1, 130, [65, 67, 69, 71]],
  ];
  for (const [expr, min, max, want] of cases) {
    const got = fieldValues(expr, { min, max });
    assert.deepEqual(typeof got === 'string' ? got : [...got].sort((a, b) => a - b), want, expr);
  }
});

test('five-field specs, descriptors and time zone prefixes the standard parser accepts (TestParseSchedule, TestStandardSpecSchedule)', () => {
  for (const spec of [
    '5 * * * *',
    'CRON_TZ=UTC  5 * * * *',
    'TZ=Asia/Tokyo 5 * * * *',
    '@every 5m',
    '@midnight',
    'TZ=UTC  @midnight',
    '@yearly',
    '@annually',
  ])
    assert.equal(cronProblem(spec, goZoneExists), undefined, spec);
});

test('specs the standard parser rejects (TestParseScheduleErrors, TestStandardSpecSchedule)', () => {
  const cases: [string, RegExp][] = [
    ['5 j * * *', /not a number/],
    ['* * * *', /4 fields/],
    ['0 5 * * * *', /6 fields/], // the seconds field of robfig's secondParser does not exist here
    ['@every Xm', /no Go duration/],
    ['@unrecognized', /not a descriptor/],
    ['', /empty/],
    ['CRON_TZ=Nowhere/Land 5 * * * *', /unknown/],
    ['CRON_TZ=UTC', /no schedule/], // cert-manager's parser_test.go: a zone with no schedule is an error, not a panic
  ];
  for (const [spec, why] of cases) assert.match(cronProblem(spec, goZoneExists) ?? 'accepted', why, spec);
});

test('Go reads zone names as case-sensitive files; Intl alone would accept these', () => {
  assert.equal(goZoneExists('America/Denver'), true);
  assert.equal(goZoneExists('Local'), true);
  assert.equal(goZoneExists(''), true);
  for (const name of ['america/denver', 'utc', '+05:00', '../etc/passwd', 'Mars/Olympus_Mons'])
    assert.equal(goZoneExists(name), false, name);
});

test("robfig's TestBits (all): '*' covers each field's whole range, day of week being 0-6", () => {
  const all = FIELDS.map((f) => {
    const v = fieldValues('*', f);
    return typeof v === 'string' ? v : [Math.min(...v), Math.max(...v), v.size];
  });
  assert.deepEqual(all, [
    [0, 59, 60],
    [0, 23, 24],
    [1, 31, 31],
    [1, 12, 12],
    [0, 6, 7],
  ]);
});
