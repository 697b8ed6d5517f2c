// Workspace folders added or removed while the server runs (an editor's "Add Folder to Workspace",
// Neovim's `vim.lsp.buf.add_workspace_folder()`): indexed or dropped without a restart.
import type { Connection } from 'vscode-languageserver';
import type { WorkspaceHost } from './workspace-host';
import { guard } from './guard';

/** The capability to announce in `initialize`: the server wants the change notifications. */
export const WORKSPACE_FOLDERS_CAPABILITY = { workspaceFolders: { supported: true, changeNotifications: true } } as const;

export function followWorkspaceFolders(connection: Connection, host: WorkspaceHost): void {
  connection.workspace.onDidChangeWorkspaceFolders(
    guard(connection, 'workspace folders', undefined, (e) =>
      host.changeFolders(
        e.added.map((f) => f.uri),
        e.removed.map((f) => f.uri),
      ),
    ),
  );
}
