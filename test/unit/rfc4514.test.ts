// literalSubject parsing against cert-manager's own cases (pkg/util/pki/subject_test.go,
// pkg/util/pki/internal/dn.go behaviour), transcribed as facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDn } from '../../server/src/core/rules/lib/rfc4514';

const flat = (text: string): [string, string | number[]][][] | string => {
  const r = parseDn(text);
  if ('error' in r) return r.error;
  return r.rdns.map((rdn) => rdn.map((a) => [a.type, typeof a.value === 'string' ? a.value : [...a.value]]));
};

test('TestMustParseRDN: spaces trimmed, "+" joins attributes of one RDN, numeric OID types', () => {
  const text =
    'SERIALNUMBER=42, L=some-locality, ST=some-state-or-province, STREET=some-street, CN=foo-long.com, OU=FooLong, OU=Barq, OU=Baz, OU=Dept., O=Corp., C=US+123.544.555= A Test Value ';
  const got = flat(text);
  assert.ok(Array.isArray(got));
  assert.equal(got.length, 11);
  assert.deepEqual(got[0], [['SERIALNUMBER', '42']]);
  assert.deepEqual(got[10], [
    ['C', 'US'],
    ['123.544.555', 'A Test Value'],
  ]);
});

test('escapes: special characters, hex pairs, an escaped trailing space', () => {
  assert.deepEqual(flat('CN=foo-lon❤️\\,g.com,O=C\\; orp.'), [[['CN', 'foo-lon❤️,g.com']], [['O', 'C; orp.']]]);
  assert.deepEqual(flat('CN=caf\\c3\\a9'), [[['CN', 'café']]]);
  assert.deepEqual(flat('CN=a\\ '), [[['CN', 'a ']]]);
});

test('#hex values are DER elements; a broken one does not parse (TestShouldFailForHexDER)', () => {
  assert.deepEqual(flat('1.3.6.1.4.1.1466.0=#04024869'), [[['1.3.6.1.4.1.1466.0', [4, 2, 0x48, 0x69]]]]);
  assert.match(
    String(flat('DF=#6666666666665006838820013100000746939546349182108463491821809FBFFFFFFFFF')),
    /not one complete ASN\.1 element/,
  );
  assert.match(String(flat('CN=#zz')), /not hex-encoded/);
});

test('syntax errors upstream reports', () => {
  assert.match(String(flat('CN=web,Example')), /no "type="/);
  assert.match(String(flat('web,CN=x')), /no "type="/);
  assert.match(String(flat('CN=web\\')), /lone/);
  assert.match(String(flat('CN=a\\zz')), /neither/);
  assert.deepEqual(flat('   '), []);
});
