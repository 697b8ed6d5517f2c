// Hover explains the field and the concept behind it, and names the rule on a flagged value.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hasRule, openFixture, positionOf, screenshot, showOnly, waitForDiagnostics } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hoverText(hovers);
}

describe('hover', () => {
  it('on the mtls key explains mutual TLS', async () => {
    const editor = await openFixture('hover.yaml');
    const text = await hoverAt(editor.document, positionOf(editor.document, 'mtls:', 1));
    assert.match(text, /mutual TLS/i, `hover text was:\n${text}`);
  });

  it('on a PERMISSIVE value explains the modes and names the rule', async () => {
    const editor = await openFixture('hover.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasRule('peer-authentication-permissive'), 'the PERMISSIVE diagnostic');
    const value = positionOf(editor.document, 'PERMISSIVE', 3);
    const text = await hoverAt(editor.document, value);
    assert.match(text, /STRICT/, `hover text was:\n${text}`);
    assert.match(text, /plain ?text/i, `hover text was:\n${text}`);
    assert.match(text, /peer-authentication-permissive/, 'the hover names the rule');

    await screenshot({ name: 'hover', selector: '.monaco-hover:not(.hidden) .hover-contents' }, async () => {
      const shown = await showOnly(editor);
      await vscode.commands.executeCommand('workbench.action.closePanel');
      shown.selection = new vscode.Selection(value, value);
      await vscode.commands.executeCommand('editor.action.showHover');
    });
  });
});
