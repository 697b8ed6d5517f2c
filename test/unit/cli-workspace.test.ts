// The CLI checks the files it is given as one workspace: findings that need two files, the
// .meshlint.yaml it finds (levels, root namespace, exclude) and the problems of that file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_DIR } from '../support/engine';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { DENY_SANDBOX, peerAuthentication } from '../support/sample-manifests';

test('npx meshlint examples/ shows workspace findings too', async () => {
  const res = await runCli([path.join(PACKAGE_DIR, 'examples')]);
  assert.match(res.out, /workspace-broken\/billing\/mtls\.yaml:21:11 warning peer-authentication-destination-rule-conflict /);
  assert.match(res.out, /workspace-broken\/billing\/workloads\.yaml:\d+:\d+ warning sidecar-missing-under-strict /);
  assert.match(res.out, /workspace-broken\/billing\/authorization\.yaml:15:13 warning authorization-identity-without-strict /);
  const guide = await runCli([path.join(PACKAGE_DIR, 'examples', 'guide')]);
  assert.match(guide.out, /0 error\(s\), 0 warning\(s\)/, 'the guide stays clean on its own');
});

test('a finding that needs two files, and it goes when the other file changes', async () => {
  const dir = writeTempWorkspace({
    'deny.yaml': DENY_SANDBOX,
    'orders.yaml': peerAuthentication({ namespace: 'orders', mode: 'PERMISSIVE' }),
  });
  const res = await runCli([dir]);
  assert.match(res.out, /deny\.yaml:11:13 warning authorization-identity-without-strict /);
  fs.writeFileSync(path.join(dir, 'orders.yaml'), peerAuthentication({ namespace: 'orders', mode: 'STRICT' }));
  assert.doesNotMatch((await runCli([dir])).out, /authorization-identity-without-strict/);
});

test('.meshlint.yaml is found above the checked folder: levels, root namespace and exclude apply', async () => {
  const dir = writeTempWorkspace({
    '.meshlint.yaml': 'rootNamespace: mesh-root\nrules:\n  authorization-identity-without-strict: error\nexclude: ["legacy"]\n',
    'manifests/deny.yaml': DENY_SANDBOX,
    'manifests/mesh.yaml': peerAuthentication({ namespace: 'mesh-root', mode: 'PERMISSIVE' }),
    'manifests/legacy/orders.yaml': peerAuthentication({ namespace: 'orders', mode: 'STRICT' }),
  });
  const res = await runCli([path.join(dir, 'manifests'), '--min-severity', 'info']);
  // PERMISSIVE comes from the mesh-wide policy of the configured root namespace; the excluded STRICT copy is not read.
  assert.match(res.out, /deny\.yaml:11:13 error authorization-identity-without-strict .*PeerAuthentication mesh-root\/default/);
  assert.doesNotMatch(res.out, /legacy/);
  assert.equal(res.code, 1);
});

test('a malformed .meshlint.yaml is reported on itself and the defaults apply', async () => {
  const dir = writeTempWorkspace({
    '.meshlint.yaml': 'rules:\n  peer-authentication-permissive: loud\n',
    'pa.yaml': peerAuthentication({ namespace: 'shop', mode: 'PERMISSIVE' }),
  });
  const res = await runCli([dir]);
  assert.match(res.out, /\.meshlint\.yaml:2:35 error meshlint-config /);
  assert.match(res.out, /pa\.yaml:8:11 warning peer-authentication-permissive /);
  assert.equal(res.code, 1);
  const missing = await runCli([dir, '--config', path.join(dir, 'nope.yaml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nope\.yaml: no such file/);
});
