// Completion from the schemas: after `mode: ` the PeerAuthentication modes are offered, STRICT first-class.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, positionOf } from './helpers';

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Labels of real completions: the editor's word-based suggestions (kind Text) are left out. */
async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text).map(label);
}

describe('completion', () => {
  it('offers STRICT after "mode: "', async () => {
    const editor = await openFixture('completion.yaml');
    const position = positionOf(editor.document, 'mode: ', 'mode: '.length);
    const labels = await completionLabels(editor.document.uri, position);
    assert.ok(labels.includes('STRICT'), `completion items: ${labels.join(', ') || '(none)'}`);
    assert.ok(labels.includes('PERMISSIVE'), 'all enum values are offered');
  });

  it('offers the keys valid under spec', async () => {
    const editor = await openFixture('completion.yaml');
    // A new, empty line inside spec: at the indentation of `mtls:`.
    const edit = new vscode.WorkspaceEdit();
    const specLine = positionOf(editor.document, 'spec:').line;
    edit.insert(editor.document.uri, new vscode.Position(specLine + 1, 0), '  \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const labels = await completionLabels(editor.document.uri, new vscode.Position(specLine + 1, 2));
    for (const key of ['selector', 'portLevelMtls']) assert.ok(labels.includes(key), `completion items: ${labels.join(', ')}`);
  });
});
