// Entry point of the Restricted Mode pass (run-code-server.ts opens test/e2e/workspace-restricted
// with workspace trust on and the folder not trusted): runs every *.test.js here.
import { runFolder } from '../suite/index';

export function run(): Promise<void> {
  return runFolder(__dirname);
}
