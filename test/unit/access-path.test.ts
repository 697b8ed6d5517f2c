// Path normalization as Envoy's normalize_path does it (chromium url_canon_path.cc): escaped unreserved
// characters are decoded once, so %2e segments are dot segments; every other escape is kept as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUnreserved, normalizePath } from '../../server/src/core/access/path';

test('escaped unreserved characters are decoded once, other escapes kept', () => {
  assert.equal(decodeUnreserved('/%61dmin/%7Euser/a%2Db%5Fc'), '/admin/~user/a-b_c');
  assert.equal(decodeUnreserved('/a%2Fb/%20/%252e'), '/a%2Fb/%20/%252e');
});

test('BASE normalization removes escaped dot segments', () => {
  assert.equal(normalizePath('/public/%2e%2e/admin', 'BASE'), '/admin');
  assert.equal(normalizePath('/public/x/%2E%2E/secret?q=1', 'BASE'), '/public/secret');
  assert.equal(normalizePath('/public/%73ecret', 'BASE'), '/public/secret');
  assert.equal(normalizePath('/a/%2e/b', 'BASE'), '/a/b');
  // An escaped slash is not a separator unless the mesh decodes it.
  assert.equal(normalizePath('/a%2F..%2Fb', 'BASE'), '/a%2F..%2Fb');
  assert.equal(normalizePath('/a%2F..%2Fb', 'DECODE_AND_MERGE_SLASHES'), '/b');
  assert.equal(normalizePath('/public/%2e%2e/admin', 'NONE'), '/public/%2e%2e/admin');
});
