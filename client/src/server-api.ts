// The custom requests the client sends to the meshlint server, typed once, and the server's
// "index changed" notification as an event that survives server restarts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_ACCESS_REQUEST,
  EFFECTIVE_POLICY_REQUEST,
  INDEX_CHANGED_NOTIFICATION,
  RUN_ACCESS_TESTS_REQUEST,
  WORKSPACE_INVENTORY_REQUEST,
  type CheckAccessParams,
  type CheckAccessResult,
  type EffectivePolicyParams,
  type EffectivePolicyResult,
  type RunAccessTestsResult,
  type WorkspaceInventory,
} from '../../server/src/lsp/protocol';

/** A file that places a request in a workspace folder: the active editor's, else one inside the first folder. */
export function folderFile(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return active;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // The server places a file by its folder prefix: the folder's own URI would not be inside it.
  return folder && vscode.Uri.joinPath(folder, '.meshlint.yaml');
}

export class ServerApi implements vscode.Disposable {
  private readonly indexChanged = new vscode.EventEmitter<void>();
  /** Fires when the server says its workspace index changed, and when a new server has started. */
  readonly onIndexChanged = this.indexChanged.event;
  private subscription: vscode.Disposable | undefined;

  constructor(private readonly current: () => LanguageClient | undefined) {}

  /** Called for each client the session starts: answers of the previous server are stale. */
  watch(client: LanguageClient): void {
    this.subscription?.dispose();
    this.subscription = client.onNotification(INDEX_CHANGED_NOTIFICATION, () => this.indexChanged.fire());
    this.indexChanged.fire();
  }

  private client(): LanguageClient {
    const client = this.current();
    if (!client) throw new Error('The meshlint language server is not running.');
    return client;
  }

  effectivePolicy(params: EffectivePolicyParams, token?: vscode.CancellationToken): Promise<EffectivePolicyResult> {
    return this.client().sendRequest<EffectivePolicyResult>(EFFECTIVE_POLICY_REQUEST, params, token);
  }

  checkAccess(params: CheckAccessParams): Promise<CheckAccessResult> {
    return this.client().sendRequest<CheckAccessResult>(CHECK_ACCESS_REQUEST, params);
  }

  runAccessTests(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<RunAccessTestsResult> {
    return this.client().sendRequest<RunAccessTestsResult>(RUN_ACCESS_TESTS_REQUEST, { uri: uri.toString() }, token);
  }

  /** The inventory of the active editor's folder, else of the first workspace folder. */
  inventory(): Promise<WorkspaceInventory> {
    return this.client().sendRequest<WorkspaceInventory>(WORKSPACE_INVENTORY_REQUEST, { uri: folderFile()?.toString() });
  }

  dispose(): void {
    this.subscription?.dispose();
    this.indexChanged.dispose();
  }
}
