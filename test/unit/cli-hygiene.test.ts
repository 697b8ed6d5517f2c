// The CLI on files a repository can plant to hurt the machine that checks it: links that lead
// --fix out of the folder, FIFOs and devices with a YAML name, huge files and endless input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { runCli, spawnCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { peerAuthentication, spiffePrincipalPolicy } from '../support/sample-manifests';
import { MAX_FILE_BYTES, readRegularFile, readStreamUpTo } from '../../server/src/cli/read-file';
import { writeFixedFile } from '../../server/src/cli/write-file';

const PERMISSIVE = peerAuthentication();
const STRICT = peerAuthentication({ mode: 'STRICT' });
// A file `--fix` does change (STRICT itself is a suggestion only, never written by --fix).
const FIXABLE = spiffePrincipalPolicy();
const FIXED = FIXABLE.replace('spiffe://', '');

test('--fix does not write through a link to a file outside the checked folder', async () => {
  const outside = writeTempWorkspace({ 'target.yaml': FIXABLE });
  const dir = writeTempWorkspace({ 'own.yaml': FIXABLE });
  fs.symlinkSync(path.join(outside, 'target.yaml'), path.join(dir, 'link.yaml'));
  const res = await runCli([dir, '--fix']);
  assert.equal(fs.readFileSync(path.join(outside, 'target.yaml'), 'utf8'), FIXABLE, 'the target is unchanged');
  assert.ok(fs.lstatSync(path.join(dir, 'link.yaml')).isSymbolicLink(), 'the link is still a link');
  assert.equal(fs.readFileSync(path.join(dir, 'own.yaml'), 'utf8'), FIXED, 'a regular file in the folder is still fixed');
  assert.match(res.err, /cannot write .*link\.yaml: a symbolic link/);
  assert.equal(res.code, 2);
});

test('--fix keeps the file mode and leaves no temporary file behind', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': FIXABLE });
  const file = path.join(dir, 'pa.yaml');
  fs.chmodSync(file, 0o640);
  const res = await runCli([dir, '--fix']);
  assert.equal(res.code, 0, res.err);
  assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(dir), ['pa.yaml']);
});

test('the writer refuses a name that is a link, a replaced file, or a file outside the roots', () => {
  const dir = writeTempWorkspace({ 'a.yaml': PERMISSIVE, 'b.yaml': PERMISSIVE });
  const other = writeTempWorkspace({ 'c.yaml': PERMISSIVE });
  const a = path.join(dir, 'a.yaml');
  const read = readRegularFile(a);
  assert.ok(read.ok);
  const bytes = Buffer.from(STRICT);
  // Swapped for a link after it was read: the link is not followed.
  fs.renameSync(a, path.join(dir, 'a.old'));
  fs.symlinkSync(path.join(other, 'c.yaml'), a);
  assert.match(writeFixedFile(a, bytes, read.identity, [dir]) ?? '', /symbolic link/);
  assert.equal(fs.readFileSync(path.join(other, 'c.yaml'), 'utf8'), PERMISSIVE);
  // Another regular file under the same name is not the file that was read.
  const b = path.join(dir, 'b.yaml');
  const readB = readRegularFile(b);
  assert.ok(readB.ok);
  assert.match(writeFixedFile(b, bytes, read.identity, [dir]) ?? '', /replaced since it was read/);
  // A file that was read but lies outside every path given.
  const c = path.join(other, 'c.yaml');
  const readC = readRegularFile(c);
  assert.ok(readC.ok);
  assert.match(writeFixedFile(c, bytes, readC.identity, [dir]) ?? '', /outside the paths given/);
  assert.equal(fs.readFileSync(c, 'utf8'), PERMISSIVE);
  assert.equal(writeFixedFile(b, bytes, readB.identity, [dir]), undefined, 'the right file inside the root is written');
  assert.equal(fs.readFileSync(b, 'utf8'), STRICT);
});

test('a FIFO with a YAML name is skipped with a note, never opened', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': STRICT });
  const fifo = path.join(dir, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  const { exit } = spawnCli([dir]);
  // Opening the write end completes only once a reader opens the FIFO: if the CLI did, this wins.
  const writer = fs.promises.open(fifo, 'w');
  const first = await Promise.race([exit.then(() => 'exit' as const), writer.then(() => 'opened' as const)]);
  // Free the pending open either way (the CLI gets end of file if it is the reader).
  const reader = first === 'exit' ? fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK) : undefined;
  await (await writer).close();
  if (reader !== undefined) fs.closeSync(reader);
  const res = await exit;
  assert.equal(first, 'exit', 'the CLI opened the FIFO');
  assert.equal(res.code, 0, res.err);
  assert.match(res.err, /skipped .*pipe\.yaml: a FIFO/);
  assert.match(res.out, /1 file\(s\) checked/);
});

test('a link to /dev/zero is skipped; named on the command line it is an error, not a hang', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': STRICT });
  const link = path.join(dir, 'zero.yaml');
  fs.symlinkSync('/dev/zero', link);
  const walked = await spawnCli([dir]).exit;
  assert.equal(walked.code, 0, walked.err);
  assert.match(walked.err, /skipped .*zero\.yaml: a character device/);
  const named = await spawnCli([link]).exit;
  assert.equal(named.code, 2, named.err);
  assert.match(named.err, /cannot read .*zero\.yaml: a character device, not a regular file/);
});

test('a file over the size limit is refused before it is read: a clear message and exit 2', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': STRICT });
  const big = path.join(dir, 'big.yaml');
  // Sparse: the size is there without writing the bytes.
  fs.writeFileSync(big, '');
  fs.truncateSync(big, MAX_FILE_BYTES + 1);
  const res = await runCli([dir]);
  assert.equal(res.code, 2);
  assert.match(res.err, /cannot read .*big\.yaml: 16\.1 MiB, over the limit of 16 MiB for one file/);
  assert.match(res.out, /1 file\(s\) checked/, 'the other files are still checked');
});

test('the limit is exact, and a file that grows past it while read is refused too', () => {
  const dir = writeTempWorkspace({ 'f.yaml': 'x'.repeat(100) });
  const file = path.join(dir, 'f.yaml');
  assert.ok(readRegularFile(file, 100).ok);
  assert.equal(readRegularFile(file, 99).ok, false);
  const grown = readRegularFile('/proc/self/status', 10);
  // /proc files report size 0 and then hold more: only the bytes read count.
  assert.deepEqual(grown, { ok: false, message: 'more than the limit of 10 bytes for one file; split it into smaller files' });
});

test('standard input is read up to the limit only', async () => {
  const small = await readStreamUpTo(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4);
  assert.deepEqual(small, { ok: true, bytes: Buffer.from('abcd') });
  const over = await readStreamUpTo(Readable.from([Buffer.from('ab'), Buffer.from('cde')]), 4);
  assert.equal(over.ok, false);
  const zero = fs.openSync('/dev/zero', 'r');
  const res = await spawnCli(['-'], zero).exit;
  fs.closeSync(zero);
  assert.equal(res.code, 2, res.err);
  assert.match(res.err, /cannot read <stdin>: more than the limit of 16 MiB for one file/);
});
