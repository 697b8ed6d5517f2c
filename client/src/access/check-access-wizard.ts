// "meshlint: Check Access…": a QuickPick wizard over the workspace's workloads, service accounts
// and Service ports, then method and path; the answer goes to the output channel, with buttons to
// open the deciding rule and to save the question as an access test.
import * as vscode from 'vscode';
import type { AccessQuery } from '../../../server/src/core/access/types';
import { folderFile, type ServerApi } from '../server-api';
import { siteRange } from '../site';
import { decidingSite, resultMarkdown, verdictLine } from './access-result-text';
import { destinationChoices, sourceChoices, type Choice, type DestinationValue } from './inventory-choices';
import { saveAccessTest } from './save-access-test';

export const CHECK_ACCESS_WIZARD_COMMAND = 'meshlint.checkAccessWizard';
const TITLE = 'meshlint: Check Access';

function pick<T>(choices: Choice<T>[], step: number, placeHolder: string): Thenable<Choice<T> | undefined> {
  return vscode.window.showQuickPick(choices, { title: `${TITLE} (${step}/4)`, placeHolder, matchOnDescription: true });
}

async function destination(choices: Choice<DestinationValue | { workload: string }>[]): Promise<DestinationValue | undefined> {
  const picked = await pick(choices, 2, 'To: a Service port (or a workload without a Service)');
  if (!picked) return undefined;
  if ('destination' in picked.value) return picked.value;
  const workload = picked.value.workload;
  const port = await vscode.window.showInputBox({
    title: `${TITLE} (2/4)`,
    prompt: `Target (container) port of ${workload}`,
    validateInput: (v) => (/^\d+$/.test(v) && Number(v) <= 65535 ? undefined : 'a port number, 0-65535'),
  });
  return port === undefined ? undefined : { destination: { workload, targetPort: Number(port) }, protocol: 'unknown' };
}

export async function checkAccessWizard(api: ServerApi, output: vscode.OutputChannel, testFiles: () => vscode.Uri[]): Promise<void> {
  const inventory = await api.inventory();
  const source = await pick(sourceChoices(inventory), 1, 'From: a workload, a service account, or plaintext');
  if (!source) return;
  const target = await destination(destinationChoices(inventory));
  if (!target) return;
  const query: AccessQuery = { source: source.value, destination: target.destination };
  if (target.protocol !== 'tcp') {
    const method = await vscode.window.showInputBox({ title: `${TITLE} (3/4)`, prompt: 'HTTP method (empty: not given)', value: 'GET' });
    if (method === undefined) return;
    const path = await vscode.window.showInputBox({ title: `${TITLE} (4/4)`, prompt: 'HTTP path (empty: not given)', value: '/' });
    if (path === undefined) return;
    if (method || path) query.request = { ...(method ? { method } : {}), ...(path ? { path } : {}) };
  }
  const answer = await api.checkAccess({ ...query, uri: folderFile()?.toString() });
  if ('error' in answer) {
    void vscode.window.showErrorMessage(`meshlint: ${answer.error}`);
    return;
  }
  const result = answer;
  const question = `${source.label} → ${'targetPort' in query.destination ? `${query.destination.workload}:${query.destination.targetPort}` : target.destination.workload}`;
  const request = query.request ? ` ${query.request.method ?? ''} ${query.request.path ?? ''}`.trimEnd() : '';
  output.appendLine(`Check access: ${question}${request}`);
  output.appendLine(resultMarkdown(result));
  output.appendLine('');
  const site = decidingSite(result);
  const actions = [...(site ? ['Open deciding rule'] : []), 'Save as access test', 'Show details'];
  const chosen = await vscode.window.showInformationMessage(`${question}${request}: ${verdictLine(result)}`, ...actions);
  if (chosen === 'Open deciding rule' && site) {
    await vscode.window.showTextDocument(vscode.Uri.parse(site.uri), { selection: siteRange(site) });
  } else if (chosen === 'Save as access test') {
    await saveAccessTest(query, result, `${question}${request}`, testFiles());
  } else if (chosen === 'Show details') {
    output.show(true);
  }
}
