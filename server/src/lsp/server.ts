// The language server, independent of transport: wires documents, settings, validation and
// features onto a connection that the node entry point (stdio or IPC) creates.
import { TextDocuments, TextDocumentSyncKind, CodeActionKind, type Connection, type InitializeResult, type CodeAction, type ClientCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, FileAnalysis } from '../core/engine';
import { DEFAULT_CONFIG, type Config } from '../core/config';
import { SettingsStore, toConfig } from './settings';
import { toDiagnostic, type DocsLink } from './diagnostics';
import { ValidationScheduler } from './scheduler';
import { quickFixes, fixAllAction, FIX_ALL_KIND } from './code-actions';
import { guard } from './guard';
import { STATUS_NOTIFICATION, type StatusParams } from './protocol';
import { hoverHandler } from './hover';
import { completionHandler, COMPLETION_TRIGGERS } from './completion';
import { symbolsHandler } from './symbols';

export interface ServerRuntime {
  engine: Engine;
  docsLink: DocsLink;
  /** Wall clock for measuring check cost (injected so the core stays clock-free). */
  now: () => number;
  /** Concept pages (docs/concepts/<name>.md texts by name) that hover explains fields with. */
  concepts?: Readonly<Record<string, string>>;
  conceptLink?: (name: string) => string | undefined;
}

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  runtime: ServerRuntime;
  configFor(uri: string): Promise<Config>;
  analysisFor(doc: TextDocument): Promise<FileAnalysis>;
}

export function startServer(connection: Connection, runtime: ServerRuntime): ServerState {
  const documents = new TextDocuments(TextDocument);
  let supportsConfiguration = false;
  let clientCapabilities: ClientCapabilities = {};
  const settings = new SettingsStore(connection, () => supportsConfiguration);

  const configFor = async (uri: string): Promise<Config> => toConfig(await settings.get(uri), DEFAULT_CONFIG);
  const analysisFor = async (doc: TextDocument): Promise<FileAnalysis> => runtime.engine.analyze(doc.getText(), await configFor(doc.uri));
  const state: ServerState = { connection, documents, runtime, configFor, analysisFor };

  const publish = async (uri: string): Promise<number> => {
    const doc = documents.get(uri);
    if (!doc) return 0;
    const version = doc.version;
    const s = await settings.get(uri);
    const started = runtime.now();
    const findings = s.enable ? runtime.engine.analyze(doc.getText(), toConfig(s, DEFAULT_CONFIG)) : undefined;
    const cost = runtime.now() - started;
    // A newer edit arrived while settings were fetched: its own run will publish.
    if (documents.get(uri)?.version !== version) return cost;
    for (const e of findings?.internalErrors ?? []) connection.console.error(`meshlint: ${e}`);
    const diagnostics = (findings?.findings ?? []).map((f) => toDiagnostic(doc, f, runtime.docsLink));
    await connection.sendDiagnostics({ uri, version, diagnostics });
    return cost;
  };
  const scheduler = new ValidationScheduler(guard(connection, 'validation', 0, publish));

  connection.onInitialize((params): InitializeResult => {
    supportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
    clientCapabilities = params.capabilities;
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
  });

  connection.onDidChangeConfiguration(
    guard(connection, 'configuration change', undefined, () => {
      settings.forget();
      for (const doc of documents.all()) scheduler.schedule(doc.uri);
    }),
  );

  documents.onDidOpen((e) => scheduler.schedule(e.document.uri));
  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(
    guard(connection, 'code actions', [] as CodeAction[], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const only = params.context.only;
      const wantsFixAll = !only || only.some((k) => FIX_ALL_KIND.startsWith(k) || k === FIX_ALL_KIND);
      const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
      const actions: CodeAction[] = wantsQuickFix ? quickFixes(doc, params) : [];
      if (wantsFixAll && (only || actions.length > 0)) {
        const all = fixAllAction(doc, (await analysisFor(doc)).findings);
        if (all) actions.push(all);
      }
      return actions;
    }),
  );

  const capabilities = (): ClientCapabilities => clientCapabilities;
  connection.onHover(guard(connection, 'hover', null, hoverHandler(state, capabilities)));
  connection.onCompletion(guard(connection, 'completion', [], completionHandler(state, capabilities)));
  connection.onDocumentSymbol(guard(connection, 'document symbols', [], symbolsHandler(state, capabilities)));

  documents.listen(connection);
  return state;
}
