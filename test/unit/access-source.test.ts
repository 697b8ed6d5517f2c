// One reading of a request's source (core/access/tests-file.ts parseSource) for `check-access --from`
// and for the `from:` of an AccessTests file: the same strings give the same sources and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource } from '../../server/src/core/access/tests-file';
import { parseCheckAccessArgs } from '../../server/src/cli/check-access-args';
import { UsageError } from '../../server/src/cli/options';

const SOURCES = ['plaintext', 'spiffe://cluster.local/ns/foo/sa/sleep', 'foo:sleep', 'foo/sleep', 'nonsense', 'a/b/c', 'a:b:c', 'a:b/c'];

test('--from reads a source exactly as an AccessTests from: does', () => {
  for (const from of SOURCES) {
    const expected = parseSource(from);
    const read = (): unknown => parseCheckAccessArgs(['--from', from, '--to', 'foo/httpbin']).query?.source;
    if (typeof expected === 'string') assert.throws(read, (e) => e instanceof UsageError && e.message === `--${expected}`, from);
    else assert.deepEqual(read(), expected, from);
  }
});

test('the sources and the message, as documented in the usage', () => {
  assert.deepEqual(parseSource('plaintext'), { plaintext: true });
  assert.deepEqual(parseSource('foo:sleep'), { namespace: 'foo', serviceAccount: 'sleep' });
  assert.deepEqual(parseSource('foo/sleep'), { workload: 'foo/sleep' });
  assert.deepEqual(parseSource('spiffe://td/ns/a/sa/b'), { principal: 'spiffe://td/ns/a/sa/b' });
  assert.throws(
    () => parseCheckAccessArgs(['--from', 'nonsense', '--to', 'foo/httpbin']),
    (e) => e instanceof UsageError && e.message === '--from "nonsense" is not ns/workload, ns:serviceAccount, spiffe://... or plaintext',
  );
});
