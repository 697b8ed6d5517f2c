// The PEM reader against Go's encoding/pem: its getLine and bad-input tables, and the layout of its
// TestDecode input (noise, a false start, trailing blanks on armour and body lines, headers, empty blocks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pemBlocks, pemLine } from '../../server/src/core/rules/lib/pem';
import { GO_PEM_BAD_END_LINES, GO_PEM_GET_LINE } from './go-tables/pem-cases';

const text = (block: { bytes: Uint8Array }): string => String.fromCharCode(...block.bytes);

test("pemLine follows Go's getLine table", () => {
  for (const [input, line, rest] of GO_PEM_GET_LINE) assert.deepEqual(pemLine(input), [line, rest], JSON.stringify(input));
});

test("an END line Go refuses yields no block (Go's badPEMTests)", () => {
  for (const [name, end] of GO_PEM_BAD_END_LINES) {
    assert.deepEqual(pemBlocks(`\n-----BEGIN FOO-----\ndGVzdA==\n${end}`), [], name);
  }
  assert.equal(text(pemBlocks('\n-----BEGIN FOO-----\ndGVzdA==\n-----END FOO-----')[0]), 'test', 'the well-formed control');
});

test('spaces and tabs after the armour and in the body are ignored, as Go trims them', () => {
  const blocks = pemBlocks('-----BEGIN CERTIFICATE----- \t\r\ndGVz \r\n\tdA==  \r\n-----END CERTIFICATE-----  \r\n');
  assert.equal(blocks.length, 1);
  assert.equal(blocks[0].type, 'CERTIFICATE');
  assert.equal(text(blocks[0]), 'test');
});

test("a decoding pass over mixed input finds what Go's Decode finds, in order", () => {
  const input = [
    'openssl output before the blocks',
    '-----BEGIN CERTIFICATE-----', // a false start: Go skips past it and looks again
    'not base64 at all!',
    '  -----BEGIN CERTIFICATE-----', // not at a line start
    '-----BEGIN A-B-----', // a type may hold dashes
    'b25l',
    '-----END A-B-----',
    '-----BEGIN RSA PRIVATE KEY-----   \t',
    'Proc-Type: 4,ENCRYPTED',
    'DEK-Info: DES-EDE3-CBC,0011223344556677',
    '',
    'dHdv',
    '-----END RSA PRIVATE KEY-----',
    '-----BEGIN EMPTY-----',
    '-----END EMPTY-----',
    '-----BEGIN EMPTY-----',
    '',
    '-----END EMPTY-----',
    '# headers need a blank line before the END line, so this one is skipped:',
    '-----BEGIN HEADERS-----',
    'Header: 1',
    '-----END HEADERS-----',
    '-----BEGIN HEADERS-----',
    'Header: 2',
    '',
    '-----END HEADERS-----',
  ].join('\n');
  const blocks = pemBlocks(input);
  assert.deepEqual(
    blocks.map((b) => [b.type, b.hasHeaders, text(b)]),
    [
      ['A-B', false, 'one'],
      ['RSA PRIVATE KEY', true, 'two'],
      ['EMPTY', false, ''],
      ['EMPTY', false, ''],
      ['HEADERS', true, ''],
    ],
  );
});
