// Access tests in the editor: finding the tests of AccessTests documents (names and ranges for the
// Test Explorer), and "Save as access test" adding an entry without disturbing the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { accessTestsIn } from '../../client/src/access/access-tests-doc';
import { accessTestFor, accessTestInsertion, newAccessTestsFile, type AccessTestYaml } from '../../client/src/access/new-access-test';
import type { AccessQuery, AccessResult } from '../../server/src/core/access/types';

const TESTS = `# retail policy tests
apiVersion: meshlint.dev/v1alpha1
kind: AccessTests
tests:
  - name: web reads the cart
    from: retail/web
    to: {workload: retail/cart, service: retail/cart, port: 80}
    request: {method: GET, path: /api/cart/7}
    expect: ALLOW
  - name: plaintext is refused
    from: plaintext
    to: {workload: retail/cart, targetPort: 8080}
    expect: DENY # under STRICT
`;

test('each entry of tests is a test with its name and the range of its list entry', () => {
  const tests = accessTestsIn(TESTS);
  assert.deepEqual(tests, [
    { name: 'web reads the cart', index: 0, start: { line: 4, character: 4 }, end: { line: 9, character: 0 } },
    { name: 'plaintext is refused', index: 1, start: { line: 9, character: 4 }, end: { line: 13, character: 0 } },
  ]);
});

test('only AccessTests documents of meshlint.dev count; other documents of the file are skipped', () => {
  assert.equal(accessTestsIn('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n'), undefined);
  assert.equal(accessTestsIn('apiVersion: example.com/v1\nkind: AccessTests\ntests: [{name: a}]\n# meshlint.dev/\n'), undefined);
  const mixed = `apiVersion: v1\nkind: Namespace\nmetadata: {name: retail}\n---\n${TESTS}`;
  assert.deepEqual(
    accessTestsIn(mixed)?.map((t) => [t.name, t.start.line]),
    [
      ['web reads the cart', 8],
      ['plaintext is refused', 13],
    ],
  );
  // A file with the kind but no list yet is still an AccessTests file (it can be saved into).
  assert.deepEqual(accessTestsIn('apiVersion: meshlint.dev/v1alpha1\nkind: AccessTests\n'), []);
});

const QUERY: AccessQuery = {
  source: { namespace: 'retail', serviceAccount: 'web' },
  destination: { workload: 'retail/cart', service: 'retail/cart', servicePort: 80 },
  request: { method: 'DELETE', path: '/api/cart/7' },
};

function result(verdict: AccessResult['verdict']): AccessResult {
  const policy = { kind: 'AuthorizationPolicy', namespace: 'retail', name: 'deny-delete', location: undefined as never };
  return {
    verdict,
    reason: 'deny-policy-matched',
    decidedBy: { policy, rule: 1, envoyName: 'ns[retail]-policy[deny-delete]-rule[1]' },
    context: { transport: 'mtls', targetPort: 8080, servicePort: 80, protocol: 'http', mtlsMode: 'STRICT' },
    trace: [],
    shadow: [],
    considered: { allow: [], deny: [], custom: [], audit: [], notApplicable: [] },
    assumptions: [],
  };
}

test('a checked request becomes a test: from, to, request, the verdict as expect and the deciding rule', () => {
  const entry = accessTestFor('web cannot delete carts', QUERY, result('DENY'));
  assert.deepEqual(entry, {
    name: 'web cannot delete carts',
    from: { namespace: 'retail', serviceAccount: 'web' },
    to: { workload: 'retail/cart', service: 'retail/cart', port: 80 },
    request: { method: 'DELETE', path: '/api/cart/7' },
    expect: 'DENY',
    decidedBy: 'retail/deny-delete#1',
  });
  assert.equal(accessTestFor('x', QUERY, result('UNKNOWN')), undefined, 'an UNKNOWN verdict is no expectation');
});

function insert(text: string, entry: AccessTestYaml): string {
  const { offset, text: added } = accessTestInsertion(text, entry);
  return text.slice(0, offset) + added + text.slice(offset);
}

const ENTRY = accessTestFor('web cannot delete carts', QUERY, result('DENY')) as AccessTestYaml;

test('saving appends after the last test at its indentation and leaves every other byte alone', () => {
  const after = insert(TESTS, ENTRY);
  assert.ok(after.startsWith(TESTS), 'the existing text is kept as it was, comments included');
  assert.deepEqual(
    accessTestsIn(after)?.map((t) => t.name),
    ['web reads the cart', 'plaintext is refused', 'web cannot delete carts'],
  );
  assert.match(after, /\n {2}- name: web cannot delete carts\n {4}from:\n {6}namespace: retail\n/);
  // The same at another indentation, with a key after the list and no final newline.
  const flush = 'apiVersion: meshlint.dev/v1alpha1\nkind: AccessTests\ntests:\n- name: a\n  from: plaintext\n  expect: DENY';
  const added = insert(flush, ENTRY);
  assert.deepEqual(
    accessTestsIn(added)?.map((t) => t.name),
    ['a', 'web cannot delete carts'],
  );
  assert.match(added, /\n- name: web cannot delete carts\n {2}from:/);
});

test('a file without a block tests list gets a new AccessTests document; a new file gets the header', () => {
  for (const text of [
    'apiVersion: meshlint.dev/v1alpha1\nkind: AccessTests\ntests: []\n',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}',
  ]) {
    const after = insert(text, ENTRY);
    assert.ok(after.startsWith(text));
    assert.equal(
      parseAllDocuments(after).every((d) => d.errors.length === 0),
      true,
    );
    assert.deepEqual(
      accessTestsIn(after)?.map((t) => t.name),
      ['web cannot delete carts'],
    );
  }
  const fresh = newAccessTestsFile(ENTRY);
  assert.match(fresh, /^apiVersion: meshlint\.dev\/v1alpha1\nkind: AccessTests\ntests:\n/);
  assert.deepEqual(
    accessTestsIn(fresh)?.map((t) => t.name),
    ['web cannot delete carts'],
  );
});
