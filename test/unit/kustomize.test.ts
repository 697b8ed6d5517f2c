// Kustomize overlays: rendered with the kubectl or kustomize on PATH (CI has kubectl; without either
// these tests fail, never skip), findings shown in the file and on the line that sets the value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { lineCol } from '../support/engine';
import { findRenderer, NO_RENDERER } from '../../server/src/node/kustomize-render';
import { joinPath } from '../../server/src/core/kustomize/map-back';

const PA = (mode: string, extra = ''): string =>
  `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\n${extra}spec:\n  mtls:\n    mode: ${mode}\n`;

const ALLOW_ALL =
  'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: open\n  namespace: shop\nspec:\n  rules:\n  - {}\n';

const BASE = {
  'base/kustomization.yaml': 'resources:\n- peer-authentication.yaml\n- allow-all.yaml\n',
  'base/peer-authentication.yaml': PA('STRICT'),
  'base/allow-all.yaml': ALLOW_ALL,
};

/** `file:line:col` of `needle` (moved on by `shift`) in `text`, as the text output prints it. */
function where(file: string, text: string, needle: string, shift = 0): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const p = lineCol(text, i + shift);
  return `${file}:${p.line}:${p.col}`;
}

function assertRenderer(): void {
  // CI installs kubectl; a machine without it cannot show this feature works.
  assert.ok(findRenderer(), `${NO_RENDERER} (these tests need one; CI has kubectl)`);
}

async function inDir<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await run();
  } finally {
    process.chdir(before);
  }
}

test('base STRICT, overlay patch PERMISSIVE: the finding is on the patch file line, naming the overlay', async () => {
  assertRenderer();
  const patch = PA('PERMISSIVE');
  const dir = writeTempWorkspace({
    ...BASE,
    'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\npatches:\n- path: permissive.yaml\n',
    'overlays/prod/permissive.yaml': patch,
  });
  const run = await inDir(dir, () => runCli(['--kustomize', 'overlays/prod']));
  assert.equal(run.code, 0, run.err);
  const permissive = where(path.join('overlays', 'prod', 'permissive.yaml'), patch, 'PERMISSIVE');
  assert.ok(run.out.includes(`${permissive} warning peer-authentication-permissive `), run.out);
  assert.match(run.out, /through the kustomize overlay overlays\/prod/);
  // What the base writes and no patch changes stays on the base file's line.
  const allowAll = where(path.join('base', 'allow-all.yaml'), ALLOW_ALL, '{}');
  assert.ok(run.out.includes(`${allowAll} warning authorization-policy-allow-all `), run.out);
  // The base file alone (STRICT) has nothing to say about mTLS.
  assert.doesNotMatch(run.out, /base\/peer-authentication\.yaml/);
});

test('a JSON 6902 patch and a kustomization.yaml given as a path: the finding is on the operation value', async () => {
  assertRenderer();
  const ops = '- op: replace\n  path: /spec/mtls/mode\n  value: DISABLE\n';
  const dir = writeTempWorkspace({
    ...BASE,
    'overlays/dev/kustomization.yaml':
      'resources:\n- ../../base\nnamePrefix: dev-\npatches:\n- path: ops.yaml\n  target:\n    kind: PeerAuthentication\n    name: default\n',
    'overlays/dev/ops.yaml': ops,
  });
  const run = await inDir(dir, () => runCli(['--format', 'json', 'overlays/dev/kustomization.yaml']));
  const files = (JSON.parse(run.out) as { files: { path: string; findings: { ruleId: string; line: number; column: number }[] }[] }).files;
  const found = files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column} ${x.ruleId}`));
  assert.ok(
    found.includes(`${where(path.join('overlays', 'dev', 'ops.yaml'), ops, 'DISABLE')} peer-authentication-disable`),
    found.join('\n'),
  );
});

test('.meshlint.yaml kustomize: the workspace rules see the overlay in place of the files it renders', async () => {
  assertRenderer();
  const dir = writeTempWorkspace({
    ...BASE,
    '.meshlint.yaml': 'kustomize:\n  - overlays/prod\n',
    // The prefix makes the rendered copy a policy of another name: beside the base file it would be a duplicate.
    'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: prod-\npatches:\n- path: permissive.yaml\n',
    'overlays/prod/permissive.yaml': PA('PERMISSIVE'),
  });
  const run = await inDir(dir, () => runCli(['--min-severity', 'hint', '.']));
  assert.match(run.out, /overlays\/prod\/permissive\.yaml:\d+:\d+ warning peer-authentication-permissive .*overlays\/prod\)/);
  // The base policy and its rendered copy are one resource: two of them would be a duplicate.
  assert.doesNotMatch(run.out, /peer-authentication-duplicate/, run.out);
});

test('with neither kubectl nor kustomize on PATH the run fails with a clear message', async () => {
  const dir = writeTempWorkspace({ ...BASE });
  const saved = process.env.PATH;
  process.env.PATH = path.join(dir, 'no-tools-here');
  try {
    const run = await inDir(dir, () => runCli(['--kustomize', 'base']));
    assert.equal(run.code, 2);
    assert.match(run.err, /base: neither kubectl nor kustomize is on PATH/);
  } finally {
    process.env.PATH = saved;
  }
});

test('source paths are joined the way kustomize reads them', () => {
  assert.equal(joinPath('../ws/overlays/prod', 'permissive.yaml'), '../ws/overlays/prod/permissive.yaml');
  assert.equal(joinPath('../ws/overlays/prod', '../../base/pa.yaml'), '../ws/base/pa.yaml');
  assert.equal(joinPath('.', 'a/./b.yaml'), 'a/b.yaml');
});
