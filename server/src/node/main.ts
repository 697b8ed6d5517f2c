// Entry point of `meshlint-server`: creates the connection for the transport named on the
// command line (--stdio, --node-ipc, --socket=N), loads the schemas and starts the server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Engine } from '../core/engine';
import { SchemaRegistry } from '../core/schema';
import { startServer } from '../lsp/server';
import { findPackageDir, loadSchemas } from './load-schemas';
import { conceptLinker, loadConcepts } from './load-concepts';
import { NodeWorkspaceFiles } from './workspace-files';

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
  const connection = createConnection(ProposedFeatures.all);
  const packageDir = findPackageDir(__dirname);
  const engine = new Engine(new SchemaRegistry(loadSchemas(packageDir)));
  startServer(connection, {
    engine,
    docsLink: docsLinker(packageDir),
    now: () => performance.now(),
    concepts: loadConcepts(packageDir),
    conceptLink: conceptLinker(packageDir),
    workspaceFiles: new NodeWorkspaceFiles(),
  });
  connection.listen();
}

if (require.main === module) main();
