// Files in the encodings kubectl reads (UTF-8, UTF-16 with a byte order mark) are checked like any
// other; those it cannot read (UTF-32, UTF-16 without a mark) get a clear notice instead of being
// skipped in silence (issue 11: a UTF-16 file gave 0 findings and no word).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText, encodeText } from '../../server/src/node/text-file';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { spiffePrincipalPolicy } from '../support/sample-manifests';

const PERMISSIVE = [
  'apiVersion: security.istio.io/v1',
  'kind: PeerAuthentication',
  'metadata:',
  '  name: default',
  '  namespace: shop',
  'spec:',
  '  mtls:',
  '    mode: PERMISSIVE # é, so the text is not plain ASCII',
  '',
].join('\n');

function utf16(text: string, bigEndian: boolean, bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
}

function utf32le(text: string, bom: boolean): Buffer {
  const cps = [...text].map((c) => c.codePointAt(0) ?? 0);
  const out = Buffer.alloc((cps.length + (bom ? 1 : 0)) * 4);
  let at = 0;
  if (bom) out.writeUInt32LE(0xfeff, (at += 4) - 4);
  for (const cp of cps) out.writeUInt32LE(cp, (at += 4) - 4);
  return out;
}

test('UTF-16 with a byte order mark decodes as kubectl reads it, and encodes back byte for byte', () => {
  for (const bigEndian of [false, true]) {
    const bytes = utf16(PERMISSIVE, bigEndian);
    const d = decodeText(bytes);
    assert.equal(d.unsupported, undefined);
    assert.equal(d.text, PERMISSIVE);
    assert.equal(d.encoding, bigEndian ? 'utf-16be' : 'utf-16le');
    assert.ok(d.exact);
    assert.ok(encodeText(d.text, d.bom, d.encoding).equals(bytes));
  }
});

test('UTF-32 and UTF-16 without a mark are named as unreadable, with what to do', () => {
  const cases: [Buffer, RegExp][] = [
    [utf32le(PERMISSIVE, true), /UTF-32LE text \(/],
    [utf32le(PERMISSIVE, false), /UTF-32LE text without a byte order mark/],
    [utf16(PERMISSIVE, false, false), /UTF-16LE text without a byte order mark/],
    [utf16(PERMISSIVE, true, false), /UTF-16BE text without a byte order mark/],
  ];
  for (const [bytes, message] of cases) {
    const d = decodeText(bytes);
    assert.match(d.unsupported ?? '', message);
    assert.match(d.unsupported ?? '', /save the file as UTF-8/);
    assert.equal(d.text, '');
  }
  assert.equal(decodeText(Buffer.from(PERMISSIVE, 'utf8')).unsupported, undefined);
});

test('the CLI checks a UTF-16 file, and --fix writes it back in UTF-16', async () => {
  const dir = writeTempWorkspace({});
  const file = path.join(dir, 'pa.yaml');
  // The principal's scheme is a fix --fix writes (STRICT is a suggestion only).
  fs.writeFileSync(file, utf16(`${PERMISSIVE}---\n${spiffePrincipalPolicy()}`, false));
  const run = await runCli(['--format', 'json', file]);
  assert.match(run.out, /peer-authentication-permissive/);
  const report = JSON.parse(run.out) as { files: { findings: { ruleId: string; line: number }[] }[] };
  const line = report.files[0]?.findings.find((f) => f.ruleId === 'peer-authentication-permissive')?.line;
  assert.equal(line, 8);
  await runCli(['--fix', file]);
  const after = decodeText(fs.readFileSync(file));
  assert.equal(after.encoding, 'utf-16le');
  assert.ok(after.text.includes('mode: PERMISSIVE # é') && after.text.includes('"cluster.local/ns/shop/sa/web"'), after.text);
  assert.ok(!after.text.includes('spiffe://'), after.text);
});

test('the CLI names a UTF-32 file on standard error and exits 2, never 0 with nothing said', async () => {
  const dir = writeTempWorkspace({});
  const file = path.join(dir, 'pa.yaml');
  fs.writeFileSync(file, utf32le(PERMISSIVE, true));
  const run = await runCli([file]);
  assert.equal(run.code, 2);
  assert.match(run.err, /pa\.yaml: UTF-32LE text \(kubectl reads UTF-8, and UTF-16 with a byte order mark/);
});
