// The language server, independent of transport: wires documents, settings, validation and
// features onto a connection that the node entry point (stdio or IPC) creates.
import { DidChangeWatchedFilesNotification, type Connection, type InitializeResult, type ClientCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, fileNote, type FileAnalysis } from '../core/engine';
import type { Chunk } from '../core/split';
import type { Config } from '../core/config';
import { SettingsStore, toConfig } from './settings';
import { toDiagnostic } from './diagnostics';
import { ValidationScheduler, type IsStale } from './scheduler';
import { codeActionHandler } from './code-action-handler';
import { guard } from './guard';
import { STATUS_NOTIFICATION, type StatusParams } from './protocol';
import { hoverHandler } from './hover';
import { indexChangedNotifier } from './effective-policy';
import { PolicyWorkspaceHost } from './policy-host';
import { completionHandler } from './completion';
import { followWorkspaceFolders } from './workspace-folders';
import type { SnippetEntry } from './snippet-items';
import { symbolsHandler } from './symbols';
import { withCrossFileRelated } from './related-locations';
import { mergeFindings } from '../core/workspace/check-workspace';
import { allRuleMetas } from '../core/rules/index';
import type { Finding } from '../core/types';
import {
  analyzeWithin,
  DEFAULT_BUDGETS,
  nodeSliceClock,
  partialNote,
  PARTIAL_RULE_ID,
  type AnalysisLimits,
  type LimitedAnalysis,
  type Budgets,
  type Feature,
} from './budget';
import { DEFAULT_CONFIGURATION_TIMEOUT_MS, askConfiguration } from './config-request';
import type { ServerRuntime, ServerState } from './server-state';
import { CrdRegistryHost } from './crd-host';
import { AnalysisMemo } from './analysis-memo';
import { ChunkMemo, trackedDocuments } from './chunk-memo';
import { DEFER_PAUSE_MS, NODE_TIMERS } from './rules-cache';
import { AccessService } from './access';
import { registerPolicyRequests } from './policy-requests';
import { SERVER_CAPABILITIES, type InitOptions } from './capabilities';

export type { ServerRuntime, ServerState } from './server-state';

