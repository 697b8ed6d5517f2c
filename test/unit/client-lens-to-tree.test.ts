// In VS Code the server's workload CodeLens (meshlint.explainWorkload, which only returns data) is
// pointed at meshlint.showEffectivePolicy, so clicking it focuses the Mesh Policy tree on the workload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { lensToTree } from '../../client/src/policy/lens-to-tree';

function lens(command?: vscode.Command): vscode.CodeLens {
  return { range: undefined as never, isResolved: command !== undefined, command };
}

test('a workload lens runs the tree command with the workload name', () => {
  const workload = { namespace: 'retail', name: 'cart', kind: 'Deployment' };
  const out = lensToTree(lens({ title: 'mTLS STRICT · 1 DENY · Explain', command: 'meshlint.explainWorkload', arguments: [{ workload }] }));
  assert.deepEqual(out.command, {
    title: 'mTLS STRICT · 1 DENY · Explain',
    command: 'meshlint.showEffectivePolicy',
    arguments: [workload],
  });
});

test('other lenses, unresolved lenses and explain calls by position are left alone', () => {
  const policyLens = lens({ title: 'applies to 3 workloads', command: '' });
  assert.deepEqual(lensToTree(policyLens).command, { title: 'applies to 3 workloads', command: '' });
  assert.equal(lensToTree(lens()).command, undefined);
  const byPosition = { textDocument: { uri: 'file:///a.yaml' }, position: { line: 1, character: 0 } };
  const positional = lensToTree(lens({ title: 'Explain', command: 'meshlint.explainWorkload', arguments: [byPosition] }));
  assert.equal(positional.command?.command, 'meshlint.explainWorkload');
  assert.equal(lensToTree(undefined), undefined);
});
