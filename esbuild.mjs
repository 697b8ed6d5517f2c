// Bundles what ships: the extension client, the language server and the CLI, one file each, so
// the .vsix carries no node_modules.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // yaml's own build without its Node debug hooks (the same code otherwise): its Node build reads
  // process.env.LOG_TOKENS for every token it lexes, a third of the parser's time.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);

// The built-in schemas' validators, generated once here so that no process or worker compiles them
// (tsc -b has built the generator into out/ first; see server/src/node/validators-build.ts).
createRequire(import.meta.url)('./out/server/src/node/validators-build.js').writeValidators(import.meta.dirname);
