// The "Mesh Policy" tree view: shows the effective policy of the workload under the cursor in the
// active YAML editor, or of a pinned workload, and asks the server again when its index changes.
import * as vscode from 'vscode';
import type { EffectivePolicy, WorkloadName } from '../../../server/src/core/policy/types';
import type { EffectivePolicyParams } from '../../../server/src/lsp/protocol';
import type { ServerApi } from '../server-api';
import { openSiteCommand } from '../site';
import { policyNodes } from './policy-nodes';
import { refName, type PolicyNode } from './tree-node';

export const POLICY_VIEW_ID = 'meshlint.effectivePolicy';
/** Context key for the view's title buttons (Pin or Follow cursor). */
const PINNED_CONTEXT = 'meshlint.effectivePolicy.pinned';
/** Moving the cursor through a file should not send a request per keystroke. */
const FOLLOW_DELAY_MS = 200;

export class PolicyTree implements vscode.TreeDataProvider<PolicyNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PolicyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly shownEmitter = new vscode.EventEmitter<EffectivePolicy | undefined>();
  /** Fires after each answer is shown (tests and the status of the view follow it). */
  readonly onDidShow = this.shownEmitter.event;
  private readonly view: vscode.TreeView<PolicyNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private nodes: PolicyNode[] = [];
  private pinned: WorkloadName | undefined;
  /** The last position asked about, so an index change can ask again. */
  private cursor: EffectivePolicyParams | undefined;
  private current: EffectivePolicy | undefined;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly api: ServerApi) {
    this.view = vscode.window.createTreeView(POLICY_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.view.message = 'Place the cursor in a workload manifest, or run "meshlint: Explain Workload…".';
    this.disposables.push(
      this.view,
      this.changed,
      this.shownEmitter,
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.follow(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
      this.view.onDidChangeVisibility((e) => e.visible && void this.refresh()),
      { dispose: () => clearTimeout(this.timer) },
      api.onIndexChanged(() => void this.refresh()),
    );
    if (vscode.window.activeTextEditor) this.follow(vscode.window.activeTextEditor);
  }

  /** The answer on show, if any. */
  get shown(): EffectivePolicy | undefined {
    return this.current;
  }

  get isPinned(): boolean {
    return this.pinned !== undefined;
  }

  /** Shows a workload and keeps it until unpinned; reveals the view. */
  async pin(workload: WorkloadName): Promise<void> {
    this.pinned = workload;
    await vscode.commands.executeCommand('setContext', PINNED_CONTEXT, true);
    await vscode.commands.executeCommand(`${POLICY_VIEW_ID}.focus`);
    await this.ask({ workload });
  }

  /** Pins what is shown now. */
  async pinCurrent(): Promise<void> {
    const w = this.current?.workload;
    if (w) await this.pin({ namespace: w.namespace ?? '', name: w.name, kind: w.kind });
  }

  /** Follows the cursor again. */
  async unpin(): Promise<void> {
    this.pinned = undefined;
    await vscode.commands.executeCommand('setContext', PINNED_CONTEXT, false);
    if (vscode.window.activeTextEditor) this.follow(vscode.window.activeTextEditor);
  }

  async refresh(): Promise<void> {
    if (this.pinned) await this.ask({ workload: this.pinned });
    else if (this.cursor) await this.ask(this.cursor);
  }

  private follow(editor: vscode.TextEditor): void {
    if (this.pinned || editor.document.languageId !== 'yaml') return;
    const position = editor.selection.active;
    this.cursor = {
      textDocument: { uri: editor.document.uri.toString() },
      position: { line: position.line, character: position.character },
    };
    // Only while the view is open (a hidden view costs the server nothing), and once the cursor rests.
    clearTimeout(this.timer);
    const cursor = this.cursor;
    if (this.view.visible) this.timer = setTimeout(() => void this.ask(cursor), FOLLOW_DELAY_MS);
  }

  private async ask(params: EffectivePolicyParams): Promise<void> {
    const generation = ++this.generation;
    let answer;
    try {
      answer = await this.api.effectivePolicy(params);
    } catch (error) {
      if (generation !== this.generation) return;
      this.view.message = `meshlint could not explain this workload: ${(error as Error).message}`;
      return;
    }
    // A newer question was asked meanwhile; its answer wins.
    if (generation !== this.generation) return;
    if (answer && 'ambiguous' in answer) {
      this.view.message = `Several workloads have that name: ${answer.ambiguous.map((c) => `${c.kind} ${refName(c)}`).join(', ')}.`;
      return;
    }
    // The cursor left the workload (e.g. a node opened a policy): keep showing the last one.
    if (!answer) {
      if ('workload' in params) this.view.message = `No workload ${refName(params.workload)} in the workspace.`;
      return;
    }
    this.current = answer;
    this.nodes = policyNodes(answer);
    this.view.message = undefined;
    this.view.description = `${refName(answer.workload)}${this.pinned ? ' (pinned)' : ''}`;
    this.changed.fire(undefined);
    this.shownEmitter.fire(answer);
  }

  getTreeItem(node: PolicyNode): vscode.TreeItem {
    const state = !node.children?.length
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.site) item.command = openSiteCommand(node.site);
    return item;
  }

  getChildren(node?: PolicyNode): PolicyNode[] {
    return node ? (node.children ?? []) : this.nodes;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
