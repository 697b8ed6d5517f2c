// The language server, independent of transport: wires documents, settings, validation and
// features onto a connection that the node entry point (stdio or IPC) creates.
import { TextDocuments, TextDocumentSyncKind, CodeActionKind, DidChangeWatchedFilesNotification, type Connection, type InitializeResult, type CodeAction, type ClientCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, FileAnalysis } from '../core/engine';
import type { Config } from '../core/config';
import { SettingsStore, toConfig } from './settings';
import { toDiagnostic, type DocsLink } from './diagnostics';
import { ValidationScheduler } from './scheduler';
import { quickFixes, fixAllAction, FIX_ALL_KIND } from './code-actions';
import { guard } from './guard';
import { STATUS_NOTIFICATION, type StatusParams } from './protocol';
import { hoverHandler } from './hover';
import { completionHandler, COMPLETION_TRIGGERS } from './completion';
import { symbolsHandler } from './symbols';
import { WorkspaceHost } from './workspace-host';
import type { WorkspaceFiles } from './workspace-files';
import { withCrossFileRelated } from './related-locations';
import { suppressActions } from './suppress-action';
import { mergeFindings } from '../core/workspace/check-workspace';
import { allRuleMetas } from '../core/rules/index';
import type { Finding } from '../core/types';

export interface ServerRuntime {
  engine: Engine;
  docsLink: DocsLink;
  /** Wall clock for measuring check cost (injected so the core stays clock-free). */
  now: () => number;
  /** Concept pages (docs/concepts/<name>.md texts by name) that hover explains fields with. */
  concepts?: Readonly<Record<string, string>>;
  conceptLink?: (name: string) => string | undefined;
  /** File-system access for the workspace index; without it only open documents are indexed. */
  workspaceFiles?: WorkspaceFiles;
}

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  runtime: ServerRuntime;
  configFor(uri: string): Promise<Config>;
  analysisFor(doc: TextDocument): Promise<FileAnalysis>;
  /** The workspace index (per folder) and its read API, e.g. `workspace.names(uri)` for completion. */
  workspace: WorkspaceHost;
  /** Resolves when the initial workspace scan has finished (tests wait on it). */
  workspaceReady: Promise<void>;
}

