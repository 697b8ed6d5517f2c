// A status bar item that shows the server's health, fed by the server's status notification.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('meshlint.status', vscode.StatusBarAlignment.Right, 100);
  private subscription: vscode.Disposable | undefined;

  constructor() {
    this.item.name = 'meshlint';
    this.item.command = 'meshlint.restartServer';
    this.show({ health: 'ok', message: 'starting' });
  }

  watch(client: LanguageClient): void {
    this.subscription?.dispose();
    this.subscription = client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => this.show(p));
  }

  private show(p: StatusParams): void {
    const icon = p.health === 'ok' ? '$(shield)' : p.health === 'warning' ? '$(warning)' : '$(error)';
    this.item.text = `${icon} meshlint`;
    this.item.tooltip = `${p.message}\nClick to restart the server.`;
    this.item.show();
  }

  dispose(): void {
    this.subscription?.dispose();
    this.item.dispose();
  }
}
