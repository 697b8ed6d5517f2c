// This repository's own .meshlint.yaml: opened in an editor or checked with `meshlint .` from here,
// the deliberately broken test fixtures stay out of the workspace rules; the examples stay in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadWorkspace } from '../../server/src/cli/workspace';
import { PACKAGE_DIR } from '../support/engine';

test('the test fixtures are excluded, the examples are not', () => {
  const ws = loadWorkspace(['.'], undefined, PACKAGE_DIR);
  assert.equal(ws.problem, undefined);
  assert.deepEqual(ws.configFile?.findings, []);
  const at = (...p: string[]): string => path.join(PACKAGE_DIR, ...p);
  assert.equal(ws.keep(at('test', 'fixtures', 'rules', 'peer-authentication-permissive', 'invalid', 'a.yaml'), false), false);
  assert.equal(ws.keep(at('test', 'e2e', 'workspace', 'permissive.yaml'), false), false);
  assert.equal(ws.keep(at('test', 'e2e', 'workspace-restricted', 'overlay', 'permissive.yaml'), false), false);
  assert.equal(ws.keep(at('test', 'nvim', 'fixtures', 'permissive.yaml'), false), false);
  assert.equal(ws.keep(at('examples', 'broken', 'typos.yaml'), false), true);
});