export function startServer(connection: Connection, runtime: ServerRuntime): ServerState {
  const splits = new ChunkMemo();
  const documents = trackedDocuments(splits);
  let supportsConfiguration = false;
  let yamlExtension = false;
  let offerSnippets = true;
  let clientCapabilities: ClientCapabilities = {};
  let budgets: Budgets = { ...DEFAULT_BUDGETS };
  let configurationTimeoutMs = DEFAULT_CONFIGURATION_TIMEOUT_MS;
  let typingPauseMs = DEFER_PAUSE_MS;
  const log = (message: string): void => connection.console.error(`meshlint: ${message}`);
  let scheduleRef: (uri: string) => void = () => undefined;
  const builtinEngine = runtime.engine;
  const builtinSchemas = runtime.builtinSchemas;
  // Workspace CRDs replace the engine (a new registry, and caches that never saw the old one); every open file is checked again.
  const crds = builtinSchemas
    ? new CrdRegistryHost({
        builtin: builtinSchemas,
        texts: () => workspace.crdTexts(),
        swap: (registry) => {
          runtime.engine = registry ? new Engine(registry, { rules: builtinEngine.rules }) : builtinEngine;
          for (const doc of documents.all()) scheduleRef(doc.uri);
        },
        log,
        timers: NODE_TIMERS,
      })
    : undefined;
  const settings = new SettingsStore(
    connection,
    () => supportsConfiguration,
    () => configurationTimeoutMs,
    {
      log,
      recheck: (uri) => (documents.get(uri) ? scheduleRef(uri) : undefined),
    },
  );

  const workspace = new PolicyWorkspaceHost({
    files: runtime.workspaceFiles,
    indexChanged: indexChangedNotifier(connection),
    settingsFor: (uri) => settings.get(uri),
    excludeFor: async (folderUri) => {
      if (!supportsConfiguration || folderUri === '') return [];
      // `meshlint.exclude` is read on its own so the shared settings type stays as the client knows it.
      const { value } = await askConfiguration(connection, { scopeUri: folderUri, section: 'meshlint.exclude' }, configurationTimeoutMs);
      return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
    },
    maxFilesFor: async (folderUri) => {
      if (!supportsConfiguration || folderUri === '') return undefined;
      const { value } = await askConfiguration(
        connection,
        { scopeUri: folderUri, section: 'meshlint.maxWorkspaceFiles' },
        configurationTimeoutMs,
      );
      return typeof value === 'number' ? value : undefined;
    },
    notice: (message) => status({ health: 'warning', message: `meshlint: ${message}` }),
    republish: (uri) => scheduleRef(uri),
    publishConfigFile: (uri, text, findings) => {
      if (documents.get(uri)) return; // an open config file is published from its editor text
      const doc = TextDocument.create(uri, 'yaml', 0, text);
      sent(connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(doc, f, runtime.docsLink)) }));
    },
    knownRuleIds: () => allRuleMetas().map((m) => m.id),
    log,
    crdsChanged: () => crds?.changed(),
    now: runtime.now,
    typingPauseMs: () => typingPauseMs,
  });
  let markReady: () => void = () => undefined;
  const workspaceReady = new Promise<void>((resolve) => (markReady = resolve));

  // The folder's .meshlint.yaml sits under the VS Code settings, which win when set.
  const configFor = async (uri: string): Promise<Config> => toConfig(await settings.get(uri), workspace.fileConfig(uri), yamlExtension);
  const slices = nodeSliceClock(runtime.now);
  const memo = new AnalysisMemo();
  const analyze = async (doc: TextDocument, config: Config, limits: AnalysisLimits): Promise<LimitedAnalysis> => {
    const engine = runtime.engine;
    const known = memo.get(doc.uri, doc.version, engine, config);
    if (known) return { analysis: known, cancelled: false };
    const text = doc.getText();
    let chunks: readonly Chunk[] | undefined;
    const run = (shouldStop: () => boolean): FileAnalysis =>
      engine.analyze(text, config, { shouldStop, chunks: (chunks ??= splits.chunksOf(doc.uri, doc.version, text)) });
    const result = await analyzeWithin(run, limits, slices);
    if (!result.cancelled) memo.remember(doc.uri, doc.version, engine, config, result.analysis);
    return result;
  };
  let partialShown = false;
  const status = (params: StatusParams): void => sent(connection.sendNotification(STATUS_NOTIFICATION, params));
  const notePartial = (feature: Feature, analysis: FileAnalysis): void => {
    if (!analysis.partial) return;
    const message = partialNote(feature, analysis.partial);
    partialShown = true;
    connection.console.warn(message);
    status({ health: 'warning', message });
  };
  const state: ServerState = {
    connection,
    documents,
    runtime,
    configFor,
    analysisFor: async (doc, limits) => analyze(doc, await configFor(doc.uri), limits),
    budget: (feature) => budgets[feature],
    notePartial,
    workspace,
    workspaceReady,
  };
  let relatedSupport = false;
  let registerWatchers = false;

  /** Every finding of an open document: its own checks, then the workspace rules about it. */
  const findingsOf = async (doc: TextDocument, analysis: FileAnalysis, config: Config): Promise<Finding[]> => {
    // A partial analysis would hand the workspace half a file: its facts wait for the whole check.
    if (analysis.partial) return [...analysis.findings, ...partialFinding(doc, analysis.partial, config)];
    // Closed while settings were fetched: telling the workspace about its text would mark it open
    // again, and its editor text would then shadow the disk copy for good.
    if (documents.get(doc.uri) !== doc) return analysis.findings;
    const opened = workspace.configOpened(doc.uri, doc.getText());
    if (opened) return opened;
    return mergeFindings(analysis.findings, await workspace.forDocument(doc.uri, doc.getText(), analysis, config));
  };

  const publish = async (uri: string, stale: IsStale = () => false): Promise<number> => {
    const doc = documents.get(uri);
    if (!doc) return 0;
    const version = doc.version;
    const s = await settings.get(uri);
    const started = runtime.now();
    const config = toConfig(s, workspace.fileConfig(uri), yamlExtension);
    const engine = runtime.engine;
    // A newer edit, or new CRDs (whose swap scheduled another run), make this run's answer stale.
    const superseded = (): boolean => stale() || documents.get(uri)?.version !== version || runtime.engine !== engine;
    const limited = s.enable ? await analyze(doc, config, { budgetMs: budgets.diagnostics, superseded }) : undefined;
    // One turn of the event loop between the check and the workspace pass: a newer edit lands here.
    if (limited) await slices.pause();
    // A newer edit arrived meanwhile: its own run will publish.
    if (limited?.cancelled || superseded()) return runtime.now() - started;
    const analysis = limited?.analysis;
    const all = analysis ? await findingsOf(doc, analysis, config) : [];
    // An AccessTests document: its failing tests, as errors on their `expect:` keys. Asked before the
    // staleness check, since the answer waits for the workspace and may be of an older text by then.
    const accessErrors = s.enable ? await access.diagnostics(doc) : [];
    const cost = runtime.now() - started;
    if (superseded()) return cost;
    for (const e of analysis?.internalErrors ?? []) log(e);
    const diagnostics = all.map((f) => withCrossFileRelated(toDiagnostic(doc, f, runtime.docsLink), f, relatedSupport));
    diagnostics.push(...accessErrors);
    await connection.sendDiagnostics({ uri, version, diagnostics });
    workspace.published(uri);
    if (analysis?.partial) {
      notePartial('diagnostics', analysis);
      // The engine kept what it checked: the next run carries on from there.
      scheduleRef(uri);
    } else if (partialShown && analysis) {
      partialShown = false;
      status({ health: 'ok', message: 'meshlint is checking Istio and cert-manager manifests' });
    }
    return cost;
  };
  const access = new AccessService(state, runtime.workspaceFiles);
  const scheduler = new ValidationScheduler(guard(connection, 'validation', 0, publish));
  scheduleRef = (uri) => scheduler.schedule(uri);

  connection.onInitialize((params): InitializeResult => {
    supportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
    clientCapabilities = params.capabilities;
    relatedSupport = Boolean(params.capabilities.textDocument?.publishDiagnostics?.relatedInformation);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    const options = (params.initializationOptions ?? {}) as InitOptions;
    const budget = options.timeBudgetMs;
    if (typeof budget === 'number' && budget >= 0)
      budgets = Object.fromEntries(Object.keys(DEFAULT_BUDGETS).map((k) => [k, budget])) as Budgets;
    if (typeof options.configurationTimeoutMs === 'number' && options.configurationTimeoutMs >= 0)
      configurationTimeoutMs = options.configurationTimeoutMs;
    if (typeof options.typingPauseMs === 'number' && options.typingPauseMs >= 0) typingPauseMs = options.typingPauseMs;
    yamlExtension = options.yamlExtension === true;
    offerSnippets = options.contributesSnippets !== true;
    registerWatchers = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) && !options.watchesYamlFiles;
    return {
      capabilities: SERVER_CAPABILITIES,
      serverInfo: { name: 'meshlint' },
    };
  });

  connection.onInitialized(() => {
    if (clientCapabilities.workspace?.workspaceFolders) followWorkspaceFolders(connection, workspace);
    status({ health: 'ok', message: 'meshlint is checking Istio and cert-manager manifests' });
    void guard(connection, 'workspace scan', undefined, () => workspace.start())().then(() => markReady());
    // Editors other than our VS Code client (Neovim, Helix...) send file events only for watchers we register.
    if (registerWatchers) {
      // A client may still refuse; an unhandled rejection would end the server.
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.meshlint.yaml' }],
        })
        .catch((err: unknown) => log(`file watcher registration failed: ${(err as Error).message}`));
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
    memo.forget(e.document.uri);
    splits.forget(e.document.uri);
    sent(connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
    void guard(connection, 'workspace close', undefined, () => workspace.closed(e.document.uri))();
  });

  const capabilities = (): ClientCapabilities => clientCapabilities;
  const snippetsOffered = (): readonly SnippetEntry[] => (offerSnippets ? (runtime.snippets ?? []) : []);
  connection.onCodeAction(guard(connection, 'code actions', [], codeActionHandler(state)));
  connection.onHover(guard(connection, 'hover', null, hoverHandler(state, capabilities)));
  connection.onCompletion(
    guard(
      connection,
      'completion',
      [],
      completionHandler(state, capabilities, (uri) => workspace.names(uri), snippetsOffered),
    ),
  );
  connection.onDocumentSymbol(guard(connection, 'document symbols', [], symbolsHandler(state, capabilities)));
  registerPolicyRequests(connection, state, access);

  documents.listen(connection);
  return state;
}

/**
 * A notification whose write failed means the client is gone (the connection's close handler ends the
 * server); the library re-throws the write error, which unhandled would crash the process first.
 */
function sent(p: Promise<void>): void {
  p.catch(() => undefined);
}

/** The note at the top of a file whose check stopped early; the next run continues it. */
function partialFinding(doc: TextDocument, partial: { checked: number; total: number }, config: Config): Finding[] {
  return fileNote(PARTIAL_RULE_ID, `${partialNote('diagnostics', partial)} Checking continues.`, doc.getText(), config);
}
