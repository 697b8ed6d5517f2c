// Every snippet contributed for YAML inserts through the editor's snippet command and, with its
// default placeholders, produces no meshlint warning or error.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeDiagnostics, EXTENSION_ID, hasRule, openFixture, replaceDocument, waitForDiagnostics } from './helpers';

const SEED =
  'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: catalog\nspec:\n  mtls:\n    mode: PERMISSIVE\n';

/** Snippet names from the installed extension's contributed snippet files for YAML. */
function contributedSnippetNames(): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const contributions =
    (extension.packageJSON as { contributes?: { snippets?: { language: string; path: string }[] } }).contributes?.snippets ?? [];
  const files = contributions.filter((c) => c.language === 'yaml').map((c) => path.join(extension.extensionPath, c.path));
  return files.flatMap((file) => Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as object));
}

const serious = (d: vscode.Diagnostic) =>
  d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning;

describe('snippets', () => {
  it('the extension contributes YAML snippets', () => {
    assert.ok(contributedSnippetNames().length > 0, 'no snippets contributed for yaml');
  });

  for (const name of contributedSnippetNames()) {
    it(`"${name}" inserts and produces no warnings`, async () => {
      const editor = await openFixture('snippet-target.yaml');
      const uri = editor.document.uri;
      // Start from a flagged document, so "no warnings" below proves the server saw the snippet.
      await replaceDocument(editor.document, SEED);
      await waitForDiagnostics(uri, hasRule('peer-authentication-permissive'), 'the seed warning');

      editor.selection = new vscode.Selection(new vscode.Position(0, 0), editor.document.lineAt(editor.document.lineCount - 1).range.end);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name });
      assert.notEqual(editor.document.getText(), SEED, 'the snippet replaced the seed');
      assert.match(editor.document.getText(), /^kind: /m, `snippet text:\n${editor.document.getText()}`);
      const diagnostics = await waitForDiagnostics(uri, (all) => !all.some(serious), 'no warnings or errors', 10_000).catch(
        (error: Error) => {
          throw new Error(
            `${error.message}\nsnippet text:\n${editor.document.getText()}\n${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
          );
        },
      );
      assert.ok(!diagnostics.some(serious));
    });
  }
});
