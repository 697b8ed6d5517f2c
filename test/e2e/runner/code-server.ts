// Starts and stops one throwaway code-server (a real VS Code server + web workbench).
// Every run gets fresh HOME/XDG/user-data/extensions dirs: code-server keeps state server-side.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

export interface CodeServerDirs {
  home: string;
  userData: string;
  extensions: string;
  log: string;
}

export function findCodeServer(repoRoot: string): string {
  const cache = process.env.MESHLINT_E2E_CACHE ?? path.join(repoRoot, '.cache');
  const bin = path.join(cache, 'code-server', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server not found at ${bin}. Run: bash scripts/e2e/install.sh`);
  }
  return bin;
}

/** `trusted: false`: workspace trust on and the folder not trusted (Restricted Mode), without the modal prompt. */
export function makeDirs(root: string, traceServer: boolean, trusted = true): CodeServerDirs {
  const dirs = {
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    log: path.join(root, 'code-server.log'),
  };
  for (const dir of [dirs.home, path.join(dirs.userData, 'User'), dirs.extensions]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  // Quiet, deterministic workbench: no welcome page, no trust prompt, no update or gallery traffic.
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': !trusted,
    // Never ask "Do you trust the authors?": the folder then opens in Restricted Mode.
    ...(trusted ? {} : { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' }),
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'git.enabled': false,
    'update.mode': 'none',
    // LSP traffic into the "meshlint" output channel log (user-data/logs/.../meshlint.log)
    ...(traceServer ? { 'meshlint.trace.server': 'verbose' } : {}),
  };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dirs;
}

/** Environment for code-server and everything it starts (extension host, our language server). */
export function codeServerEnv(dirs: CodeServerDirs, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Do not inherit a surrounding VS Code / Electron session (e.g. when run from its terminal).
    if (!key.startsWith('VSCODE_') && !key.startsWith('ELECTRON_')) env[key] = value;
  }
  return {
    ...env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

export function installVsix(bin: string, dirs: CodeServerDirs, env: NodeJS.ProcessEnv, vsix: string): string {
  execFileSync(bin, ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(dirs.extensions, 'extensions.json'), 'utf8')) as Array<{
    identifier: { id: string };
    relativeLocation: string;
  }>;
  if (manifest.length !== 1) throw new Error(`expected exactly our extension installed, got ${JSON.stringify(manifest)}`);
  return path.join(dirs.extensions, manifest[0].relativeLocation);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningCodeServer {
  port: number;
  /** Kills code-server's whole process group (extension host, language server, ...). */
  stop(): Promise<void>;
}

export async function startCodeServer(
  bin: string,
  dirs: CodeServerDirs,
  env: NodeJS.ProcessEnv,
  workspace: string,
  trusted = true,
): Promise<RunningCodeServer> {
  const port = await freePort();
  const log = fs.createWriteStream(dirs.log, { flags: 'a' });
  // detached = setsid: the server and all its children share a new process group we can kill.
  const child = spawn(
    bin,
    [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      // Without it code-server's workbench applies workspace trust (see makeDirs' settings).
      ...(trusted ? ['--disable-workspace-trust'] : []),
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      ...(process.env.MESHLINT_E2E_VERBOSE === '1' ? ['--log', 'trace'] : []),
      workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const stop = () => killGroup(child);
  try {
    await waitForListening(child, 30_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (!health.ok) throw new Error(`code-server /healthz answered ${health.status}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, stop };
}

/** Resolves when code-server logs that its HTTP server listens; rejects on exit or timeout. */
function waitForListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => done(new Error(`code-server did not start listening within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes('HTTP server listening on')) done();
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`code-server exited during startup (code ${code}, signal ${signal})`));
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // group already gone
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // The extension host or our language server may outlive code-server's main process.
  signalGroup('SIGKILL');
}
