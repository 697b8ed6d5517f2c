// The AccessTests corpus (test/access/<suite>/, transcribed from Istio's builder test data and
// integration tests) through `meshlint check-access --tests`, plus the command's other contracts:
// exit codes, JSON and SARIF shapes, a failing test on its `expect:` key, file-order independence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { findPackageDir } from '../../server/src/node/load-schemas';

const root = path.join(findPackageDir(__dirname), 'test', 'access');
const rel = (p: string): string => path.relative(process.cwd(), p);
const suites = fs
  .readdirSync(root)
  .filter((d) => d !== 'base' && fs.existsSync(path.join(root, d, 'access-tests.yaml')))
  .sort();

interface TestsJson {
  tests: { name: string; passed: boolean; message?: string; verdict?: string }[];
  passed: number;
  failed: number;
}

async function runSuite(suite: string, ...extra: string[]): Promise<{ code: number; json: TestsJson }> {
  const dir = path.join(root, suite);
  const r = await runCli([
    'check-access',
    '--tests',
    rel(path.join(dir, 'access-tests.yaml')),
    '--format',
    'json',
    ...extra,
    rel(path.join(root, 'base')),
    rel(dir),
  ]);
  return { code: r.code, json: JSON.parse(r.out) as TestsJson };
}

test('every suite passes through meshlint check-access --tests, 200 cases or more', async () => {
  let total = 0;
  const failures: string[] = [];
  for (const suite of suites) {
    const { code, json } = await runSuite(suite);
    total += json.tests.length;
    for (const t of json.tests.filter((x) => !x.passed)) failures.push(`${suite}: ${t.name}: ${t.message ?? ''}`);
    if (json.failed === 0) assert.equal(code, 0, suite);
  }
  assert.deepEqual(failures, []);
  assert.ok(total >= 200, `only ${total} cases`);
});

test('a failing test exits 1 and is reported on its expect: key, in text, JSON and SARIF', async (t) => {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'meshlint-access-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'tests.yaml');
  fs.writeFileSync(
    file,
    [
      'apiVersion: meshlint.dev/v1alpha1',
      'kind: AccessTests',
      'tests:',
      '  - name: passes',
      '    from: ns-1/sleep',
      '    to: {workload: foo/httpbin, service: foo/httpbin, port: 80}',
      '    expect: ALLOW',
      '  - name: fails',
      '    from: ns-1/sleep',
      '    to: {workload: foo/httpbin, service: foo/httpbin, port: 80}',
      '    expect: DENY',
      '  - name: unknown workload',
      '    from: ns-1/sleep',
      '    to: {workload: foo/nothing, targetPort: 80}',
      '    expect: ALLOW',
      '',
    ].join('\n'),
  );
  const paths = [rel(path.join(root, 'base'))];
  const text = await runCli(['check-access', '--tests', rel(file), ...paths]);
  assert.equal(text.code, 1);
  assert.match(text.out, /^PASS {2}passes/m);
  assert.match(text.out, new RegExp(`^FAIL {2}fails {2}${rel(file).replace(/\\/g, '\\\\')}:11: expected DENY, got ALLOW`, 'm'));
  assert.match(text.out, /FAIL {2}unknown workload .*unknown workload foo\/nothing/);
  assert.match(text.out, /1 passed, 2 failed/);
  const sarif = JSON.parse((await runCli(['check-access', '--tests', rel(file), '--format', 'sarif', ...paths])).out) as {
    runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
  };
  const regions = sarif.runs[0].results.map(
    (r) => `${r.ruleId}@${r.locations[0].physicalLocation.region.startLine}:${r.locations[0].physicalLocation.region.startColumn}`,
  );
  assert.deepEqual(regions, ['access-test-failed@11:5', 'access-test-failed@15:5']);
});

test('single queries: exit 0 evaluated, 1 when --expect misses, 2 for usage or an unknown workload or port', async () => {
  const ws = [rel(path.join(root, 'base')), rel(path.join(root, 'deny-and-allow'))];
  const q = ['check-access', '--from', 'spiffe://allow', '--to', 'foo/httpbin', '--service', 'foo/httpbin', '--port', '80'];
  const ok = await runCli([...q, ...ws]);
  assert.equal(ok.code, 0);
  assert.match(ok.out, /^ALLOW {2}spiffe:\/\/allow → foo\/httpbin:8080 \(Service foo\/httpbin:80\) GET \//);
  assert.match(ok.out, /decided by ALLOW AuthorizationPolicy foo\/httpbin-allow rule\[0\]/);
  assert.equal((await runCli([...q, '--expect', 'allow', ...ws])).code, 0);
  assert.equal((await runCli([...q, '--expect', 'deny', ...ws])).code, 1);
  const json = JSON.parse((await runCli([...q, '--format', 'json', ...ws])).out) as { verdict: string; decidedBy: { envoyName: string } };
  assert.equal(json.decidedBy.envoyName, 'ns[foo]-policy[httpbin-allow]-rule[0]');
  const unknownPort = await runCli([
    'check-access',
    '--from',
    'plaintext',
    '--to',
    'foo/httpbin',
    '--service',
    'foo/httpbin',
    '--port',
    '81',
    ...ws,
  ]);
  assert.equal(unknownPort.code, 2);
  assert.match(unknownPort.err, /unknown port 81/);
  assert.equal((await runCli(['check-access', '--from', 'plaintext', '--to', 'foo/nope', '--target-port', '80', ...ws])).code, 2);
  assert.equal((await runCli(['check-access', '--from', 'nonsense', '--to', 'foo/httpbin', ...ws])).code, 2);
  assert.equal((await runCli(['check-access', '--to', 'foo/httpbin', ...ws])).code, 2);
});

test('answers do not depend on the order files are read in', async () => {
  const dir = path.join(root, 'multiple-policies');
  const args = (paths: string[]) => ['check-access', '--tests', rel(path.join(dir, 'access-tests.yaml')), '--format', 'json', ...paths];
  const forward = await runCli(args([rel(path.join(root, 'base')), rel(path.join(dir, 'policies.yaml'))]));
  const backward = await runCli(args([rel(path.join(dir, 'policies.yaml')), rel(path.join(root, 'base'))]));
  assert.equal(forward.out, backward.out);
  assert.equal(forward.code, 0);
});

test("the workspace example's access tests: four pass, the one showing the DISABLE mistake fails", async () => {
  const dir = path.join(findPackageDir(__dirname), 'examples', 'workspace-broken');
  const r = await runCli(['check-access', '--tests', rel(path.join(dir, 'access-tests.yaml')), '--format', 'json', rel(dir)]);
  const json = JSON.parse(r.out) as TestsJson;
  assert.equal(r.code, 1);
  assert.deepEqual(
    json.tests.filter((t) => !t.passed).map((t) => t.name),
    ['the invoice account may call the ledger'],
  );
  assert.equal(json.passed, 4);
});
