// One way to read a checked file as text (cli/read-text.ts) for every command: the lint, explain,
// check-access and --crds report an unsupported encoding with the same line, and explain and
// check-access skip `.json` files that are not manifests as the lint does (cli/workspace-view.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { deployment, namespace } from '../support/explain';
import { readTextFile, textOfBytes } from '../../server/src/cli/read-text';

/** `a: 1` in UTF-16LE without a byte order mark: meshlint cannot tell it is text. */
const UTF16_NO_BOM = Buffer.from('a: 1\n', 'utf16le');
const UNSUPPORTED = /meshlint: cannot read .*wide\.yaml: UTF-16LE text without a byte order mark \(.*\)\n/;

function workspace(): string {
  const dir = writeTempWorkspace({ 'ns.yaml': namespace('shop'), 'w.yaml': deployment('shop', 'cart', { app: 'cart' }) });
  fs.writeFileSync(path.join(dir, 'wide.yaml'), UTF16_NO_BOM);
  return dir;
}

test('readTextFile: the text with its encoding, or why it cannot be read', () => {
  const dir = workspace();
  try {
    const ok = readTextFile(path.join(dir, 'w.yaml'));
    assert.ok(ok.ok && ok.text.startsWith('apiVersion: apps/v1') && ok.decoded.encoding === 'utf-8' && ok.identity);
    const wide = readTextFile(path.join(dir, 'wide.yaml'));
    assert.ok(!wide.ok && /^UTF-16LE text without a byte order mark/.test(wide.message));
    const missing = readTextFile(path.join(dir, 'nope.yaml'));
    assert.deepEqual(missing, { ok: false, message: 'no such file or folder' });
    const le = textOfBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1', 'utf16le')]));
    assert.ok(le.ok && le.text === 'a: 1' && le.decoded.encoding === 'utf-16le');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('lint, explain, check-access and --crds report an unsupported encoding with the same line', async () => {
  const dir = workspace();
  try {
    const lint = await runCli([dir]);
    assert.match(lint.err, UNSUPPORTED);
    const explain = await runCli(['explain', 'shop/cart', dir]);
    assert.equal(explain.code, 0, explain.err);
    assert.match(explain.err, UNSUPPORTED);
    const access = await runCli(['check-access', '--from', 'plaintext', '--to', 'shop/cart', '--target-port', '8080', dir]);
    assert.match(access.err, UNSUPPORTED);
    const crds = await runCli(['--crds', path.join(dir, 'wide.yaml'), path.join(dir, 'w.yaml')]);
    assert.match(crds.err, UNSUPPORTED);
    const line = (err: string): string | undefined => UNSUPPORTED.exec(err)?.[0];
    assert.equal(line(explain.err), line(lint.err));
    assert.equal(line(access.err), line(lint.err));
    assert.equal(line(crds.err), line(lint.err));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('explain skips a .json file found in a folder that is no manifest, as the lint does; named, it is read', async () => {
  // YAML accepts the trailing comma (as tsconfig.json files carry); JSON.parse, and so the lint, does not.
  const json = '{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "cart", "namespace": "shop",},}\n';
  const dir = writeTempWorkspace({ 'ns.yaml': namespace('shop'), 'cart.json': json });
  try {
    const found = await runCli(['explain', 'shop/cart', dir]);
    assert.equal(found.code, 2);
    assert.match(found.err, /no workload shop\/cart/);
    const named = await runCli(['explain', 'shop/cart', path.join(dir, 'cart.json'), path.join(dir, 'ns.yaml')]);
    assert.equal(named.code, 0, named.err);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
