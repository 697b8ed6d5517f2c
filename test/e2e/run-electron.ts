// `npm run test:e2e:electron`: the same suite in a downloaded desktop VS Code via @vscode/test-electron.
// For machines that can reach the VS Code download site (contributors, GitHub Actions); the offline
// CI here uses run-code-server.ts instead. Tests the repository folder (dist/ must be built).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
  // The suite edits its fixtures: work on a copy of the workspace.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-e2e-'));
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  await runTests({
    version: process.env.MESHLINT_E2E_VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error('(No VS Code download on an offline machine? Use `npm run test:e2e`, which runs the suite in code-server.)');
  process.exit(1);
});
