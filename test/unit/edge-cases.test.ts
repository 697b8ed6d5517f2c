// Text edge cases of the engine and its helpers: a byte order mark, CRLF, a syntax error at the end
// of a document, very large documents typed into, odd settings and globs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentCache } from '../../server/src/core/document-cache';

test('the document cache is bounded by the text it holds, not only by its entry count', () => {
  // Typing into one large document makes a new cache entry per keystroke, each holding the whole
  // text and its parse: a count of 20,000 such entries is gigabytes.
  const cache = new DocumentCache<number>();
  const big = 'x'.repeat(1_000_000);
  for (let i = 0; i < 40; i++) cache.set(`${i}:${big}`, i);
  assert.ok(cache.size < 40, `${cache.size} one-megabyte entries kept`);
  assert.equal(cache.get(`39:${big}`), 39, 'the newest entry stays');
  // One entry larger than the whole budget is still kept, so an unchanged file is not re-checked.
  const small = new DocumentCache<number>(10, 100);
  small.set('a'.repeat(500), 1);
  assert.equal(small.get('a'.repeat(500)), 1);
  small.set('b', 2);
  assert.equal(small.size, 1);
});
