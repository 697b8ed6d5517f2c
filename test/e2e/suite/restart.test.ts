// `meshlint: Restart Language Server` stops the server (its diagnostics are withdrawn) and starts a
// new one that checks the open file again and keeps answering edits.
import * as vscode from 'vscode';
import { hasRule, lacksRule, openFixture, positionOf, waitForDiagnostics } from './helpers';

const RULE = 'peer-authentication-permissive';

describe('restart command', () => {
  it('meshlint.restartServer brings back a working server', async () => {
    const editor = await openFixture('restart.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasRule(RULE), `the ${RULE} warning`);

    // Subscribe before the command: the stop may withdraw diagnostics before executeCommand returns.
    const withdrawn = waitForDiagnostics(uri, lacksRule(RULE), 'the old server to withdraw its diagnostics');
    await vscode.commands.executeCommand('meshlint.restartServer');
    await withdrawn;
    await waitForDiagnostics(uri, hasRule(RULE), 'the new server to publish diagnostics');

    // The new server follows edits: fix the value by hand.
    const edit = new vscode.WorkspaceEdit();
    const start = positionOf(editor.document, 'PERMISSIVE');
    edit.replace(uri, new vscode.Range(start, start.translate(0, 'PERMISSIVE'.length)), 'STRICT');
    await vscode.workspace.applyEdit(edit);
    await waitForDiagnostics(uri, lacksRule(RULE), 'the new server to re-check the edited file');
  });
});
