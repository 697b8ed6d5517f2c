// Opens the code-server workbench in headless Debian chromium and runs the extension tests there.
// The workbench reports the suite's console output through window.codeAutomationLog and its result
// through window.codeAutomationExit (0 pass, 1 fail); the extension host's own exit code is always 0.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { parseScreenshotRequest, type ScreenshotRequest } from './screenshot-protocol';

export interface BrowserRunOptions {
  port: number;
  workspace: string;
  /** Folder of the installed extension (as shipped in the .vsix). */
  extensionPath: string;
  /** Compiled mocha entry point exporting run(). */
  testsPath: string;
  /** Where to save screenshots the suite asks for; undefined = screenshots off. */
  screenshots?: { imagesDir: string; signalDir: string };
  verbose: boolean;
}

const CHROMIUM = process.env.MESHLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The workbench's own start-up messages arrive on the same channel as mocha's output (all "info").
const WORKBENCH_CHATTER =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|ChatSessionStore:)/;

export function workbenchUrl(options: BrowserRunOptions): string {
  // The vscode-remote authority must equal the host the browser uses.
  const remote = (p: string) => `vscode-remote://127.0.0.1:${options.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(options.extensionPath)],
    ['extensionTestsPath', remote(options.testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const query = new URLSearchParams({ folder: options.workspace, payload: JSON.stringify(payload) });
  return `http://127.0.0.1:${options.port}/?${query.toString()}`;
}

/** The count line suite/index.ts prints last. */
const SUMMARY_LINE = /^e2e suite: (\d+ passed, \d+ failed, \d+ skipped)$/;

export interface SuiteResult {
  /** From codeAutomationExit: 0 when every test passed. */
  code: number;
  /** "N passed, N failed, N skipped", when the suite got that far. */
  summary?: string;
}

/** Runs the suite in the browser; resolves with the code from codeAutomationExit. */
export async function runSuiteInBrowser(options: BrowserRunOptions, signal: AbortSignal): Promise<SuiteResult> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing. Run: bash scripts/e2e/install.sh`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Offline by construction: anything but this machine's loopback is aborted.
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    let shots = Promise.resolve();
    let summary: string | undefined;
    const exitCode = new Promise<number>((resolve, reject) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
      page.on('crash', () => reject(new Error('the workbench page crashed')));
      // The overall timeout: give up waiting, and let `finally` close the browser.
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // Mocha logs printf-style ("%s (%dms)", title, ms): format like console.log does.
      const line = format(...args);
      const request = options.screenshots && parseScreenshotRequest(line);
      if (request && options.screenshots) {
        // Screenshots are taken one after another, in the order the suite asks for them.
        const dirs = options.screenshots;
        shots = shots.then(() => takeScreenshot(page, request, dirs));
        return;
      }
      const counts = SUMMARY_LINE.exec(line);
      if (counts) {
        summary = counts[1]; // printed by the runner as its last line
        return;
      }
      if (!options.verbose && WORKBENCH_CHATTER.test(line)) return;
      (type === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : `${line}\n`);
    });
    if (options.verbose) {
      page.on('console', (message) => process.stderr.write(`[browser ${message.type()}] ${message.text()}\n`));
    }
    page.on('pageerror', (error) => process.stderr.write(`[browser pageerror] ${error.message}\n`));
    await page.goto(workbenchUrl(options));
    const code = await exitCode;
    await shots;
    return { code, summary };
  } finally {
    await browser.close();
  }
}

async function takeScreenshot(page: Page, request: ScreenshotRequest, dirs: { imagesDir: string; signalDir: string }) {
  let outcome = 'ok';
  try {
    await page.locator(request.selector).first().waitFor({ state: 'visible', timeout: 15_000 });
    fs.mkdirSync(dirs.imagesDir, { recursive: true });
    const file = path.join(dirs.imagesDir, `${request.name}.png`);
    await page.screenshot({ path: file });
    process.stdout.write(`  [screenshot saved: ${path.relative(process.cwd(), file)}]\n`);
  } catch (error) {
    outcome = `failed: ${(error as Error).message}`;
    process.stderr.write(`  [screenshot ${request.name} ${outcome}]\n`);
  }
  // Tell the waiting suite to go on (it fails the test if the outcome is not "ok").
  // Write then rename, so the suite never reads a half-written signal file.
  const signal = path.join(dirs.signalDir, `${request.name}.done`);
  fs.writeFileSync(`${signal}.tmp`, outcome);
  fs.renameSync(`${signal}.tmp`, signal);
}
