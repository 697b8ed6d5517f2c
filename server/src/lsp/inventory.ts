// meshlint/workspaceInventory: the workloads, service accounts and Service ports of a document's
// workspace folder, for pickers in editors (VS Code's Explain Workload and Check Access wizards).
import { workspaceNames } from '../core/workspace/queries';
import type { WorkspaceView } from '../core/workspace/view';
import type { Connection } from 'vscode-languageserver';
import { guard } from './guard';
import { WORKSPACE_INVENTORY_REQUEST, type WorkspaceInventory, type WorkspaceInventoryParams } from './protocol';
import type { ServerState } from './server-state';

// Kubernetes places a manifest without metadata.namespace in `default` unless `kubectl -n` says otherwise.
const DEFAULT_NAMESPACE = 'default';

export function inventoryOf(view: WorkspaceView): WorkspaceInventory {
  const workloads = view
    .all('workload')
    .filter((w) => w.name)
    .map((w) => ({
      namespace: w.namespace ?? DEFAULT_NAMESPACE,
      name: w.name ?? '',
      kind: w.kind,
      serviceAccount: w.serviceAccountName?.value ?? 'default',
      location: w.site,
    }));
  const services = view
    .all('service')
    .filter((s) => s.name && s.selector)
    .map((s) => {
      const namespace = s.namespace ?? DEFAULT_NAMESPACE;
      const selected = view.workloadsMatching(namespace, s.selector ?? {}).filter((w) => w.name);
      const ports = (s.ports ?? []).map(({ port, targetPort, name, protocol, appProtocol }) => ({
        port,
        targetPort,
        name,
        protocol,
        appProtocol,
      }));
      return { namespace, name: s.name ?? '', workloads: selected.map((w) => `${namespace}/${w.name}`), ports };
    });
  return { workloads, serviceAccounts: workspaceNames(view).serviceAccounts, services };
}

export function registerInventory(connection: Connection, state: ServerState): void {
  const none: WorkspaceInventory = { workloads: [], serviceAccounts: [], services: [] };
  const handler = async (params: WorkspaceInventoryParams): Promise<WorkspaceInventory> => {
    // Before the first scan ends the lists would be half of the workspace.
    await state.workspaceReady;
    // The folder of `uri`; without one, the first folder.
    const [folder] = state.workspace.views(params.uri);
    return folder ? inventoryOf(folder.view) : none;
  };
  connection.onRequest(WORKSPACE_INVENTORY_REQUEST, guard(connection, 'workspace inventory', none, handler));
}
