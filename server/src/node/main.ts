// Entry point of `meshlint-server`: creates the connection for the transport named on the
// command line (--stdio, --node-ipc, --socket=N), loads the schemas and starts the server.
// Over stdio, a message the reader cannot frame ends the process with a logged error: the reader
// could not find the next message again, and a server that lives on deaf is worse than a restart.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { Engine } from '../core/engine';
import { SchemaRegistry } from '../core/schema';
import { startServer } from '../lsp/server';
import { findPackageDir, loadSchemas } from './load-schemas';
import { conceptLinker, loadConcepts } from './load-concepts';
import { NodeWorkspaceFiles } from './workspace-files';
import { loadSnippets } from './load-snippets';

function docsLinker(packageDir: string): (ruleId: string) => string | undefined {
  const dir = path.join(packageDir, 'docs', 'rules');
  // Read the folder once: every diagnostic of every publish asks, and the pages never change.
  const pages = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  return (ruleId) => (pages.has(`${ruleId}.md`) ? pathToFileURL(path.join(dir, `${ruleId}.md`)).toString() : undefined);
}

export function main(): void {
  if (process.argv.includes('--version')) {
    process.stdout.write('meshlint-server 0.1.0\n');
    return;
  }
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  const packageDir = findPackageDir(__dirname);
  const builtinSchemas = loadSchemas(packageDir);
  const engine = new Engine(new SchemaRegistry(builtinSchemas));
  startServer(connection, {
    engine,
    builtinSchemas,
    docsLink: docsLinker(packageDir),
    now: () => performance.now(),
    concepts: loadConcepts(packageDir),
    conceptLink: conceptLinker(packageDir),
    workspaceFiles: new NodeWorkspaceFiles(),
    snippets: loadSnippets(packageDir),
  });
  connection.listen();
}

/** Our own reader on stdin, so its errors (a bad header, an unreadable body) reach us: the library only logs them. */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  // stdout carries the protocol: a stray console.log must not land in it.
  console.log = console.info = console.warn = console.error;
  let shutdown = false;
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  reader.onError((err: Error) => {
    const message = `meshlint-server: cannot read a message from the client (${err.message.split('\n')[0]}); exiting so the client starts a new server.`;
    process.stderr.write(`${message}\n`);
    connection.console.error(message);
    process.exit(1);
  });
  connection.onShutdown(() => {
    shutdown = true;
  });
  // The client went away (its end of the pipe closed): nothing left to serve.
  reader.onClose(() => process.exit(shutdown ? 0 : 1));
  return connection;
}

if (require.main === module) main();
