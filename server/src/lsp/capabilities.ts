// What the server tells a client it can do, and the initialization options it reads: one place,
// so the capability list and the handlers registered in server.ts are easy to compare.
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './code-actions';
import { COMPLETION_TRIGGERS } from './completion';
import { EXPLAIN_WORKLOAD_COMMAND } from './protocol';
import { ACCESS_COMMANDS } from './access';
import { WORKSPACE_FOLDERS_CAPABILITY } from './workspace-folders';

/** `initializationOptions` the server understands (all optional). */
export interface InitOptions {
  /** The client sends file events itself (our VS Code client), so no watchers are registered. */
  watchesYamlFiles?: boolean;
  /** One time budget (ms) for every request, instead of the defaults (slow machines, tests). */
  timeBudgetMs?: number;
  /** How long to wait for `workspace/configuration` before using the defaults (ms). */
  configurationTimeoutMs?: number;
  /** How long a costly workspace run waits for typing to pause (ms), instead of 120 (tests). */
  typingPauseMs?: number;
  /** Another extension (Red Hat's YAML) reports plain YAML syntax errors: `yamlSyntax: auto` leaves them to it. */
  yamlExtension?: boolean;
  /** The client contributes snippets/yaml.json itself (our VS Code extension): no snippet items then. */
  contributesSnippets?: boolean;
}

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  hoverProvider: true,
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  documentSymbolProvider: { label: 'meshlint' },
  codeLensProvider: { resolveProvider: true },
  executeCommandProvider: { commands: [EXPLAIN_WORKLOAD_COMMAND, ...ACCESS_COMMANDS] },
  workspace: WORKSPACE_FOLDERS_CAPABILITY,
};
