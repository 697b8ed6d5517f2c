// The CLI and the editor's workspace index skip the same folders (one list, scan-policy.ts), so
// cross-file findings in CI match the editor's: both walks of one tree find the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectFiles } from '../../server/src/cli/walk';
import { NodeWorkspaceFiles } from '../../server/src/node/workspace-files';
import { SKIPPED_FOLDERS } from '../../server/src/core/workspace/scan-policy';
import { writeTempWorkspace } from '../support/temp-workspace';

const MANIFEST = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n';

test('every skipped folder is skipped by the CLI walk and by the editor scan alike', async () => {
  const files: Record<string, string> = { 'manifests/keep.yaml': MANIFEST };
  for (const name of SKIPPED_FOLDERS) files[`${name}/skip.yaml`] = MANIFEST;
  files['nested/generated/skip.yaml'] = MANIFEST;
  const dir = writeTempWorkspace(files);
  const cli = collectFiles([dir]).files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
  const editor = (await new NodeWorkspaceFiles().list(pathToFileURL(dir).href, [])).map((u) => u.slice(pathToFileURL(dir).href.length + 1));
  assert.deepEqual(cli, ['manifests/keep.yaml']);
  assert.deepEqual(editor, cli);
});
