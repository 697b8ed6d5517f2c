// The access check over LSP: meshlint/checkAccess and meshlint/runAccessTests (and the same as
// commands), and an open AccessTests file showing its failing test as an error on `expect:`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { messageOf, TestLspClient } from '../support/lsp-client';
import { writeTempWorkspace } from '../support/temp-workspace';
import { PACKAGE_DIR } from '../support/engine';
import type { CheckAccessResult, RunAccessTestsResult } from '../../server/src/lsp/protocol';

const read = (p: string): string => fs.readFileSync(path.join(PACKAGE_DIR, 'test', 'access', p), 'utf8');
const TESTS = [
  'apiVersion: meshlint.dev/v1alpha1',
  'kind: AccessTests',
  'tests:',
  '  - name: allowed principal',
  '    from: spiffe://allow',
  '    to: {workload: foo/httpbin, service: foo/httpbin, port: 80}',
  '    expect: ALLOW',
  '  - name: wrongly expected',
  '    from: ns-1/sleep',
  '    to: {workload: foo/httpbin, service: foo/httpbin, port: 80}',
  '    expect: ALLOW',
  '',
].join('\n');

let dir: string;
let client: TestLspClient;
const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;

before(async () => {
  dir = writeTempWorkspace({
    'cluster.yaml': read('base/cluster.yaml'),
    'policies.yaml': read('deny-and-allow/policies.yaml'),
    'access.yaml': TESTS,
  });
  client = new TestLspClient();
  await client.initialize(pathToFileURL(dir).href, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
});

after(async () => {
  await client.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an open AccessTests file shows its failing test on the expect: key', async () => {
  const failing = (d: Diagnostic[]) => d.some((x) => x.code === 'access-test-failed');
  const diags = (await client.openAndWait(uriOf('access.yaml'), TESTS, failing)).filter((x) => x.code === 'access-test-failed');
  assert.equal(diags.length, 1);
  assert.deepEqual(diags[0].range, { start: { line: 10, character: 4 }, end: { line: 10, character: 10 } });
  assert.equal(diags[0].severity, 1);
  assert.match(messageOf(diags[0]), /^wrongly expected: expected ALLOW, got DENY/);
});

test('meshlint/runAccessTests returns each test with its range and answer', async () => {
  const r = await client.request<RunAccessTestsResult>('meshlint/runAccessTests', { uri: uriOf('access.yaml') });
  assert.deepEqual([r.passed, r.failed], [1, 1]);
  assert.deepEqual(
    r.tests.map((t) => [t.name, t.passed, t.range.start.line, t.expectRange.start.line]),
    [
      ['allowed principal', true, 3, 6],
      ['wrongly expected', false, 7, 10],
    ],
  );
  assert.equal(r.tests[0].result?.decidedBy?.envoyName, 'ns[foo]-policy[httpbin-allow]-rule[0]');
});

test('meshlint/checkAccess and the meshlint.checkAccess command answer a query', async () => {
  const query = {
    source: { principal: 'spiffe://deny' },
    destination: { workload: 'foo/httpbin', service: 'foo/httpbin', servicePort: 80 },
  };
  const viaRequest = await client.request<CheckAccessResult>('meshlint/checkAccess', query);
  assert.ok(!('error' in viaRequest));
  assert.equal(viaRequest.verdict, 'DENY');
  assert.equal(viaRequest.decidedBy?.policy.name, 'httpbin-deny');
  const viaCommand = await client.request<CheckAccessResult>('workspace/executeCommand', {
    command: 'meshlint.checkAccess',
    arguments: [query],
  });
  assert.deepEqual(viaCommand, viaRequest);
  const unknown = await client.request<CheckAccessResult>('meshlint/checkAccess', {
    ...query,
    destination: { workload: 'foo/none', targetPort: 1 },
  });
  assert.ok('error' in unknown && /unknown workload/.test(unknown.error));
});
