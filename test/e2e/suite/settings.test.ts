// Changing the `meshlint.rules` setting re-checks open files: a rule can be switched off or raised to error.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hasRule, lacksRule, openFixture, ruleId, waitForDiagnostics } from './helpers';

const RULE = 'peer-authentication-permissive';

async function setRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('meshlint').update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  afterEach(() => setRules(undefined));

  it('meshlint.rules turns a rule off and raises it to error', async () => {
    const { document } = await openFixture('settings.yaml');
    await waitForDiagnostics(document.uri, hasRule(RULE), `the ${RULE} warning`);

    await setRules({ [RULE]: 'off' });
    await waitForDiagnostics(document.uri, lacksRule(RULE), `${RULE} to be switched off`);

    await setRules({ [RULE]: 'error' });
    const isError = (d: vscode.Diagnostic) => ruleId(d) === RULE && d.severity === vscode.DiagnosticSeverity.Error;
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some(isError), `${RULE} as an error`);
    assert.equal(diagnostics.filter((d) => ruleId(d) === RULE).length, 1);

    await setRules(undefined);
    await waitForDiagnostics(
      document.uri,
      (all) => all.some((d) => ruleId(d) === RULE && d.severity === vscode.DiagnosticSeverity.Warning),
      `${RULE} back to its default severity`,
    );
  });
});
