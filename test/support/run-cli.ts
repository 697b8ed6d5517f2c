// Runs the meshlint CLI in-process, as `meshlint ARGS` would, and captures what it writes (or in a
// child process, for inputs that could hang or crash it).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { main } from '../../server/src/cli/main';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out, err);
  return { code, out: out.text, err: err.text };
}

export interface SpawnedRun {
  /** Null when the process was killed by a signal (an abort is SIGABRT, shown as exit 134 by a shell). */
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/**
 * Runs the CLI in a child process, for inputs that could hang or exhaust the process running it
 * (a FIFO, a device): the caller waits for the returned `exit`, never for a timer.
 */
export function spawnCli(args: string[], stdin: 'ignore' | number = 'ignore'): { child: ChildProcess; exit: Promise<SpawnedRun> } {
  const script = `require(${JSON.stringify(require.resolve('../../server/src/cli/main'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  // `--`: what follows is the CLI's, even options Node has too (`--format`); Node drops the `--` itself.
  const child = spawn(process.execPath, ['-e', script, '--', ...args], { stdio: [stdin, 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  const exit = once(child, 'close').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    out,
    err,
  }));
  return { child, exit };
}
