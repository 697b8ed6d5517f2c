// `npm run test:e2e`: runs the mocha suite in test/e2e/suite inside a real VS Code (code-server's
// workbench in headless chromium), against the extension installed from the packaged .vsix, so what
// ships is what is tested; then the short suite in test/e2e/restricted with workspace trust on and
// the folder not trusted (Restricted Mode). Needs `bash scripts/e2e/install.sh` once and `npm run package` first.
//
// Env: MESHLINT_E2E_SCREENSHOTS=1  save the screenshots the suite asks for into docs/images/
//      MESHLINT_E2E_KEEP=1         keep the run's temp dir (always kept on failure)
//      MESHLINT_E2E_VERBOSE=1      echo the browser console, trace LSP messages into the meshlint log
//      MESHLINT_E2E_TIMEOUT_MS     overall limit (default 300000)
//      MESHLINT_E2E_GREP=hover     run only the tests whose title matches (read by suite/index.ts)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runSuiteInBrowser, type SuiteResult } from './runner/browser';
import { codeServerEnv, findCodeServer, installVsix, makeDirs, startCodeServer, type CodeServerDirs } from './runner/code-server';
import { writeFakeKubectl } from './runner/fake-kubectl';
import { SCREENSHOT_DIR_ENV } from './runner/screenshot-protocol';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const timeoutMs = Number(process.env.MESHLINT_E2E_TIMEOUT_MS ?? 300_000);

interface Pass {
  name: string;
  dirs: CodeServerDirs;
  env: NodeJS.ProcessEnv;
  /** A fresh copy of this fixture folder is opened (the suites edit files). */
  fixtures: string;
  testsPath: string;
  trusted: boolean;
  screenshots?: { imagesDir: string; signalDir: string };
}

async function runPass(bin: string, pass: Pass, runDir: string, extensionPath: string, signal: AbortSignal): Promise<SuiteResult> {
  const workspace = path.join(runDir, `workspace-${pass.name}`);
  fs.cpSync(pass.fixtures, workspace, { recursive: true });
  const server = await startCodeServer(bin, pass.dirs, pass.env, workspace, pass.trusted);
  try {
    console.log(`e2e: ${pass.name} suite, code-server on 127.0.0.1:${server.port}, extension at ${path.relative(runDir, extensionPath)}`);
    const verbose = process.env.MESHLINT_E2E_VERBOSE === '1';
    return await runSuiteInBrowser(
      { port: server.port, workspace, extensionPath, testsPath: pass.testsPath, screenshots: pass.screenshots, verbose },
      signal,
    );
  } finally {
    await server.stop();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.resolve(process.argv[2] ?? path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`));
  const out = path.join(repoRoot, 'out', 'test', 'e2e');
  const testsPath = path.join(out, 'suite', 'index.js');
  const restrictedTestsPath = path.join(out, 'restricted', 'index.js');
  for (const [file, hint] of [
    [vsix, 'npm run package'],
    [testsPath, 'npm run build'],
    [restrictedTestsPath, 'npm run build'],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${file} missing. Run: ${hint}`);
  }
  const bin = findCodeServer(repoRoot);

  fs.mkdirSync(path.join(repoRoot, '.e2e'), { recursive: true });
  const runDir = fs.mkdtempSync(path.join(repoRoot, '.e2e', 'run-'));
  const verbose = process.env.MESHLINT_E2E_VERBOSE === '1';
  const dirs = makeDirs(runDir, verbose);

  const screenshots =
    process.env.MESHLINT_E2E_SCREENSHOTS === '1'
      ? { imagesDir: path.join(repoRoot, 'docs', 'images'), signalDir: path.join(runDir, 'shots') }
      : undefined;
  if (screenshots) fs.mkdirSync(screenshots.signalDir, { recursive: true });
  const env = codeServerEnv(dirs, screenshots ? { [SCREENSHOT_DIR_ENV]: screenshots.signalDir } : {});

  console.log(`e2e: installing ${path.relative(repoRoot, vsix)} into a fresh code-server (${path.relative(repoRoot, runDir)})`);
  const extensionPath = installVsix(bin, dirs, env, vsix);
  // Restricted Mode: its own profile (nothing trusted yet) and the extension installed above; a
  // kubectl first on PATH that records being run, so the suite can tell that nothing ran it.
  const restrictedDirs = { ...makeDirs(path.join(runDir, 'restricted'), verbose, false), extensions: dirs.extensions };
  const restrictedEnv = codeServerEnv(restrictedDirs, writeFakeKubectl(path.join(runDir, 'restricted')));
  const passes: Pass[] = [
    { name: 'main', dirs, env, fixtures: path.join(repoRoot, 'test', 'e2e', 'workspace'), testsPath, trusted: true, screenshots },
    {
      name: 'restricted',
      dirs: restrictedDirs,
      env: restrictedEnv,
      fixtures: path.join(repoRoot, 'test', 'e2e', 'workspace-restricted'),
      testsPath: restrictedTestsPath,
      trusted: false,
    },
  ];
  let code = 0;
  const summaries: string[] = [];
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`the run exceeded ${timeoutMs} ms (MESHLINT_E2E_TIMEOUT_MS)`)), timeoutMs);
  try {
    for (const pass of passes) {
      const passStarted = Date.now();
      const result = await runPass(bin, pass, runDir, extensionPath, timeout.signal);
      code = Math.max(code, result.code);
      const seconds = ((Date.now() - passStarted) / 1000).toFixed(1);
      summaries.push(`${pass.name} (${seconds} s): ${result.summary ?? 'no result'}`);
    }
  } catch (error) {
    code = 1;
    throw error;
  } finally {
    clearTimeout(timer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === 0 && process.env.MESHLINT_E2E_KEEP !== '1') {
      fs.rmSync(runDir, { recursive: true, force: true });
    } else {
      for (const log of passes.map((p) => p.dirs.log).filter((f) => fs.existsSync(f))) {
        const tail = fs.readFileSync(log, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
        console.error(`e2e: last lines of ${path.relative(runDir, log)}:\n${tail}`);
      }
      console.error(`e2e: logs kept in ${runDir} (code-server.log, user-data/logs/; restricted/ for the Restricted Mode pass)`);
    }
    console.log(`e2e: ${code === 0 ? 'PASSED' : `FAILED (exit code ${code})`} in ${seconds} s`);
    // Last line: the plain "N passed, N failed" counts that CI logs are read for.
    if (summaries.length > 0) console.log(`e2e: ${summaries.join('; ')}`);
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
