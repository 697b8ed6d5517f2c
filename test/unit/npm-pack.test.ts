// The published package as a user gets it: `npm pack` (from what `npm test` has just built), then
// `npm install` of the tarball into an empty folder without dev dependencies and offline (the package
// needs nothing from the registry: the CLI and server are bundles), then both commands run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { PACKAGE_DIR } from '../support/engine';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args: string[], cwd: string): string {
  // No user or machine npm settings are needed; the user's cache is used as is.
  return execFileSync(NPM, [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-pack-'));
let installed: string | undefined;

function install(): string {
  if (installed) return installed;
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], PACKAGE_DIR)) as { filename: string }[];
  const tarball = path.join(work, packed[0].filename);
  const target = path.join(work, 'app');
  fs.mkdirSync(target);
  npm(['install', '--omit=dev', '--offline', tarball], target);
  installed = target;
  return target;
}

test('the tarball holds the bundles and data the commands read, and nothing of the sources or tests', () => {
  const pkg = path.join(install(), 'node_modules', 'meshlint');
  for (const f of [
    'bin/meshlint.js',
    'bin/meshlint-server.js',
    'dist/cli.js',
    'dist/server.js',
    'dist/schema-validators/index.json',
    'schemas/index.json',
    'snippets/yaml.json',
    'LICENSE',
  ])
    assert.ok(fs.existsSync(path.join(pkg, f)), `${f} is missing from the package`);
  for (const f of ['server', 'client', 'test', 'bench', 'tsconfig.json', 'dist/cli.js.map'])
    assert.ok(!fs.existsSync(path.join(pkg, f)), `${f} should not ship`);
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { private?: boolean; dependencies?: object };
  assert.equal(manifest.private, undefined);
  // Nothing to fetch: the install above ran --offline.
  assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
  assert.deepEqual(
    fs.readdirSync(path.join(install(), 'node_modules')).filter((n) => !n.startsWith('.')),
    ['meshlint'],
  );
});

test('the installed meshlint checks a file', () => {
  const dir = install();
  const file = path.join(dir, 'pa.yaml');
  fs.writeFileSync(
    file,
    'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\n  namespace: a\nspec:\n  mtls:\n    mode: DISABLE\n',
  );
  const bin = path.join(dir, 'node_modules', '.bin', process.platform === 'win32' ? 'meshlint.cmd' : 'meshlint');
  let out = '';
  let code = 0;
  try {
    out = execFileSync(bin, ['pa.yaml'], { cwd: dir, encoding: 'utf8' });
  } catch (err) {
    const e = err as { status: number; stdout: string };
    code = e.status;
    out = e.stdout;
  }
  assert.match(out, /pa\.yaml:8:11 \w+ peer-authentication-disable /);
  assert.ok(code === 0 || code === 1, `exit ${code}`);
});

test('the installed meshlint-server answers initialize over stdio', async () => {
  const bin = path.join(install(), 'node_modules', 'meshlint', 'bin', 'meshlint-server.js');
  const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    if (!child.stdout || !child.stdin) throw new Error('no stdio');
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const result = await connection.sendRequest<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    assert.ok(result.capabilities.hoverProvider, JSON.stringify(result));
    connection.dispose();
  } finally {
    child.kill();
  }
});
