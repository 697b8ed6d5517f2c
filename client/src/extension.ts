// VS Code entry point: starts the bundled language server over IPC for YAML files and offers a
// restart command; settings are declared in package.json and read by the server per document.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusItem } from './status';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
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
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'), vscode.workspace.createFileSystemWatcher('**/.meshlint.yaml')],
    },
    // Tells the server that this client already sends file events, so it registers no watchers of its own.
    initializationOptions: { watchesYamlFiles: true },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('meshlint', 'meshlint', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('meshlint', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);

  const start = async (): Promise<void> => {
    client = createClient(context, output);
    status.watch(client);
    await client.start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('meshlint.restartServer', async () => {
      output.appendLine('Restarting the meshlint language server.');
      if (client) await client.stop();
      await start();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
