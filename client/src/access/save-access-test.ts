// "Save as access test": asks for a name and an AccessTests file (one the Test Explorer knows, or
// a new one) and adds the test there with a workspace edit, so it can be undone and reviewed.
import * as vscode from 'vscode';
import type { AccessQuery, AccessResult } from '../../../server/src/core/access/types';
import { accessTestFor, accessTestInsertion, newAccessTestsFile } from './new-access-test';

const NEW_FILE = '$(new-file) New access tests file…';

async function targetFile(known: vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const items = [...known.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { label: NEW_FILE, uri: undefined }];
  const picked = await vscode.window.showQuickPick(items, { title: 'Save as access test', placeHolder: 'AccessTests file to add it to' });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title: 'New access tests file',
    defaultUri: folder && vscode.Uri.joinPath(folder, 'access-tests.yaml'),
    filters: { YAML: ['yaml', 'yml'] },
  });
}

export async function saveAccessTest(query: AccessQuery, result: AccessResult, suggestedName: string, known: vscode.Uri[]): Promise<void> {
  const name = await vscode.window.showInputBox({ title: 'Save as access test', prompt: 'Test name', value: suggestedName });
  if (!name) return;
  const test = accessTestFor(name, query, result);
  if (!test) {
    void vscode.window.showWarningMessage('An UNKNOWN verdict cannot be saved as a test: give the missing attributes first.');
    return;
  }
  const uri = await targetFile(known);
  if (!uri) return;
  let exists = true;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    exists = false;
  }
  const edit = new vscode.WorkspaceEdit();
  if (exists) {
    const document = await vscode.workspace.openTextDocument(uri);
    const insertion = accessTestInsertion(document.getText(), test);
    edit.insert(uri, document.positionAt(insertion.offset), insertion.text);
  } else {
    edit.createFile(uri, { ignoreIfExists: false });
    edit.insert(uri, new vscode.Position(0, 0), newAccessTestsFile(test));
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not write ${vscode.workspace.asRelativePath(uri)}`);
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  await vscode.window.showTextDocument(document);
}
