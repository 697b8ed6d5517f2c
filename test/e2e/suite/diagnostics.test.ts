// Opening a manifest publishes meshlint diagnostics on the right range, and the PERMISSIVE->STRICT
// quick fix (found through the code action provider, applied as a WorkspaceEdit) removes it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hasRule, lacksRule, openFixture, positionOf, ruleId, screenshot, showOnly, waitForDiagnostics } from './helpers';

const RULE = 'peer-authentication-permissive';

describe('diagnostics and quick fix', () => {
  it('flags mode: PERMISSIVE on the value', async () => {
    const editor = await openFixture('permissive.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, hasRule(RULE), `a ${RULE} diagnostic`);
    const finding = diagnostics.find((d) => ruleId(d) === RULE)!;
    const value = positionOf(editor.document, 'PERMISSIVE');
    assert.equal(finding.range.start.line, value.line, 'diagnostic on the mode line');
    assert.equal(editor.document.getText(finding.range), 'PERMISSIVE', 'range covers exactly the value');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    await screenshot({ name: 'problems-panel', selector: '.markers-panel .monaco-list-row' }, async () => {
      await showOnly(editor);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      // The Problems panel's "Show Active File Only" filter (a toggle; off in a fresh profile):
      // closing an editor does not always close its document, so other files could stay listed.
      await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile');
    });
  });

  it('quick fix "Set mode to STRICT" removes the finding', async () => {
    const editor = await openFixture('permissive.yaml');
    const uri = editor.document.uri;
    const [finding] = (await waitForDiagnostics(uri, hasRule(RULE), `a ${RULE} diagnostic`)).filter((d) => ruleId(d) === RULE);
    await screenshot({ name: 'quick-fix', selector: '.action-widget' }, async () => {
      editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
      await vscode.commands.executeCommand('editor.action.quickFix');
    });
    await vscode.commands.executeCommand('hideCodeActionWidget');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Set mode to STRICT');
    assert.ok(fix?.edit, `quick fix offered; got: ${actions.map((a) => a.title).join(', ') || '(none)'}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.lineAt(finding.range.start.line).text, /mode: STRICT$/);
    await waitForDiagnostics(uri, lacksRule(RULE), `the ${RULE} diagnostic to go`);
  });
});
