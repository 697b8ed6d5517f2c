// A `.meshlint.yaml` at the workspace root changes diagnostics of open files when it is written or
// removed, and a malformed one is reported on itself while the defaults apply.
import * as vscode from 'vscode';
import { hasRule, lacksRule, openFixture, waitForDiagnostics, workspaceUri } from './helpers';

const RULE = 'peer-authentication-permissive';
const CONFIG = workspaceUri('.meshlint.yaml');

async function writeConfig(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(CONFIG, Buffer.from(text, 'utf8'));
}

describe('.meshlint.yaml', () => {
  after(async () => {
    await vscode.workspace.fs.delete(CONFIG).then(undefined, () => undefined);
  });

  it('switching a rule off in .meshlint.yaml and deleting the file again', async () => {
    const { document } = await openFixture('config-file.yaml');
    await waitForDiagnostics(document.uri, hasRule(RULE), `the ${RULE} warning`);

    await writeConfig(`rules:\n  ${RULE}: off\n`);
    await waitForDiagnostics(document.uri, lacksRule(RULE), `${RULE} switched off by .meshlint.yaml`);

    await vscode.workspace.fs.delete(CONFIG);
    await waitForDiagnostics(document.uri, hasRule(RULE), `${RULE} back after deleting .meshlint.yaml`);
  });

  it('a malformed .meshlint.yaml gets a diagnostic and the defaults still apply', async () => {
    const { document } = await openFixture('config-file.yaml');
    await writeConfig('rules: [this is: not a map\n');
    await waitForDiagnostics(CONFIG, (all) => all.length > 0, 'a diagnostic on the malformed .meshlint.yaml');
    await waitForDiagnostics(document.uri, hasRule(RULE), `${RULE} still reported with the defaults`);
    await vscode.workspace.fs.delete(CONFIG);
    await waitForDiagnostics(CONFIG, (all) => all.length === 0, 'the config diagnostic to clear');
  });
});
