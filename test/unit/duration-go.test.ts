// Our Go duration parser against Go's own test tables for time.ParseDuration, plus the overflow cases
// that once read as an infinite lifetime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationRejection, parseDuration, parseDurationNanos } from '../../server/src/core/duration';
import { analyze } from '../support/engine';
import { GO_PARSE_DURATION_INVALID, GO_PARSE_DURATION_OK, GO_PARSE_DURATION_OVERFLOW } from './go-tables/duration-cases';

const GO_PARSE_DURATION_ERRORS = [...GO_PARSE_DURATION_INVALID, ...GO_PARSE_DURATION_OVERFLOW];

test("every duration Go parses gives Go's nanoseconds", () => {
  const wrong = GO_PARSE_DURATION_OK.filter(([text, nanos]) => parseDurationNanos(text) !== nanos).map(
    ([text, nanos]) => `${JSON.stringify(text)}: got ${parseDurationNanos(text)}, Go gives ${nanos}`,
  );
  assert.deepEqual(wrong, []);
});

test('every duration Go rejects is rejected', () => {
  const accepted = GO_PARSE_DURATION_ERRORS.filter((text) => parseDurationNanos(text) !== undefined).map(
    (text) => `${JSON.stringify(text)} -> ${parseDurationNanos(text)}`,
  );
  assert.deepEqual(accepted, []);
});

test("the reason for a rejection follows Go's table: not a duration, or too large", () => {
  for (const text of GO_PARSE_DURATION_INVALID) assert.equal(durationRejection(text), 'syntax', JSON.stringify(text));
  for (const text of GO_PARSE_DURATION_OVERFLOW) assert.equal(durationRejection(text), 'range', text);
  for (const [text] of GO_PARSE_DURATION_OK) assert.equal(durationRejection(text), undefined, text);
});

test('seconds are the nanoseconds divided, so rules compare what Go compares', () => {
  for (const [text, nanos] of GO_PARSE_DURATION_OK) assert.equal(parseDuration(text), Number(nanos) / 1e9, text);
  for (const text of GO_PARSE_DURATION_ERRORS) assert.equal(parseDuration(text), undefined, text);
});

test('the extremes Go prints parse back (TestParseDurationRoundTrip)', () => {
  assert.equal(parseDurationNanos('2562047h47m16.854775807s'), (1n << 63n) - 1n);
  assert.equal(parseDurationNanos('-2562047h47m16.854775808s'), -(1n << 63n));
});

test('huge numbers are an error, not an infinite duration', () => {
  for (const text of [`1${'0'.repeat(399)}h`, `${'9'.repeat(400)}s`, `${'9'.repeat(30)}.5h`, `-${'9'.repeat(400)}ns`]) {
    assert.equal(parseDuration(text), undefined, text.slice(0, 20));
    assert.equal(durationRejection(text), 'range', text.slice(0, 20));
  }
  // A long fraction alone is fine: Go keeps the digits that fit and drops the rest.
  const nanos = parseDurationNanos(`1.${'5'.repeat(400)}h`);
  assert.ok(nanos !== undefined && nanos - 5600n * 1_000_000_000n <= 1n && nanos >= 5599_999_999_999n, String(nanos));
});

test('Go does not trim: spaces around a duration are an error', () => {
  for (const text of [' 24h', '24h ', '24 h', '- 5s']) assert.equal(parseDuration(text), undefined, JSON.stringify(text));
});

test("a duration beyond Go's range is reported as unreadable, not judged as an endless lifetime", () => {
  const duration = `1${'0'.repeat(399)}h`;
  const spec = { secretName: 'api-tls', dnsNames: ['api.example.com'], issuerRef: { name: 'shop-ca' }, duration };
  const metadata = { name: 'api', namespace: 'shop' };
  const text = JSON.stringify({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata, spec });
  const found = analyze(text).filter((f) => f.ruleId.startsWith('certificate-'));
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.severity]),
    [['certificate-duration', 'error']],
  );
  assert.match(found[0].message, /about 292 years/);
});
