// Access tests in the Test Explorer: the retail example's AccessTests file shows its two tests, a
// run through the Testing API passes one and fails the other, whose message opens the DENY rule.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { meshlintApi, nextEvent, openFixture, positionOf, screenshot, showOnly, workspaceUri } from './helpers';

describe('access tests in the Test Explorer', () => {
  it('runs the tests of an AccessTests file: one passes, the wrong expectation fails at the deciding rule', async function () {
    // The first test of the suite: it pays for the server's start and first workspace scan.
    this.timeout(90_000);
    const editor = await openFixture('mesh/access-tests.yaml');
    const api = await meshlintApi();
    await api.accessTests.discover();
    assert.ok(
      api.accessTests.files().some((f) => f.toString() === editor.document.uri.toString()),
      'the file is listed as access tests',
    );
    const finished = nextEvent(api.accessTests.onDidFinishRun, (s) => s.tests.length > 0, 'an access test run', 60_000);
    // The Test Explorer's own command, as the gutter icon or the "Run Tests" button run it.
    await vscode.commands.executeCommand('testing.runCurrentFile');
    const summary = await finished;
    const states = summary.tests.map((t) => `${t.name}: ${t.state}`);
    assert.deepEqual(states, ['web reads a cart: passed', 'web reads the admin page (wrong on purpose): failed'], states.join('\n'));
    const failure = summary.tests[1].message ?? '';
    assert.match(failure, /^Expected ALLOW, got DENY/);
    assert.match(failure, /cart-deny-admin/);
    // The message opens the rule that decided: the DENY's paths in the policy file.
    const policies = await vscode.workspace.openTextDocument(workspaceUri('mesh/retail-policy.yaml'));
    const denyPaths = positionOf(policies, 'paths: ["/admin*"]').line;
    assert.equal(summary.tests[1].location, `${policies.uri.toString()}#${denyPaths}`);
    await screenshot({ name: 'access-tests', selector: '.test-explorer-tree .monaco-list-row' }, async () => {
      await showOnly(editor);
      await vscode.commands.executeCommand('workbench.view.testing.focus');
    });
  });
});
