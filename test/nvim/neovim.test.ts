// Real headless Neovim (Debian's `neovim`) with its built-in LSP client attached to
// `meshlint-server --stdio`: opens a manifest with `mode: PERMISSIVE`, reads back the published
// diagnostics, asks for hover, applies the quick fix the server offers and sees the diagnostic go
// (see init.lua).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const here = path.join(repoRoot, 'test', 'nvim');
const RULE = 'peer-authentication-permissive';
const FIX = 'Set mode to STRICT';
const TIMEOUT_MS = 20_000;

interface NvimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
}
interface NvimResult {
  error?: string;
  first?: NvimDiagnostic[];
  after_edit?: NvimDiagnostic[];
  hover?: string;
  actions?: string[];
  text?: string[];
}

function runNvim(file: string, tmp: string): Promise<{ code: number | null; stderr: string }> {
  const xdg = (name: string) => path.join(tmp, name);
  const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(here, 'init.lua'), file], {
    env: {
      ...process.env,
      // No user config, plugins or state from this machine.
      XDG_CONFIG_HOME: xdg('config'),
      XDG_DATA_HOME: xdg('data'),
      XDG_STATE_HOME: xdg('state'),
      XDG_CACHE_HOME: xdg('cache'),
      MESHLINT_NVIM_OUT: path.join(tmp, 'result.json'),
      MESHLINT_NVIM_EXPECT: RULE,
      MESHLINT_NVIM_FIX: FIX,
      MESHLINT_NVIM_TIMEOUT_MS: String(TIMEOUT_MS),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // init.lua has its own timeout; this one only catches an Neovim that hangs before loading it.
  const killer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS + 10_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr });
    });
  });
}

test('Neovim shows meshlint diagnostics, hover, and the quick fix that clears them', async (t) => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, 'nvim not found: run bash scripts/e2e/install.sh (installs Debian neovim)');
  t.diagnostic(version.stdout.split('\n')[0]);
  assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'server.js')), 'dist/server.js missing: run npm run build');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-nvim-'));
  const file = path.join(tmp, 'workspace', 'permissive.yaml');
  fs.mkdirSync(path.dirname(file));
  fs.copyFileSync(path.join(here, 'fixtures', 'permissive.yaml'), file);

  const { code, stderr } = await runNvim(file, tmp);
  const resultFile = path.join(tmp, 'result.json');
  assert.ok(fs.existsSync(resultFile), `nvim exited (${code}) without a result; stderr:\n${stderr}`);
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NvimResult;
  assert.equal(result.error, undefined, `${result.error}\nnvim stderr:\n${stderr}\nLSP log: ${path.join(tmp, 'cache', 'nvim', 'lsp.log')}`);
  assert.equal(code, 0);

  // `    mode: PERMISSIVE` is line 9 of the fixture: 0-based line 8, the value starts at column 10.
  const finding = result.first!.find((d) => d.code === RULE);
  assert.deepEqual(finding && { lnum: finding.lnum, col: finding.col, end_lnum: finding.end_lnum, end_col: finding.end_col }, {
    lnum: 8,
    col: 10,
    end_lnum: 8,
    end_col: 20,
  });
  assert.equal(finding!.severity, 2, 'a warning (vim.diagnostic.severity.WARN)');
  assert.match(finding!.message, /PERMISSIVE/);
  assert.match(result.hover ?? '', /PERMISSIVE/, 'hover explains the value');
  assert.ok(result.actions!.includes(FIX), JSON.stringify(result.actions));
  assert.ok(result.text!.includes('    mode: STRICT'), 'the quick fix reached the buffer');
  assert.equal(
    result.after_edit!.some((d) => d.code === RULE),
    false,
  );
  fs.rmSync(tmp, { recursive: true, force: true });
});
