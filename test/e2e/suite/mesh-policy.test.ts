// The Mesh Policy tree on the e2e workspace's retail example: it follows the cursor into a
// workload, the server's CodeLens on a workload focuses it, and "Explain Workload…" pins one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EffectivePolicy } from '../../../server/src/core/policy/types';
import { meshlintApi, nextEvent, openFixture, positionOf, screenshot, showOnly } from './helpers';

const WORKLOADS = 'mesh/retail.yaml';

function showing(name: string) {
  return (p: EffectivePolicy | undefined) => p?.workload.name === name;
}

describe('Mesh Policy tree', () => {
  it('follows the cursor into a workload and lists the policies that apply to it', async () => {
    const editor = await openFixture(WORKLOADS);
    const api = await meshlintApi();
    await vscode.commands.executeCommand('meshlint.effectivePolicy.focus');
    const shown = nextEvent(api.policyTree.onDidShow, showing('cart'), 'the tree to show retail/cart');
    const at = positionOf(editor.document, 'serviceAccountName: cart');
    await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(at, at);
    const policy = (await shown)!;
    assert.equal(policy.workload.namespace, 'retail');
    assert.equal(policy.mtls.defaultMode, 'STRICT');
    assert.deepEqual(
      policy.authorization.deny.map((a) => a.policy.name),
      ['cart-deny-admin'],
    );
    assert.deepEqual(
      policy.authorization.allow.map((a) => a.policy.name),
      ['cart-allow-web'],
    );
    await screenshot({ name: 'mesh-policy-tree', selector: '.customview-tree .monaco-list-row' }, async () => {
      await showOnly(editor);
      await vscode.commands.executeCommand('workbench.action.closePanel');
      // Room for the tree: the other Explorer views are hidden for the picture (cosmetic, so a
      // workbench without one of these commands still gets its screenshot).
      for (const view of ['outline', 'timeline'])
        await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
      await vscode.commands.executeCommand('meshlint.effectivePolicy.focus');
    });
  });

  it('a workload carries the server CodeLens, whose command focuses the tree on it', async () => {
    const editor = await openFixture(WORKLOADS);
    const api = await meshlintApi();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 20);
    const webLine = positionOf(editor.document, 'name: web\n  namespace: retail\nspec').line;
    const lens = lenses.find(
      (l) => l.command?.command === 'meshlint.showEffectivePolicy' && l.range.start.line <= webLine + 2 && l.range.end.line >= webLine - 3,
    );
    assert.ok(
      lens?.command,
      `no meshlint.showEffectivePolicy lens near line ${webLine + 1}; lenses: ${lenses.map((l) => `${l.range.start.line + 1}:${l.command?.title ?? '(unresolved)'}`).join(', ')}`,
    );
    assert.match(lens.command.title, /mTLS STRICT/);
    const shown = nextEvent(api.policyTree.onDidShow, showing('web'), 'the tree to show retail/web');
    await vscode.commands.executeCommand(lens.command.command, ...((lens.command.arguments ?? []) as unknown[]));
    assert.equal((await shown)?.workload.serviceAccount, 'web');
    await vscode.commands.executeCommand('meshlint.effectivePolicy.unpin');
  });

  it('"meshlint: Explain Workload…" offers the workspace workloads and pins the one picked', async () => {
    await openFixture(WORKLOADS);
    const api = await meshlintApi();
    const shown = nextEvent(api.policyTree.onDidShow, (p) => p !== undefined, 'the tree to show the picked workload');
    const done = vscode.commands.executeCommand('meshlint.explainWorkloadPick');
    // The QuickPick opens once the server has listed the workloads (no event says when): accept its
    // first item as soon as it is there; accepting while none is open does nothing.
    let finished = false;
    void done.then(() => (finished = true));
    const deadline = Date.now() + 20_000;
    while (!finished && Date.now() < deadline) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    const policy = await shown;
    assert.ok(policy?.workload.name, 'a workload of the workspace is explained');
    await vscode.commands.executeCommand('meshlint.effectivePolicy.unpin');
  });
});
