// The access check in the editor: the requests meshlint/checkAccess and meshlint/runAccessTests
// (also as workspace/executeCommand for editors without custom requests), and the diagnostics an
// AccessTests document gets: a failing test is an error on its `expect:` key.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkAccess, explainerFor } from '../core/access/model';
import { mayHoldAccessTests, parseAccessTests } from '../core/access/tests-file';
import { runAccessTests, type AccessTestResult } from '../core/access/run-tests';
import type { Site } from '../core/workspace/facts';
import type { WorkspaceFiles } from './workspace-files';
import type { ServerState } from './server-state';
import type { WorkspaceView } from '../core/workspace/view';
import type { Config } from '../core/config';
import { guard } from './guard';
import {
  CHECK_ACCESS_COMMAND,
  CHECK_ACCESS_REQUEST,
  RUN_ACCESS_TESTS_COMMAND,
  RUN_ACCESS_TESTS_REQUEST,
  type CheckAccessParams,
  type CheckAccessResult,
  type LspRange,
  type RunAccessTestsParams,
  type RunAccessTestsResult,
} from './protocol';

export const ACCESS_COMMANDS = [CHECK_ACCESS_COMMAND, RUN_ACCESS_TESTS_COMMAND];
export const ACCESS_TEST_RULE = 'access-test-failed';

const range = (s: Site): LspRange => ({
  start: { line: s.line, character: s.character },
  end: { line: s.endLine, character: s.endCharacter },
});

function outcome(t: AccessTestResult): RunAccessTestsResult['tests'][number] {
  return {
    name: t.name,
    passed: t.passed,
    expected: t.expected,
    ...(t.message ? { message: t.message } : {}),
    range: range(t.site),
    expectRange: range(t.expectSite),
    ...(t.result ? { result: t.result } : {}),
    ...(t.error ? { error: t.error } : {}),
  };
}

export class AccessService {
  constructor(
    private readonly state: ServerState,
    private readonly files?: WorkspaceFiles,
  ) {}

  /** The folders to look in: the one holding `uri`, else every folder (the first that knows the workload answers). */
  private async snapshots(uri: string | undefined): Promise<{ view: WorkspaceView; config: Config }[]> {
    await this.state.workspaceReady;
    const views = this.state.workspace.views(uri);
    return Promise.all(views.map(async (v) => ({ view: v.view, config: await this.state.configFor(uri ?? v.folderUri) })));
  }

  async check(params: CheckAccessParams): Promise<CheckAccessResult> {
    const { uri, ...query } = params;
    let first: CheckAccessResult = { error: 'no workspace folder is indexed' };
    for (const [i, { view, config }] of (await this.snapshots(uri)).entries()) {
      const r = checkAccess(view, config, query);
      if (!('error' in r)) return r;
      if (i === 0) first = r;
    }
    return first;
  }

  async run(params: RunAccessTestsParams): Promise<RunAccessTestsResult> {
    const text = this.state.documents.get(params.uri)?.getText() ?? (await this.files?.read(params.uri));
    const [snapshot] = await this.snapshots(params.uri);
    const results =
      text === undefined || !snapshot
        ? []
        : runAccessTests(explainerFor(snapshot.view, snapshot.config), parseAccessTests(params.uri, text));
    const tests = results.map(outcome);
    const failed = tests.filter((t) => !t.passed).length;
    return { uri: params.uri, tests, passed: tests.length - failed, failed };
  }

  /** Errors for an open AccessTests document's failing tests; none for any other document. */
  async diagnostics(doc: TextDocument): Promise<Diagnostic[]> {
    if (!mayHoldAccessTests(doc.getText())) return [];
    const [snapshot] = await this.snapshots(doc.uri);
    if (!snapshot) return [];
    return runAccessTests(explainerFor(snapshot.view, snapshot.config), parseAccessTests(doc.uri, doc.getText()))
      .filter((t) => !t.passed)
      .map((t) => ({
        range: range(t.expectSite),
        severity: DiagnosticSeverity.Error,
        source: 'meshlint',
        code: ACCESS_TEST_RULE,
        message: `${t.name}: ${t.message ?? 'failed'}`,
      }));
  }

  /** The requests; their commands are served by commands.ts. */
  register(connection: Connection): void {
    connection.onRequest(
      CHECK_ACCESS_REQUEST,
      guard(connection, 'check access', { error: 'internal error' }, (p: CheckAccessParams) => this.check(p)),
    );
    connection.onRequest(
      RUN_ACCESS_TESTS_REQUEST,
      guard(connection, 'access tests', { uri: '', tests: [], passed: 0, failed: 0 }, (p: RunAccessTestsParams) => this.run(p)),
    );
  }

  /** workspace/executeCommand: the first argument is the request's params. */
  async execute(command: string, args: unknown[] | undefined): Promise<unknown> {
    const first = (args?.[0] ?? {}) as Record<string, unknown>;
    if (command === CHECK_ACCESS_COMMAND) return this.check(first as unknown as CheckAccessParams);
    if (command === RUN_ACCESS_TESTS_COMMAND) return this.run(first as unknown as RunAccessTestsParams);
    return undefined;
  }
}
