// `meshlint explain` reads its command line with the shared reader (cli/options.ts): usage errors
// exit 2 with the usage on standard error, help exits 0 on standard output (docs/explain.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { deployment, namespace } from '../support/explain';
import { parseExplainArgs } from '../../server/src/cli/explain-args';

test('explain arguments: the workload first, options and paths in any order, --flag=value, -- ends options', () => {
  assert.deepEqual(parseExplainArgs(['shop/cart']), { namespace: 'shop', name: 'cart', paths: ['.'], format: 'text', help: false });
  const full = parseExplainArgs(['--port=8080', 'shop/cart', 'a', '--kind', 'StatefulSet', '--format', 'json', '--config', 'c.yaml', 'b']);
  assert.deepEqual(full, {
    namespace: 'shop',
    name: 'cart',
    paths: ['a', 'b'],
    port: 8080,
    kind: 'StatefulSet',
    format: 'json',
    config: 'c.yaml',
    help: false,
  });
  assert.deepEqual(parseExplainArgs(['shop/cart', '--', '--port']).paths, ['--port']);
  assert.deepEqual(parseExplainArgs(['shop/cart', '-']).paths, ['-']);
});

test('explain usage errors exit 2 with a reason and the usage on standard error', async () => {
  const cases: [string[], RegExp][] = [
    [[], /name the workload as <namespace>\/<name>/],
    [['no-slash'], /name the workload as <namespace>\/<name>/],
    [['a/b/c'], /name the workload as <namespace>\/<name>/],
    [['shop/cart', '--port', '70000'], /--port needs a port number \(0-65535\), not "70000"/],
    [['shop/cart', '--port', 'http'], /--port needs a port number/],
    [['shop/cart', '--port'], /--port needs a value/],
    [['shop/cart', '--format', 'sarif'], /--format must be text or json, not "sarif"/],
    [['shop/cart', '--config='], /--config needs a file/],
    [['shop/cart', '--kind', ''], /--kind needs a kind/],
    [['shop/cart', '--bogus'], /unknown option --bogus/],
  ];
  for (const [argv, reason] of cases) {
    const run = await runCli(['explain', ...argv]);
    assert.equal(run.code, 2, argv.join(' '));
    assert.equal(run.out, '');
    assert.match(run.err, new RegExp(`^meshlint explain: ${reason.source}.*\\n\\nUsage: meshlint explain `), argv.join(' '));
  }
});

test('explain --help and -h print the usage on standard output and exit 0, wherever they stand', async () => {
  for (const argv of [['--help'], ['-h'], ['no-slash', '-h'], ['shop/cart', '.', '--help']]) {
    const run = await runCli(['explain', ...argv]);
    assert.equal(run.code, 0);
    assert.match(run.out, /^Usage: meshlint explain <namespace>\/<name> \[paths\.\.\.\] \[options\]\n/);
    assert.match(run.out, /Exit codes: 0 explained, 2 usage error/);
    assert.equal(run.err, '');
  }
});

test('explain exit codes: 0 explained, 2 for an unknown name', async () => {
  const dir = writeTempWorkspace({ 'ns.yaml': namespace('shop'), 'w.yaml': deployment('shop', 'cart', { app: 'cart' }) });
  try {
    assert.equal((await runCli(['explain', `--config=${path.join(dir, 'none.yaml')}`, 'shop/cart', dir])).code, 0);
    assert.equal((await runCli(['explain', 'shop/cart', '--port=8080', dir])).code, 0);
    assert.equal((await runCli(['explain', 'shop/nope', dir])).code, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
