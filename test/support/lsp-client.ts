// A minimal LSP client for protocol tests: spawns the built `meshlint-server --stdio` like an
// editor would, and waits for the server's own events (never for a fixed time).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { PACKAGE_DIR } from './engine';

export class TestLspClient {
  private readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; check: (p: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  private readonly versions = new Map<string, number>();
  /** What `workspace/configuration` answers for the `meshlint` section. */
  settings: Record<string, unknown> = {};
  readonly stderr: string[] = [];
  /** Resolves with the server's exit code when its process ends. */
  readonly exited: Promise<number | null>;

  constructor(extraArgs: string[] = []) {
    this.child = spawn(process.execPath, [path.join(PACKAGE_DIR, 'bin', 'meshlint-server.js'), '--stdio', ...extraArgs], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr?.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    if (!this.child.stdout || !this.child.stdin) throw new Error('server stdio not available');
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.latest.set(p.uri, p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.check(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) =>
        i.section === 'meshlint'
          ? this.settings
          : i.section?.startsWith('meshlint.')
            ? (this.settings[i.section.slice('meshlint.'.length)] ?? null)
            : null,
      ),
    );
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('meshlint/status', () => undefined);
    this.connection.listen();
  }

  async initialize(rootUri: string | null = null, workspaceFolders: { uri: string; name: string }[] | null = null): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the first publish for `uri` (after this call) that satisfies `check`. */
  waitForDiagnostics(
    uri: string,
    check: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri)?.diagnostics)}\n${this.stderr.join('')}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        check: (p) => check(p.diagnostics, p),
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** Opens `uri` and resolves with its first publish that satisfies `check` (watched from before the open). */
  openAndWait(
    uri: string,
    text: string,
    check: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    const published = this.waitForDiagnostics(uri, check);
    this.open(uri, text);
    return published;
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Sends a code action's edits as the next change of `uri`, as an editor does when one is applied. */
  changeByEdits(uri: string, edits: TextEdit[]): number {
    return this.change(
      uri,
      edits.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  /** The diagnostics of the last publish for `uri` (empty when none came yet). */
  diagnosticsOf(uri: string): Diagnostic[] {
    return this.latest.get(uri)?.diagnostics ?? [];
  }

  /** `workspace/didChangeWatchedFiles`; type 1 created, 2 changed, 3 deleted. */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
    return token ? this.connection.sendRequest<R>(method, params, token) : this.connection.sendRequest<R>(method, params);
  }

  /** Bytes straight onto the server's stdin, past the message framing (to test a broken client). */
  writeRaw(text: string): void {
    this.child.stdin?.write(text);
  }

  /** The quick fixes offered for one diagnostic of `uri`. */
  quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
  }

  /** The `source.fixAll` actions for the whole of `uri` (an editor's "fix all" or fix-on-save). */
  fixAll(uri: string): Promise<CodeAction[]> {
    return this.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    this.child.kill();
  }
}

/** A diagnostic's message as plain text ('' when there is no diagnostic). */
export function messageOf(d: Diagnostic | undefined): string {
  return d === undefined ? '' : typeof d.message === 'string' ? d.message : d.message.value;
}
