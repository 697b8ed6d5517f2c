// Packs the extension exactly as `npm run package` does (vsce, --no-dependencies, the `files` list of package.json),
// minus the prepublish build (`npm test` has just built dist/), and fails on anything in the .vsix
// that should not ship: sources, tests, source maps, node_modules, stray files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { zipEntries, type ZipEntry } from './zip-entries';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

// Every file in the .vsix must match one of these (paths inside the zip).
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  // One `files` list in package.json serves npm and vsce (vsce refuses it beside a .vscodeignore).
  /^extension\/bin\/meshlint(-server)?\.js$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(extension|server|cli)\.js$/,
  /^extension\/schemas\/[\w./-]+\.json$/,
  /^extension\/snippets\/[\w.-]+\.json$/,
  /^extension\/docs\/(concepts|rules)\/[\w./-]+\.md$/,
  /^extension\/docs\/images\/icon\.png$/,
];
const REQUIRED = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  // The Lint Kustomize Overlay command runs the CLI bundle.
  'extension/dist/cli.js',
  'extension/schemas/index.json',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/docs/images/icon.png',
];
const SIZE_BUDGET_BYTES = 5 * 1024 * 1024;

type Pack = (options: { cwd: string; packagePath: string; dependencies: boolean }) => Promise<{ packagePath: string }>;

async function packVsix(): Promise<string> {
  // vsce's own packer (what `vsce package` calls after its prepublish step); it has no typings, so no `import`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pack } = require('@vscode/vsce/out/package') as { pack: Pack };
  const packagePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-vsix-')), 'meshlint.vsix');
  const log = console.log;
  console.log = () => undefined; // vsce prints its file tree; the assertions below say what matters
  try {
    await pack({ cwd: repoRoot, packagePath, dependencies: false });
  } finally {
    console.log = log;
  }
  return packagePath;
}

test('the .vsix holds only the bundles, schemas, snippets, docs and the extension page files', async () => {
  const vsix = await packVsix();
  const entries: ZipEntry[] = zipEntries(vsix).filter((e) => !e.name.endsWith('/'));
  const names = entries.map((e) => e.name);

  const unexpected = names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
  assert.deepEqual(unexpected, [], `unintended files in the .vsix (fix "files" in package.json):\n${unexpected.join('\n')}`);
  for (const required of REQUIRED) assert.ok(names.includes(required), `${required} missing from the .vsix`);
  if (fs.existsSync(path.join(repoRoot, 'README.md'))) assert.ok(names.includes('extension/readme.md'), 'README missing');

  // What package.json points at must be inside the package.
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    main: string;
    icon: string;
    contributes?: { snippets?: { path: string }[] };
  };
  const referenced = [manifest.main, manifest.icon, ...(manifest.contributes?.snippets ?? []).map((s) => s.path)];
  for (const file of referenced) {
    assert.ok(names.includes(`extension/${path.posix.normalize(file)}`), `package.json names ${file}, which is not in the .vsix`);
  }

  // Hover reads the concept pages and links the rule pages from the installed extension: all ship.
  for (const dir of ['docs/concepts', 'docs/rules']) {
    for (const page of fs.readdirSync(path.join(repoRoot, dir)).filter((f) => f.endsWith('.md'))) {
      assert.ok(names.includes(`extension/${dir}/${page}`), `${dir}/${page} missing from the .vsix`);
    }
  }

  const size = fs.statSync(vsix).size;
  assert.ok(size < SIZE_BUDGET_BYTES, `.vsix is ${size} bytes, over the ${SIZE_BUDGET_BYTES} budget`);
  fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
});
