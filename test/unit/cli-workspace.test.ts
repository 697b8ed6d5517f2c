// The CLI checks the files it is given as one workspace: findings that need two files, the
// .meshlint.yaml it finds (levels, root namespace, exclude) and the problems of that file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../server/src/cli/main';
import { PACKAGE_DIR } from '../support/engine';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out, err);
  return { code, out: out.text, err: err.text };
}

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-cli-ws-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const PA = (ns: string, mode: string): string => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: ${ns}
spec:
  mtls:
    mode: ${mode}
`;

const DENY = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-sandbox
  namespace: orders
spec:
  action: DENY
  rules:
    - from:
        - source:
            namespaces: ["sandbox"]
`;

test('npx meshlint examples/ shows workspace findings too', async () => {
  const res = await run([path.join(PACKAGE_DIR, 'examples')]);
  assert.match(res.out, /workspace-broken\/billing\/mtls\.yaml:21:11 warning peer-authentication-destination-rule-conflict /);
  assert.match(res.out, /workspace-broken\/billing\/workloads\.yaml:\d+:\d+ warning sidecar-missing-under-strict /);
  assert.match(res.out, /workspace-broken\/billing\/authorization\.yaml:15:13 warning authorization-identity-without-strict /);
  const guide = await run([path.join(PACKAGE_DIR, 'examples', 'guide')]);
  assert.match(guide.out, /0 error\(s\), 0 warning\(s\)/, 'the guide stays clean on its own');
});

test('a finding that needs two files, and it goes when the other file changes', async () => {
  const dir = tempDir({ 'deny.yaml': DENY, 'orders.yaml': PA('orders', 'PERMISSIVE') });
  const res = await run([dir]);
  assert.match(res.out, /deny\.yaml:11:13 warning authorization-identity-without-strict /);
  fs.writeFileSync(path.join(dir, 'orders.yaml'), PA('orders', 'STRICT'));
  assert.doesNotMatch((await run([dir])).out, /authorization-identity-without-strict/);
});

test('.meshlint.yaml is found above the checked folder: levels, root namespace and exclude apply', async () => {
  const dir = tempDir({
    '.meshlint.yaml': 'rootNamespace: mesh-root\nrules:\n  authorization-identity-without-strict: error\nexclude: ["legacy"]\n',
    'manifests/deny.yaml': DENY,
    'manifests/mesh.yaml': PA('mesh-root', 'PERMISSIVE'),
    'manifests/legacy/orders.yaml': PA('orders', 'STRICT'),
  });
  const res = await run([path.join(dir, 'manifests'), '--min-severity', 'info']);
  // PERMISSIVE comes from the mesh-wide policy of the configured root namespace; the excluded STRICT copy is not read.
  assert.match(res.out, /deny\.yaml:11:13 error authorization-identity-without-strict .*PeerAuthentication mesh-root\/default/);
  assert.doesNotMatch(res.out, /legacy/);
  assert.equal(res.code, 1);
});

test('a malformed .meshlint.yaml is reported on itself and the defaults apply', async () => {
  const dir = tempDir({ '.meshlint.yaml': 'rules:\n  peer-authentication-permissive: loud\n', 'pa.yaml': PA('shop', 'PERMISSIVE') });
  const res = await run([dir]);
  assert.match(res.out, /\.meshlint\.yaml:2:35 error meshlint-config /);
  assert.match(res.out, /pa\.yaml:8:11 warning peer-authentication-permissive /);
  assert.equal(res.code, 1);
  const missing = await run([dir, '--config', path.join(dir, 'nope.yaml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nope\.yaml: no such file/);
});
