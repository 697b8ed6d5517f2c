// The commands around the Mesh Policy tree: "Explain Workload…" (a QuickPick over the workspace's
// workloads), the CodeLens target that focuses the tree on a workload, Pin / Follow cursor, Refresh.
import * as vscode from 'vscode';
import type { WorkloadName } from '../../../server/src/core/policy/types';
import { SHOW_EFFECTIVE_POLICY_COMMAND } from '../../../server/src/lsp/protocol';
import type { ServerApi } from '../server-api';
import type { PolicyTree } from './policy-tree';
import { isWorkloadName } from './workload-name';

export const EXPLAIN_WORKLOAD_COMMAND = 'meshlint.explainWorkloadPick';

async function pickWorkload(api: ServerApi): Promise<WorkloadName | undefined> {
  const inventory = await api.inventory();
  if (inventory.workloads.length === 0) {
    void vscode.window.showInformationMessage('meshlint found no workloads (Deployments, Pods, ...) in this workspace.');
    return undefined;
  }
  const items = inventory.workloads.map((w) => ({
    label: `${w.namespace}/${w.name}`,
    description: `${w.kind} · sa ${w.serviceAccount}`,
    workload: { namespace: w.namespace, name: w.name, kind: w.kind },
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'meshlint: Explain Workload', placeHolder: 'Workload to explain' });
  return picked?.workload;
}

export function registerPolicyCommands(tree: PolicyTree, api: ServerApi): vscode.Disposable[] {
  return [
    // With a workload argument (from a link or another extension) it skips the QuickPick.
    vscode.commands.registerCommand(EXPLAIN_WORKLOAD_COMMAND, async (arg?: unknown) => {
      const workload = isWorkloadName(arg) ? arg : await pickWorkload(api);
      if (workload) await tree.pin(workload);
    }),
    vscode.commands.registerCommand(SHOW_EFFECTIVE_POLICY_COMMAND, async (arg?: unknown) => {
      if (!isWorkloadName(arg)) throw new Error(`${SHOW_EFFECTIVE_POLICY_COMMAND} needs {namespace, name}`);
      await tree.pin(arg);
    }),
    vscode.commands.registerCommand('meshlint.effectivePolicy.pin', () => tree.pinCurrent()),
    vscode.commands.registerCommand('meshlint.effectivePolicy.unpin', () => tree.unpin()),
    vscode.commands.registerCommand('meshlint.effectivePolicy.refresh', () => tree.refresh()),
  ];
}
