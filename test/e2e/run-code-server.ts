// `npm run test:e2e`: runs the mocha suite in test/e2e/suite inside a real VS Code (code-server's
// workbench in headless chromium), against the extension installed from the packaged .vsix, so what
// ships is what is tested. Needs `bash scripts/e2e/install.sh` once and `npm run package` first.
//
// Env: MESHLINT_E2E_SCREENSHOTS=1  save the screenshots the suite asks for into docs/images/
//      MESHLINT_E2E_KEEP=1         keep the run's temp dir (always kept on failure)
//      MESHLINT_E2E_VERBOSE=1      echo the browser console, trace LSP messages into the meshlint log
//      MESHLINT_E2E_TIMEOUT_MS     overall limit (default 240000)
//      MESHLINT_E2E_GREP=hover     run only the tests whose title matches (read by suite/index.ts)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runSuiteInBrowser } from './runner/browser';
import { codeServerEnv, findCodeServer, installVsix, makeDirs, startCodeServer } from './runner/code-server';
import { SCREENSHOT_DIR_ENV } from './runner/screenshot-protocol';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const timeoutMs = Number(process.env.MESHLINT_E2E_TIMEOUT_MS ?? 240_000);

async function main(): Promise<number> {
  const started = Date.now();
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.resolve(process.argv[2] ?? path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`));
  const testsPath = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
  for (const [file, hint] of [
    [vsix, 'npm run package'],
    [testsPath, 'npm run build'],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${file} missing. Run: ${hint}`);
  }
  const bin = findCodeServer(repoRoot);

  fs.mkdirSync(path.join(repoRoot, '.e2e'), { recursive: true });
  const runDir = fs.mkdtempSync(path.join(repoRoot, '.e2e', 'run-'));
  const verbose = process.env.MESHLINT_E2E_VERBOSE === '1';
  const dirs = makeDirs(runDir, verbose);
  // The suite edits files (quick fixes, config): give it a fresh copy of the fixture workspace.
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

  const screenshots =
    process.env.MESHLINT_E2E_SCREENSHOTS === '1'
      ? { imagesDir: path.join(repoRoot, 'docs', 'images'), signalDir: path.join(runDir, 'shots') }
      : undefined;
  if (screenshots) fs.mkdirSync(screenshots.signalDir, { recursive: true });
  const env = codeServerEnv(dirs, screenshots ? { [SCREENSHOT_DIR_ENV]: screenshots.signalDir } : {});

  console.log(`e2e: installing ${path.relative(repoRoot, vsix)} into a fresh code-server (${path.relative(repoRoot, runDir)})`);
  const extensionPath = installVsix(bin, dirs, env, vsix);
  const server = await startCodeServer(bin, dirs, env, workspace);
  let code = 1;
  let summary: string | undefined;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`the run exceeded ${timeoutMs} ms (MESHLINT_E2E_TIMEOUT_MS)`)), timeoutMs);
  try {
    console.log(`e2e: code-server on 127.0.0.1:${server.port}, extension at ${path.relative(runDir, extensionPath)}`);
    ({ code, summary } = await runSuiteInBrowser(
      { port: server.port, workspace, extensionPath, testsPath, screenshots, verbose },
      timeout.signal,
    ));
  } finally {
    clearTimeout(timer);
    await server.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === 0 && process.env.MESHLINT_E2E_KEEP !== '1') {
      fs.rmSync(runDir, { recursive: true, force: true });
    } else {
      const log = fs.readFileSync(dirs.log, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
      console.error(`e2e: last lines of code-server.log:\n${log}`);
      console.error(`e2e: logs kept in ${runDir} (code-server.log, user-data/logs/)`);
    }
    console.log(`e2e: ${code === 0 ? 'PASSED' : `FAILED (exit code ${code})`} in ${seconds} s`);
    // Last line: the plain "N passed, N failed" count that CI logs are read for.
    if (summary) console.log(`e2e: ${summary}`);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\ne2e: ERROR ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
