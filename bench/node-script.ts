// Runs a script in a fresh Node process and reads the number it prints: the benchmarks' cold
// baselines (a parse floor, a first parse) are measured this way, away from the benchmark's own heap.
import { spawn } from 'node:child_process';

/** The number `script` writes to stdout, run with `node -e` in a new process; rejects if it fails. */
export function numberFromFreshProcess(script: string, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`the ${what} process exited with ${code}`))));
  });
}
