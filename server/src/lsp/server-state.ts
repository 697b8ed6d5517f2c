// What the request handlers (hover, completion, symbols) see of the running server. A module of
// its own so the handlers and server.ts, which wires them, do not import each other.
import type { SnippetEntry } from './snippet-items';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, FileAnalysis } from '../core/engine';
import type { SchemaBundle } from '../core/schema';
import type { Config } from '../core/config';
import type { DocsLink } from './diagnostics';
import type { WorkspaceHost } from './workspace-host';
import type { PolicyViews } from './policy-host';
import type { WorkspaceFiles } from './workspace-files';
import type { AnalysisLimits, Feature, LimitedAnalysis } from './budget';

export interface ServerRuntime {
  /** Replaced when the workspace's CRDs change (crd-host.ts): read it anew for every check. */
  engine: Engine;
  /** The built-in schemas, which the workspace's CRDs are laid over; without them CRDs are not read. */
  builtinSchemas?: SchemaBundle;
  docsLink: DocsLink;
  /** Wall clock for measuring check cost (injected so the core stays clock-free). */
  now: () => number;
  /** Concept pages (docs/concepts/<name>.md texts by name) that hover explains fields with. */
  concepts?: Readonly<Record<string, string>>;
  conceptLink?: (name: string) => string | undefined;
  /** File-system access for the workspace index; without it only open documents are indexed. */
  workspaceFiles?: WorkspaceFiles;
  /** snippets/yaml.json, offered as completion items to clients that do not contribute them. */
  snippets?: readonly SnippetEntry[];
}

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  runtime: ServerRuntime;
  configFor(uri: string): Promise<Config>;
  /** The document's analysis within a request's limits (cancellation token, time budget). */
  analysisFor(doc: TextDocument, limits: AnalysisLimits): Promise<LimitedAnalysis>;
  /** Time budget of a request (ms). */
  budget(feature: Feature): number;
  /** Tells the user that a request's answer covers only part of a file. */
  notePartial(feature: Feature, analysis: FileAnalysis): void;
  /** The workspace index (per folder) and its read API, e.g. `workspace.names(uri)` for completion. */
  workspace: WorkspaceHost & PolicyViews;
  /** Resolves when the initial workspace scan has finished (tests wait on it). */
  workspaceReady: Promise<void>;
}
