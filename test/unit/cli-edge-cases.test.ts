// The CLI on awkward files and folders: a byte order mark, bytes that are not UTF-8, a
// `.meshlint.yaml` that is a folder, folder names starting with `..`, a reader that stops early.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';
import { PACKAGE_DIR } from '../support/engine';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { peerAuthentication, spiffePrincipalPolicy } from '../support/sample-manifests';
import { formatSarif } from '../../server/src/cli/format-sarif';
import { loadWorkspace } from '../../server/src/cli/workspace';
import { NodeWorkspaceFiles } from '../../server/src/node/workspace-files';
import { pathToFileURL } from 'node:url';

const OLD_VERSION = `${peerAuthentication({ apiVersion: 'security.istio.io/v1beta9' })}---\n${spiffePrincipalPolicy()}`;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test('a byte order mark is not a column, and --fix keeps it', async () => {
  const dir = writeTempWorkspace({});
  const file = path.join(dir, 'pa.yaml');
  fs.writeFileSync(file, Buffer.concat([BOM, Buffer.from(OLD_VERSION)]));
  const res = await runCli([file]);
  assert.match(res.out, /pa\.yaml:1:13 error unknown-api-version /, res.out);

  await runCli([file, '--fix']);
  const bytes = fs.readFileSync(file);
  assert.deepEqual(bytes.subarray(0, 3), BOM);
  assert.equal(bytes.subarray(3).toString('utf8'), OLD_VERSION.replace('spiffe://', ''));
});

test('--fix does not rewrite a file that is not valid UTF-8, and says so', async () => {
  const dir = writeTempWorkspace({});
  const file = path.join(dir, 'latin1.yaml');
  // "café" in Latin-1 in a comment: decoding replaces it, and writing that back would lose it.
  const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${spiffePrincipalPolicy()}`)]);
  fs.writeFileSync(file, bytes);
  const res = await runCli([file, '--fix']);
  assert.deepEqual(fs.readFileSync(file), bytes);
  assert.match(res.err, /latin1\.yaml: .*not valid UTF-8/);
  assert.equal(res.code, 2);
});

test('a folder named .meshlint.yaml is not a config file', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': peerAuthentication({ mode: 'STRICT' }), '.meshlint.yaml/readme.txt': 'not a config\n' });
  const res = await runCli([path.join(dir, 'pa.yaml')]);
  assert.equal(res.err, '');
  assert.equal(res.code, 0);
});

test('a folder whose name starts with .. is inside the root: SARIF paths and exclude globs', () => {
  const dir = writeTempWorkspace({ '..staging/pa.yaml': peerAuthentication(), '.meshlint.yaml': 'exclude: ["..staging"]\n' });
  const file = path.join(dir, '..staging', 'pa.yaml');
  const sarif = JSON.parse(
    formatSarif(
      [
        { path: file, findings: [] },
        {
          path: file,
          findings: [{ ruleId: 'x', severity: 'warning', message: 'm', start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 }],
        },
      ],
      [],
      () => true,
      {
        version: '0',
        homepage: 'h',
        docsBase: 'd',
        root: dir,
      },
    ),
  ) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] };
  assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
    uri: '..staging/pa.yaml',
    uriBaseId: 'SRCROOT',
  });
  assert.equal(loadWorkspace([dir], undefined).keep(file, false), false);
});

test('the server reads files from disk without their byte order mark', async () => {
  const dir = writeTempWorkspace({});
  const file = path.join(dir, 'pa.yaml');
  fs.writeFileSync(file, Buffer.concat([BOM, Buffer.from(OLD_VERSION)]));
  assert.equal(await new NodeWorkspaceFiles().read(pathToFileURL(file).href), OLD_VERSION);
});

test('a reader that stops early (| head) ends the CLI quietly with its exit code', async () => {
  const child = spawn(
    process.execPath,
    [path.join(PACKAGE_DIR, 'bin', 'meshlint.js'), '--format', 'sarif', path.join(PACKAGE_DIR, 'examples', 'broken')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.destroy();
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.doesNotMatch(err, /EPIPE/);
  assert.equal(code, 1, 'the broken examples have errors');
});

test('a linked folder that points back up is not walked into: each file is checked once', async () => {
  const dir = writeTempWorkspace({ 'team/pa.yaml': peerAuthentication() });
  fs.symlinkSync('..', path.join(dir, 'team', 'up'));
  const res = await runCli([dir, '--format', 'json']);
  const report = JSON.parse(res.out) as { files: { path: string }[] };
  assert.deepEqual(
    report.files.map((f) => path.relative(dir, f.path)),
    [path.join('team', 'pa.yaml')],
  );
  assert.equal(res.code, 0, res.err);
});

test('the CLI checks a file of any size (the editor skips very large ones and points to the CLI)', async () => {
  const dir = writeTempWorkspace({ 'big.yaml': `${peerAuthentication()}# ${'x'.repeat(8_100_000)}\n` });
  const res = await runCli([path.join(dir, 'big.yaml'), '--min-severity', 'info']);
  assert.doesNotMatch(res.out, /file-too-large/);
  assert.match(res.out, /big\.yaml:8:11 warning peer-authentication-permissive /);
});