export function startServer(connection: Connection, runtime: ServerRuntime): ServerState {
  const documents = new TextDocuments(TextDocument);
  let supportsConfiguration = false;
  let clientCapabilities: ClientCapabilities = {};
  const settings = new SettingsStore(connection, () => supportsConfiguration);

  let scheduleRef: (uri: string) => void = () => undefined;
  const workspace = new WorkspaceHost({
    files: runtime.workspaceFiles,
    settingsFor: (uri) => settings.get(uri),
    excludeFor: (folderUri) => excludeSetting(connection, supportsConfiguration, folderUri),
    republish: (uri) => scheduleRef(uri),
    publishConfigFile: (uri, text, findings) => {
      if (documents.get(uri)) return; // an open config file is published from its editor text
      const doc = TextDocument.create(uri, 'yaml', 0, text);
      void connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(doc, f, runtime.docsLink)) });
    },
    knownRuleIds: () => allRuleMetas().map((m) => m.id),
    log: (message) => connection.console.error(`meshlint: ${message}`),
    now: runtime.now,
  });
  let markReady: () => void = () => undefined;
  const workspaceReady = new Promise<void>((resolve) => (markReady = resolve));

  // The folder's .meshlint.yaml sits under the VS Code settings, which win when set.
  const configFor = async (uri: string): Promise<Config> => toConfig(await settings.get(uri), workspace.fileConfig(uri));
  const analysisFor = async (doc: TextDocument): Promise<FileAnalysis> => runtime.engine.analyze(doc.getText(), await configFor(doc.uri));
  const state: ServerState = { connection, documents, runtime, configFor, analysisFor, workspace, workspaceReady };
  let relatedSupport = false;
  let registerWatchers = false;

  /** Every finding of an open document: its own checks, then the workspace rules about it. */
  const findingsOf = async (doc: TextDocument, analysis: FileAnalysis, config: Config): Promise<Finding[]> => {
    // Closed while settings were fetched: telling the workspace about its text would mark it open
    // again, and its editor text would then shadow the disk copy for good.
    if (documents.get(doc.uri) !== doc) return analysis.findings;
    const opened = workspace.configOpened(doc.uri, doc.getText());
    if (opened) return opened;
    return mergeFindings(analysis.findings, await workspace.forDocument(doc.uri, doc.getText(), analysis, config));
  };

  const publish = async (uri: string): Promise<number> => {
    const doc = documents.get(uri);
    if (!doc) return 0;
    const version = doc.version;
    const s = await settings.get(uri);
    const started = runtime.now();
    const config = toConfig(s, workspace.fileConfig(uri));
    const analysis = s.enable ? runtime.engine.analyze(doc.getText(), config) : undefined;
    const all = analysis ? await findingsOf(doc, analysis, config) : [];
    const cost = runtime.now() - started;
    // A newer edit arrived while settings were fetched: its own run will publish.
    if (documents.get(uri)?.version !== version) return cost;
    for (const e of analysis?.internalErrors ?? []) connection.console.error(`meshlint: ${e}`);
    const diagnostics = all.map((f) => withCrossFileRelated(toDiagnostic(doc, f, runtime.docsLink), f, relatedSupport));
    await connection.sendDiagnostics({ uri, version, diagnostics });
    return cost;
  };
  const scheduler = new ValidationScheduler(guard(connection, 'validation', 0, publish));
  scheduleRef = (uri) => scheduler.schedule(uri);

  connection.onInitialize((params): InitializeResult => {
    supportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
    clientCapabilities = params.capabilities;
    relatedSupport = Boolean(params.capabilities.textDocument?.publishDiagnostics?.relatedInformation);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    const options = params.initializationOptions as { watchesYamlFiles?: boolean } | undefined;
    registerWatchers = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) && !options?.watchesYamlFiles;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        documentSymbolProvider: { label: 'meshlint' },
      },
      serverInfo: { name: 'meshlint' },
    };
  });

  connection.onInitialized(() => {
    const status: StatusParams = { health: 'ok', message: 'meshlint is checking Istio and cert-manager manifests' };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
    void guard(connection, 'workspace scan', undefined, () => workspace.start())().then(() => markReady());
    // Editors other than our VS Code client (Neovim, Helix...) send file events only for watchers we register.
    if (registerWatchers) {
      // A client may still refuse; an unhandled rejection would end the server.
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.meshlint.yaml' }] })
        .catch((err: unknown) => connection.console.error(`meshlint: file watcher registration failed: ${(err as Error).message}`));
    }
  });

  connection.onDidChangeWatchedFiles(guard(connection, 'watched files', undefined, (params) => workspace.watched(params.changes)));

  connection.onDidChangeConfiguration(
    guard(connection, 'configuration change', undefined, () => {
      settings.forget();
      for (const doc of documents.all()) scheduler.schedule(doc.uri);
      void guard(connection, 'workspace settings', undefined, () => workspace.settingsChanged())();
    }),
  );

  documents.onDidOpen((e) => scheduler.schedule(e.document.uri));
  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    void guard(connection, 'workspace close', undefined, () => workspace.closed(e.document.uri))();
  });

  connection.onCodeAction(
    guard(connection, 'code actions', [] as CodeAction[], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const only = params.context.only;
      const wantsFixAll = !only || only.some((k) => FIX_ALL_KIND.startsWith(k) || k === FIX_ALL_KIND);
      const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
      const actions: CodeAction[] = wantsQuickFix ? quickFixes(doc, params) : [];
      const config = await configFor(doc.uri);
      const analysis = runtime.engine.analyze(doc.getText(), config);
      if (wantsFixAll && (only || actions.length > 0)) {
        // Workspace findings count too: their safe fixes belong in "fix all" like any other.
        const all = fixAllAction(doc, await findingsOf(doc, analysis, config));
        if (all) actions.push(all);
      }
      if (wantsQuickFix) actions.push(...suppressActions(doc, params, analysis));
      return actions;
    }),
  );

  const capabilities = (): ClientCapabilities => clientCapabilities;
  connection.onHover(guard(connection, 'hover', null, hoverHandler(state, capabilities)));
  connection.onCompletion(guard(connection, 'completion', [], completionHandler(state, capabilities, (uri) => workspace.names(uri))));
  connection.onDocumentSymbol(guard(connection, 'document symbols', [], symbolsHandler(state, capabilities)));

  documents.listen(connection);
  return state;
}

/** `meshlint.exclude`: read on its own so the shared settings type stays as the client knows it. */
async function excludeSetting(connection: Connection, supported: boolean, folderUri: string): Promise<string[]> {
  if (!supported || folderUri === '') return [];
  try {
    const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'meshlint.exclude' });
    return Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
  } catch {
    return [];
  }
}
