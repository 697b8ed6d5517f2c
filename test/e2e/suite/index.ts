// Entry point loaded by the extension host (extensionTestsPath), both in code-server
// (run-code-server.ts) and in a downloaded VS Code (run-electron.ts). Runs every *.test.js here;
// test/e2e/restricted reuses runFolder for the Restricted Mode pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  return runFolder(__dirname);
}

export function runFolder(folder: string): Promise<void> {
  // No colours: the output travels through codeAutomationLog into a CI log.
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000 });
  const grep = process.env.MESHLINT_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(folder, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A plain count line that CI logs and the code-server runner understand (see SUMMARY_LINE).
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      console.log(`e2e suite: ${passes} passed, ${failures} failed, ${pending} skipped`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}
