// Small helpers for the e2e suite. Everything waits for VS Code events with a deadline; nothing
// sleeps for a fixed time (activation and the language server are asynchronous).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MeshlintApi } from '../../../client/src/api';
import { SCREENSHOT_DIR_ENV, SCREENSHOT_MARKER, type ScreenshotRequest } from '../runner/screenshot-protocol';

export const EXTENSION_ID = 'meshlint.meshlint';
const DEFAULT_TIMEOUT_MS = 20_000;

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e run must open test/e2e/workspace as a folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/**
 * Opens a workspace file in an editor and waits until meshlint is active, i.e. its language client
 * has started (activate() awaits it): requests sent before that would reach no server.
 */
export async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  const editor = await vscode.window.showTextDocument(document);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  await extension.activate();
  return editor;
}

/** What the activated extension exports (the Mesh Policy tree, the access tests). */
export async function meshlintApi(): Promise<MeshlintApi> {
  const extension = vscode.extensions.getExtension<MeshlintApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function meshlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'meshlint');
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map(
      (d) =>
        `${ruleId(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`,
    )
    .join('\n  ');
}

/**
 * Resolves with meshlint's diagnostics for `uri` as soon as `predicate` holds for them: now, or on a
 * later onDidChangeDiagnostics event. Rejects after `timeoutMs` showing what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = meshlintDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = describeDiagnostics(meshlintDiagnostics(uri));
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} on ${path.basename(uri.fsPath)}; meshlint diagnostics now:\n  ${seen}`,
        ),
      );
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export const hasRule = (id: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => ruleId(d) === id);
export const lacksRule = (id: string) => (diagnostics: vscode.Diagnostic[]) => !diagnostics.some((d) => ruleId(d) === id);

/** 0-based position of the first occurrence of `needle` in the document (plus `offset` chars). */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found in ${path.basename(document.uri.fsPath)}`);
  return document.positionAt(at + offset);
}

/** Replaces the whole document text through a WorkspaceEdit (as an extension or a person would). */
export async function replaceDocument(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('workspace.applyEdit refused the edit');
}

/** Resolves once `event` fires with a value matching `predicate`, or rejects after the timeout. */
export function nextEvent<T>(
  event: vscode.Event<T>,
  predicate: (value: T) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/**
 * Only when MESHLINT_E2E_SCREENSHOTS=1 started the run: runs `show` (which puts the UI in the state
 * to picture), asks the runner for a screenshot and waits until it is saved, so the UI stays as it
 * is meanwhile. Otherwise does nothing, so the tests do not depend on UI-only commands.
 */
export async function screenshot(request: ScreenshotRequest, show: () => Promise<void>): Promise<void> {
  const signalDir = process.env[SCREENSHOT_DIR_ENV];
  if (!signalDir) return;
  await show();
  const done = path.join(signalDir, `${request.name}.done`);
  const saved = new Promise<string>((resolve, reject) => {
    const watcher = fs.watch(signalDir, () => {
      if (!fs.existsSync(done)) return;
      watcher.close();
      clearTimeout(timer);
      resolve(fs.readFileSync(done, 'utf8'));
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`screenshot ${request.name} not saved within 30 s`));
    }, 30_000);
  });
  console.log(`${SCREENSHOT_MARKER}${JSON.stringify(request)}`);
  const outcome = await saved;
  if (outcome !== 'ok') throw new Error(`screenshot ${request.name} ${outcome}`);
}

/** For a tidy picture: reverts and closes every other editor. */
export async function showOnly(editor: vscode.TextEditor): Promise<vscode.TextEditor> {
  const keep = editor.document.uri.toString();
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.toString() === keep) continue;
    // Closing a modified editor would ask "Save?" in a modal dialog: revert it first.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  const shown = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
  return shown;
}
