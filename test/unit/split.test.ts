// Document splitting: chunk boundaries decide what is re-checked, so they must be exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitDocuments } from '../../server/src/core/split';

test('one document without markers is one chunk', () => {
  assert.deepEqual(splitDocuments('a: 1\nb: 2\n'), [{ start: 0, text: 'a: 1\nb: 2\n' }]);
});

test('a leading marker and comments stay with the first document', () => {
  const text = '# header\n---\na: 1\n---\nb: 2\n';
  const chunks = splitDocuments(text);
  assert.equal(chunks.length, 2);
  assert.equal(chunks[0].text, '# header\n---\na: 1\n');
  assert.equal(chunks[1].start, text.indexOf('---\nb'));
  assert.equal(chunks.map((c) => c.text).join(''), text);
});

test('markers need column 0 and a following space or line end', () => {
  const text = 'a: |\n  ---\n  x\nb: ---x\n---x: 1\n--- # c\nc: 3\n';
  const chunks = splitDocuments(text);
  assert.equal(chunks.length, 2);
  assert.ok(chunks[1].text.startsWith('--- # c'));
});

test('an end marker closes its document and directives join the next one', () => {
  const text = 'a: 1\n...\n%YAML 1.2\n---\nb: 2\n';
  const chunks = splitDocuments(text);
  assert.deepEqual(
    chunks.map((c) => c.text),
    ['a: 1\n...\n', '%YAML 1.2\n---\nb: 2\n'],
  );
});

test('CRLF line endings split the same way', () => {
  const text = 'a: 1\r\n---\r\nb: 2\r\n';
  assert.deepEqual(
    splitDocuments(text).map((c) => c.text),
    ['a: 1\r\n', '---\r\nb: 2\r\n'],
  );
});
