// Access tests in VS Code's Test Explorer: every AccessTests file of the workspace becomes a test
// file, each entry of its `tests` list a test with its range (so the gutter shows run icons); a run
// asks the server (meshlint/runAccessTests) and a failure's message opens the deciding rule.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AccessTestOutcome } from '../../../server/src/lsp/protocol';
import type { ServerApi } from '../server-api';
import { siteLocation } from '../site';
import { accessTestsIn, mayHoldAccessTests, type AccessTestEntry } from './access-tests-doc';
import { decidingSite, failureMarkdown } from './access-result-text';

export type TestState = 'passed' | 'failed' | 'errored' | 'skipped';
/** What one run decided per test, for whoever listens (the e2e suite). */
export interface AccessTestRunSummary {
  /** `location`: where the failure message leads, as `uri#line` (0-based). */
  tests: { file: string; name: string; state: TestState; message?: string; location?: string }[];
}

const YAML_FILES = '**/*.{yaml,yml}';
const SKIPPED_FOLDERS = '**/{node_modules,.git,dist,out}/**';

export class AccessTestController implements vscode.Disposable {
  private readonly controller = vscode.tests.createTestController('meshlint.accessTests', 'meshlint access tests');
  private readonly finished = new vscode.EventEmitter<AccessTestRunSummary>();
  readonly onDidFinishRun = this.finished.event;
  private readonly disposables: vscode.Disposable[] = [this.controller, this.finished];
  /** Test name and list position of each test item, to match the server's outcomes. */
  private readonly entries = new WeakMap<vscode.TestItem, AccessTestEntry>();
  private discovery: Promise<void> | undefined;

  constructor(private readonly api: ServerApi) {
    // The Test Explorer asks for the tests when it opens (item undefined); files open in editors come first.
    this.controller.resolveHandler = (item) => (item ? undefined : this.discover());
    this.controller.refreshHandler = () => this.discover(true);
    this.controller.createRunProfile('Run access tests', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    const watcher = vscode.workspace.createFileSystemWatcher(YAML_FILES);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.readFile(uri)),
      watcher.onDidChange((uri) => this.readFile(uri)),
      watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString())),
      vscode.workspace.onDidOpenTextDocument((doc) => this.updateFromDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.updateFromDocument(e.document)),
      // Policies changed: earlier verdicts may no longer hold.
      api.onIndexChanged(() => this.controller.invalidateTestResults()),
    );
    for (const doc of vscode.workspace.textDocuments) this.updateFromDocument(doc);
  }

  /** The AccessTests files found so far (for "Save as access test"). */
  files(): vscode.Uri[] {
    const uris: vscode.Uri[] = [];
    this.controller.items.forEach((item) => item.uri && uris.push(item.uri));
    return uris;
  }

  /** Finds every AccessTests file of the workspace once (again when `force`). */
  discover(force = false): Promise<void> {
    if (!this.discovery || force) this.discovery = this.findFiles();
    return this.discovery;
  }

  private async findFiles(): Promise<void> {
    const uris = await vscode.workspace.findFiles(YAML_FILES, SKIPPED_FOLDERS);
    await Promise.all(uris.map((uri) => this.readFile(uri)));
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    // An open document's text is newer than the disk's.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.updateFromDocument(open);
    try {
      this.update(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      this.controller.items.delete(uri.toString());
    }
  }

  private updateFromDocument(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || doc.languageId !== 'yaml') return;
    this.update(doc.uri, doc.getText());
  }

  private update(uri: vscode.Uri, text: string): void {
    const id = uri.toString();
    const tests = mayHoldAccessTests(text) ? accessTestsIn(text) : undefined;
    if (!tests) {
      this.controller.items.delete(id);
      return;
    }
    let file = this.controller.items.get(id);
    if (!file) {
      file = this.controller.createTestItem(id, path.basename(uri.fsPath), uri);
      this.controller.items.add(file);
    }
    const seen = new Map<string, number>();
    file.children.replace(
      tests.map((test) => {
        // Ids follow names, so results stay on a test while lines move; a repeated name gets a count.
        const count = seen.get(test.name) ?? 0;
        seen.set(test.name, count + 1);
        const item = this.controller.createTestItem(`${id}#${test.name}${count ? `#${count}` : ''}`, test.name, uri);
        item.range = new vscode.Range(test.start.line, test.start.character, test.end.line, test.end.character);
        this.entries.set(item, test);
        return item;
      }),
    );
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    await this.discover();
    const run = this.controller.createTestRun(request, 'meshlint access tests');
    const summary: AccessTestRunSummary = { tests: [] };
    try {
      for (const [file, tests] of this.selected(request)) {
        if (token.isCancellationRequested) break;
        for (const t of tests) run.started(t);
        await this.runFile(run, file, tests, summary, token);
      }
    } finally {
      run.end();
      this.finished.fire(summary);
    }
  }

  /** The requested tests grouped by file, minus the excluded ones. */
  private selected(request: vscode.TestRunRequest): Map<vscode.TestItem, vscode.TestItem[]> {
    const excluded = new Set(request.exclude ?? []);
    const byFile = new Map<vscode.TestItem, vscode.TestItem[]>();
    const add = (item: vscode.TestItem): void => {
      if (excluded.has(item)) return;
      if (!item.parent) {
        item.children.forEach(add);
        return;
      }
      const list = byFile.get(item.parent) ?? [];
      byFile.set(item.parent, [...list, item]);
    };
    if (request.include) request.include.forEach(add);
    else this.controller.items.forEach(add);
    return byFile;
  }

  private async runFile(
    run: vscode.TestRun,
    file: vscode.TestItem,
    tests: vscode.TestItem[],
    summary: AccessTestRunSummary,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const record = (item: vscode.TestItem, state: TestState, message?: vscode.TestMessage): void => {
      const text = message && (typeof message.message === 'string' ? message.message : message.message.value);
      const at = message?.location;
      const location = at && `${at.uri.toString()}#${at.range.start.line}`;
      summary.tests.push({ file: file.uri?.toString() ?? file.id, name: item.label, state, message: text, location });
      if (state === 'passed') run.passed(item);
      else if (state === 'failed' && message) run.failed(item, message);
      else if (state === 'errored' && message) run.errored(item, message);
      else run.skipped(item);
    };
    let outcomes: AccessTestOutcome[];
    try {
      outcomes = (await this.api.runAccessTests(file.uri ?? vscode.Uri.parse(file.id), token)).tests;
    } catch (error) {
      for (const t of tests) record(t, 'errored', new vscode.TestMessage(`meshlint could not run the tests: ${(error as Error).message}`));
      return;
    }
    for (const item of tests) {
      const entry = this.entries.get(item);
      // The server lists the tests in file order; the name guards against a file edited meanwhile.
      const outcome =
        entry && (outcomes[entry.index]?.name === entry.name ? outcomes[entry.index] : outcomes.find((o) => o.name === entry.name));
      if (!outcome) record(item, 'skipped');
      else if (outcome.passed) record(item, 'passed');
      else record(item, outcome.result ? 'failed' : 'errored', this.message(item, outcome));
    }
  }

  private message(item: vscode.TestItem, outcome: AccessTestOutcome): vscode.TestMessage {
    const message = new vscode.TestMessage(new vscode.MarkdownString(failureMarkdown(outcome)));
    const site = outcome.result && decidingSite(outcome.result);
    // The deciding rule when one decided; else the test itself.
    if (site) message.location = siteLocation(site);
    else if (item.uri && item.range) message.location = new vscode.Location(item.uri, item.range);
    return message;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
