// Facts from Go's own tests for time.ParseDuration, the parser cert-manager's webhook runs on
// Certificate durations: inputs and the nanoseconds (or error) Go gives for each.
//
// Source: golang/go src/time/time_test.go, tables parseDurationTests (read by TestParseDuration) and
// parseDurationErrorTests (read by TestParseDurationErrors), commit f7396aaea0297a2e95b502a4075b0aed6efda89f.

const S = 1_000_000_000n;
const MS = 1_000_000n;
const US = 1_000n;
const MIN = 60n * S;
const H = 60n * MIN;

/** Text Go parses, and the duration it gives in nanoseconds. */
export const GO_PARSE_DURATION_OK: ReadonlyArray<readonly [string, bigint]> = [
  // simple
  ['0', 0n],
  ['5s', 5n * S],
  ['30s', 30n * S],
  ['1478s', 1478n * S],
  // sign
  ['-5s', -5n * S],
  ['+5s', 5n * S],
  ['-0', 0n],
  ['+0', 0n],
  // decimal
  ['5.0s', 5n * S],
  ['5.6s', 5n * S + 600n * MS],
  ['5.s', 5n * S],
  ['.5s', 500n * MS],
  ['1.0s', S],
  ['1.00s', S],
  ['1.004s', S + 4n * MS],
  ['1.0040s', S + 4n * MS],
  ['100.00100s', 100n * S + MS],
  // different units
  ['10ns', 10n],
  ['11us', 11n * US],
  ['12\u00b5s', 12n * US], // micro sign
  ['12\u03bcs', 12n * US], // Greek mu
  ['13ms', 13n * MS],
  ['14s', 14n * S],
  ['15m', 15n * MIN],
  ['16h', 16n * H],
  // composite durations
  ['3h30m', 3n * H + 30n * MIN],
  ['10.5s4m', 4n * MIN + 10n * S + 500n * MS],
  ['-2m3.4s', -(2n * MIN + 3n * S + 400n * MS)],
  ['1h2m3s4ms5us6ns', H + 2n * MIN + 3n * S + 4n * MS + 5n * US + 6n],
  ['39h9m14.425s', 39n * H + 9n * MIN + 14n * S + 425n * MS],
  // large value
  ['52763797000ns', 52763797000n],
  // more than 9 digits after the point (Go issue 6617)
  ['0.3333333333333333333h', 20n * MIN],
  // 2^53+1 has no exact float64
  ['9007199254740993ns', (1n << 53n) + 1n],
  // the largest and smallest int64 nanoseconds
  ['9223372036854775807ns', (1n << 63n) - 1n],
  ['9223372036854775.807us', (1n << 63n) - 1n],
  ['9223372036s854ms775us807ns', (1n << 63n) - 1n],
  ['-9223372036854775808ns', -(1n << 63n)],
  ['-9223372036854775.808us', -(1n << 63n)],
  ['-9223372036s854ms775us808ns', -(1n << 63n)],
  // the most negative value written as Duration.String() writes it (Go issue 48629)
  ['-2562047h47m16.854775808s', -(1n << 63n)],
  // a long fraction (Go issue 15011)
  ['0.100000000000000000000h', 6n * MIN],
  // the first overflow check of the fraction's digits
  ['0.830103483285477580700h', 49n * MIN + 48n * S + 372539827n],
];

/**
 * Text Go rejects as not a duration. Go's table also holds byte strings that are not UTF-8 ("\x85\x85", "\xffff",
 * "hello \xffff world"); a YAML value reaches us decoded, so those become the characters U+0085 and
 * U+00FF here, which Go would reject as well (no digits, unknown unit).
 */
export const GO_PARSE_DURATION_INVALID: readonly string[] = [
  '',
  '3',
  '-',
  's',
  '.',
  '-.',
  '.s',
  '+.s',
  '1d',
  '\u0085\u0085',
  '\u00ffff',
  'hello \u00ffff world',
  '\ufffd',
  '\ufffd hello \ufffd world',
];

/** Text Go rejects because the duration does not fit in int64 nanoseconds (about 292 years). */
export const GO_PARSE_DURATION_OVERFLOW: readonly string[] = [
  '9223372036854775810ns',
  '9223372036854775808ns',
  '-9223372036854775809ns',
  '9223372036854776us',
  '3000000h',
  '9223372036854775.808us',
  '9223372036854ms775us808ns',
];
