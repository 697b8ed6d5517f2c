// What a suppression comment cannot hide: a file that does not parse (never), schema errors (not
// with a comment that names no rule), and nothing at all under --no-inline-config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../support/engine';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { DENY_SANDBOX, peerAuthentication } from '../support/sample-manifests';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { suppressionEdits } from '../../server/src/core/suppression-fix';

const STRICT = peerAuthentication({ mode: 'STRICT' });
const DUPLICATE_KEY = STRICT.replace('    mode: STRICT', '    mode: STRICT\n    mode: PERMISSIVE');
const BAD_MODE = peerAuthentication({ mode: 'STRICTT' });
const PERMISSIVE = peerAuthentication();

const ids = (text: string, config = DEFAULT_CONFIG): string[] => analyze(text, config).map((f) => f.ruleId);

test('no comment hides yaml-syntax: blanket, block or named', () => {
  assert.deepEqual(ids(DUPLICATE_KEY), ['yaml-syntax']);
  assert.deepEqual(ids(`# meshlint-disable\n${DUPLICATE_KEY}`), ['yaml-syntax']);
  assert.deepEqual(ids(DUPLICATE_KEY.replace('    mode: PERMISSIVE', '    mode: PERMISSIVE # meshlint-disable-line')), ['yaml-syntax']);
  assert.deepEqual(
    ids(DUPLICATE_KEY.replace('    mode: PERMISSIVE', '    # meshlint-disable-next-line yaml-syntax\n    mode: PERMISSIVE')),
    ['yaml-syntax'],
  );
  assert.deepEqual(ids(`# meshlint-disable yaml-syntax\n${DUPLICATE_KEY}`), ['yaml-syntax']);
  // The config's level still switches it off: that is the team's setting, not the file's.
  assert.deepEqual(ids(DUPLICATE_KEY, { ...DEFAULT_CONFIG, rules: { 'yaml-syntax': 'off' } }), []);
});

test('a comment without rule ids does not hide a schema error; one naming schema-validation does', () => {
  assert.deepEqual(ids(`# meshlint-disable\n${BAD_MODE}`), ['schema-validation']);
  assert.deepEqual(ids(BAD_MODE.replace('    mode:', '    # meshlint-disable-next-line\n    mode:')), ['schema-validation']);
  assert.deepEqual(ids(`# meshlint-disable schema-validation\n${BAD_MODE}`), []);
  assert.deepEqual(ids(BAD_MODE.replace('    mode:', '    # meshlint-disable-next-line schema-validation\n    mode:')), []);
  // Made a warning by the config, it is no longer an error, and a blanket comment hides it.
  assert.deepEqual(ids(`# meshlint-disable\n${BAD_MODE}`, { ...DEFAULT_CONFIG, rules: { 'schema-validation': 'warning' } }), []);
  // Other rules are still hidden by a blanket comment.
  assert.deepEqual(ids(PERMISSIVE), ['peer-authentication-permissive']);
  assert.deepEqual(ids(`# meshlint-disable\n${PERMISSIVE}`), []);
});

test('the editor does not offer a suppression comment for yaml-syntax', () => {
  const at = DUPLICATE_KEY.indexOf('mode: PERMISSIVE');
  assert.deepEqual(suppressionEdits(DUPLICATE_KEY, [], at, 'yaml-syntax'), []);
  assert.equal(suppressionEdits(DUPLICATE_KEY, [], at, 'schema-validation').length, 1);
});

test('--no-inline-config ignores suppression comments, in file and workspace findings', async () => {
  const named = PERMISSIVE.replace('    mode:', '    # meshlint-disable-next-line peer-authentication-permissive\n    mode:');
  assert.deepEqual(ids(named), []);
  assert.deepEqual(ids(named, { ...DEFAULT_CONFIG, noInlineConfig: true }), ['peer-authentication-permissive']);

  const dir = writeTempWorkspace({
    'pa.yaml': named,
    'deny.yaml': `# meshlint-disable\n${DENY_SANDBOX}`,
    'orders.yaml': peerAuthentication({ namespace: 'orders', mode: 'PERMISSIVE # meshlint-disable-line' }),
  });
  const quiet = await runCli([dir]);
  assert.match(quiet.out, /0 error\(s\), 0 warning\(s\)/, quiet.out);
  const strict = await runCli([dir, '--no-inline-config']);
  assert.match(strict.out, /pa\.yaml:\d+:\d+ warning peer-authentication-permissive /);
  assert.match(strict.out, /orders\.yaml:\d+:\d+ warning peer-authentication-permissive /);
  assert.match(strict.out, /deny\.yaml:\d+:\d+ warning authorization-identity-without-strict /);
});
