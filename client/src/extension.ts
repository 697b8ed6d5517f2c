// VS Code entry point: starts the bundled language server over IPC for YAML files, offers a
// restart command, and sets up the Mesh Policy tree, the access tests and the Check Access wizard;
// settings are declared in package.json and read by the server per document.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusItem } from './status';
import { ClientSession, type ClientFactory } from './session';
import { ServerApi } from './server-api';
import { PolicyTree } from './policy/policy-tree';
import { registerPolicyCommands } from './policy/policy-commands';
import { lensMiddleware } from './policy/lens-to-tree';
import { AccessTestController } from './access/access-test-controller';
import { CHECK_ACCESS_WIZARD_COMMAND, checkAccessWizard } from './access/check-access-wizard';
import type { MeshlintApi } from './api';
import { registerKustomizeCommand } from './kustomize-command';

let session: ClientSession<LanguageClient> | undefined;
const YAML_EXTENSION = 'redhat.vscode-yaml';

function clientFactory(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientFactory<LanguageClient> {
  return (own) => {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
      ],
      synchronize: {
        configurationSection: 'meshlint',
        // Manifests feed the workspace index; .meshlint.yaml is named too, since globs may skip dot-files.
        // The session disposes them with this client: the language client leaves them open.
        fileEvents: [
          own(vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}')),
          own(vscode.workspace.createFileSystemWatcher('**/.meshlint.yaml')),
        ],
      },
      // Tells the server that this client already sends file events, so it registers no watchers of its own.
      // Red Hat's YAML extension reports plain YAML syntax errors too (`meshlint.yamlSyntax: auto`).
      // package.json contributes the snippets: the server need not offer them as completion items.
      initializationOptions: {
        watchesYamlFiles: true,
        yamlExtension: vscode.extensions.getExtension(YAML_EXTENSION) !== undefined,
        contributesSnippets: true,
      },
      middleware: lensMiddleware,
      outputChannel: output,
      traceOutputChannel: output,
    };
    return new LanguageClient('meshlint', 'meshlint', serverOptions, clientOptions);
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<MeshlintApi> {
  const output = vscode.window.createOutputChannel('meshlint', { log: true });
  const status = new StatusItem();
  const api = new ServerApi(() => session?.client);
  session = new ClientSession(clientFactory(context, output), (client) => {
    status.watch(client);
    api.watch(client);
  });
  context.subscriptions.push(output, status, session, api);
  const policyTree = new PolicyTree(api);
  const accessTests = new AccessTestController(api);
  context.subscriptions.push(
    policyTree,
    accessTests,
    ...registerPolicyCommands(policyTree, api),
    vscode.commands.registerCommand(CHECK_ACCESS_WIZARD_COMMAND, () => checkAccessWizard(api, output, () => accessTests.files())),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('meshlint.restartServer', async () => {
      output.appendLine('Restarting the meshlint language server.');
      await session?.start();
    }),
  );
  context.subscriptions.push(...registerKustomizeCommand(context, output));
  await session.start();
  return { policyTree, accessTests };
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = undefined;
}
