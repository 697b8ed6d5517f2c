// Issue 12 item 4: a name the workspace does not define is an information note, unless a defined
// name is a near match (did you mean): then it is almost surely a typo that never matches, and a
// warning the CLI shows by default. Checked on the rules' own fixtures, through the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURE_ROOT } from '../support/fixtures';
import { runCli } from '../support/run-cli';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
}

// The repository's own .meshlint.yaml keeps test/fixtures out of folder walks; these fixtures are
// folders (several files seen together), so they are read under an empty config instead.
const EMPTY_CONFIG = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-typo-')), '.meshlint.yaml');
fs.writeFileSync(EMPTY_CONFIG, 'exclude: []\n');

/** The rule's findings on one invalid fixture; by default only what the CLI shows without options. */
async function findings(ruleId: string, fixture: string, all = false): Promise<JsonFinding[]> {
  const options = all ? ['--min-severity', 'info'] : [];
  const res = await runCli([path.join(FIXTURE_ROOT, ruleId, 'invalid', fixture), '--format', 'json', '--config', EMPTY_CONFIG, ...options]);
  const parsed = JSON.parse(res.out) as { files: { findings: JsonFinding[] }[] };
  return parsed.files.flatMap((f) => f.findings).filter((f) => f.ruleId === ruleId);
}

/** Each finding as `severity: the quoted name`, sorted, so a test reads as a table. */
function table(list: readonly JsonFinding[]): string[] {
  return list.map((f) => `${f.severity}: ${/`([^`]+)`/.exec(f.message)?.[1] ?? '?'}`).sort();
}

test('unknown-service-account: a near miss (checkuot beside checkout, a bare ledgr) warns, an unlike name informs', async () => {
  assert.deepEqual(table(await findings('unknown-service-account', 'near-miss-warns', true)), [
    'info: reporting',
    'warning: checkuot',
    'warning: ledgr',
  ]);
  assert.deepEqual(table(await findings('unknown-service-account', 'near-miss-warns')), ['warning: checkuot', 'warning: ledgr']);
});

test('certificate-issuer-not-found: ClusterIssuer cluster-ca-prod beside cluster-ca warns, vault-issuer informs', async () => {
  assert.deepEqual(table(await findings('certificate-issuer-not-found', 'near-miss-warns', true)), [
    'info: vault-issuer',
    'warning: cluster-ca-prod',
  ]);
  assert.deepEqual(table(await findings('certificate-issuer-not-found', 'near-miss-warns')), ['warning: cluster-ca-prod']);
});

test('unknown-namespace: frontent beside frontend warns', async () => {
  const list = await findings('unknown-namespace', 'typo');
  assert.ok(table(list).includes('warning: frontent'), JSON.stringify(list));
});
