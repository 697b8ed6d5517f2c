// Values and file names from the checked repository reach the CI log through the CLI's output:
// control characters and bidi overrides in them must be printed escaped, never acted on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { peerAuthentication } from '../support/sample-manifests';
import { escapeForTerminal } from '../../server/src/cli/escape';

// YAML escapes, so this file stays plain: ESC, newline, C1 CSI, DEL, right-to-left override.
const HOSTILE = peerAuthentication({ mode: '"STRICT\\e[31m\\nforged.yaml:1:1 error fake\\x9b2J\\x7f\\u202e"' });
const RAW_VALUE = 'STRICT\u001b[31m\nforged.yaml:1:1 error fake\u009b2J\u007f\u202e';
// Everything that must never reach the output raw (newlines between findings are ours).
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

test('text output escapes control characters and bidi overrides in messages and paths', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': HOSTILE });
  const hostileName = path.join(dir, 'evil\u001b[2K\nx.yaml');
  fs.writeFileSync(hostileName, HOSTILE);
  const res = await runCli([dir]);
  assert.doesNotMatch(res.out, UNSAFE);
  const lines = res.out.trimEnd().split('\n');
  assert.equal(lines.length, 3, 'two findings and the summary, nothing forged');
  assert.ok(lines.every((l) => !l.startsWith('forged')));
  assert.ok(res.out.includes('`STRICT\\x1B[31m\\nforged.yaml:1:1 error fake\\x9B2J\\x7F\\u202E`'), res.out);
  assert.ok(res.out.includes('evil\\x1B[2K\\nx.yaml:8:11 error schema-validation'), res.out);
});

test('stderr notes escape the paths they name', async () => {
  const res = await runCli(['missing\u001b]0;title\u0007.yaml']);
  assert.equal(res.code, 2);
  assert.doesNotMatch(res.err, UNSAFE);
  assert.match(res.err, /cannot read missing\\x1B\]0;title\\x07\.yaml: no such file/);
});

test('json and sarif escape what JSON.stringify leaves raw, and read back to the same text', async () => {
  const dir = writeTempWorkspace({ 'pa.yaml': HOSTILE });
  const json = await runCli([dir, '--format', 'json']);
  assert.doesNotMatch(json.out.replace(/\n/g, ''), UNSAFE);
  const parsed = JSON.parse(json.out) as { files: { findings: { message: string }[] }[] };
  assert.ok(parsed.files[0].findings[0].message.includes(RAW_VALUE));
  const sarif = await runCli([dir, '--format', 'sarif']);
  assert.doesNotMatch(sarif.out.replace(/\n/g, ''), UNSAFE);
  const log = JSON.parse(sarif.out) as { runs: { results: { message: { text: string } }[] }[] };
  assert.ok(log.runs[0].results[0].message.text.includes(RAW_VALUE));
});

test('each kind of unsafe character has a readable escape', () => {
  assert.equal(
    escapeForTerminal('a\tb\r\n\u0000\u007f\u0085\u00a0\u200f\u2028\u2066é'),
    'a\\tb\\r\\n\\x00\\x7F\\x85\u00a0\\u200F\\u2028\\u2066é',
  );
});
