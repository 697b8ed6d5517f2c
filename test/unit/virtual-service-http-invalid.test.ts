// validation.go validateHTTPDirectResponse: body size limits, too large for a fixture file. Over 100KB the webhook
// warns, over 1MB it rejects; `bytes` counts the decoded base64, `string` its UTF-8 bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../support/engine';

const KB = 1024;

function bodyFindings(body: string): { severity: string; message: string }[] {
  const text = [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata: {name: big, namespace: shop}',
    'spec:',
    '  hosts: ["big.example.com"]',
    '  http:',
    '    - directResponse:',
    '        status: 200',
    `        body: ${body}`,
    '',
  ].join('\n');
  return analyze(text).filter((f) => f.ruleId === 'virtual-service-http-invalid');
}

test('validateHTTPDirectResponse: a string body of exactly 100KB passes, one byte more warns', () => {
  assert.deepEqual(bodyFindings(`{string: "${'a'.repeat(100 * KB)}"}`), []);
  const over = bodyFindings(`{string: "${'a'.repeat(100 * KB + 1)}"}`);
  assert.deepEqual(
    over.map((f) => f.severity),
    ['warning'],
  );
  assert.match(over[0].message, /large direct_responses/);
});

test('validateHTTPDirectResponse: a body of exactly 1MB warns, one byte more is rejected (multi-byte characters count as bytes)', () => {
  assert.deepEqual(
    bodyFindings(`{string: "${'a'.repeat(KB * KB)}"}`).map((f) => f.severity),
    ['warning'],
  );
  // 'é' is two UTF-8 bytes: half a megabyte of them and one more byte is over 1MB.
  const over = bodyFindings(`{string: "${'é'.repeat((KB * KB) / 2)}a"}`);
  assert.deepEqual(
    over.map((f) => f.severity),
    ['error'],
  );
  assert.match(over[0].message, /less than 1MB/);
});

test('validateHTTPDirectResponse: bytes are measured after base64 decoding', () => {
  // 4 base64 characters decode to 3 bytes: 136536 characters are 102402 bytes (over 100KB); 136532 are 102399.
  assert.deepEqual(bodyFindings(`{bytes: "${'QUJD'.repeat(136532 / 4)}"}`), []);
  assert.deepEqual(
    bodyFindings(`{bytes: "${'QUJD'.repeat(136536 / 4)}"}`).map((f) => f.severity),
    ['warning'],
  );
});
