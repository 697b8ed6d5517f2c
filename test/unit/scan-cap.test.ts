// The workspace scan's file cap: configurable per folder, and a scan that stops at it says so in
// the log and the status item; files it lists but cannot read are named in the log. A listed file
// is read through one handle and never through a link put in its place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol';
import { WorkspaceHost } from '../../server/src/lsp/workspace-host';
import { NodeWorkspaceFiles } from '../../server/src/node/workspace-files';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { writeTempWorkspace } from '../support/temp-workspace';
import { peerAuthentication } from '../support/sample-manifests';

function hostOn(dir: string, maxFiles: number | undefined) {
  const logged: string[] = [];
  const notices: string[] = [];
  const host = new WorkspaceHost({
    files: new NodeWorkspaceFiles(),
    settingsFor: () => Promise.resolve({ ...DEFAULT_SETTINGS }),
    excludeFor: () => Promise.resolve([]),
    maxFilesFor: () => Promise.resolve(maxFiles),
    notice: (m) => notices.push(m),
    republish: () => undefined,
    publishConfigFile: () => undefined,
    knownRuleIds: () => allRuleMetas().map((m) => m.id),
    log: (m) => logged.push(m),
  });
  host.setFolders([pathToFileURL(dir).href]);
  return { host, logged, notices };
}

const files = (n: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`pa-${i}.yaml`, peerAuthentication({ namespace: `ns-${i}`, mode: 'STRICT' })]));

test('a scan that stops at the configured cap says so in the log and the status item', async () => {
  const dir = writeTempWorkspace(files(5));
  const capped = hostOn(dir, 3);
  await capped.host.start();
  assert.equal(capped.notices.length, 1);
  assert.match(capped.notices[0], /stopped at 3 YAML files \(setting meshlint\.maxWorkspaceFiles\)/);
  assert.ok(capped.logged.some((m) => m.includes('stopped at 3')));
  assert.equal(capped.host.names(pathToFileURL(path.join(dir, 'x.yaml')).href).namespaces.length, 3, 'three files indexed');
  const roomy = hostOn(dir, 10);
  await roomy.host.start();
  assert.deepEqual(roomy.notices, [], 'under the cap: nothing to say');
  assert.equal(roomy.host.names(pathToFileURL(path.join(dir, 'x.yaml')).href).namespaces.length, 5);
});

test('listed files that cannot be read are named in the log; a link swapped in is not followed', async () => {
  const dir = writeTempWorkspace({ ...files(2), 'big.yaml': 'x'.repeat(3 * 1024 * 1024) });
  const w = hostOn(dir, undefined);
  await w.host.start();
  assert.ok(
    w.logged.some((m) => /skipped 1 file\(s\).*big\.yaml/.test(m)),
    w.logged.join('\n'),
  );
  const outside = writeTempWorkspace({ 'secret.yaml': 'kind: Secret\n' });
  const link = path.join(dir, 'pa-0.yaml');
  fs.rmSync(link);
  fs.symlinkSync(path.join(outside, 'secret.yaml'), link);
  assert.equal(await new NodeWorkspaceFiles().readListed(pathToFileURL(link).href), undefined);
});
