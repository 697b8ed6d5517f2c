// How every meshlint command reads its command line: `--` ends the options, `--flag=value` and
// `--flag value` are the same, `-` is a path (stdin). One reader, so the commands cannot disagree.

/** Raised for a command line that cannot be read (exit 2). */
export class UsageError extends Error {}

/** A port number given to `flag` (0-65535). */
export function portNumber(flag: string, v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new UsageError(`${flag} needs a port number (0-65535), not "${v}"`);
  return Number(v);
}

/**
 * Walks argv: paths (anything not starting with `-`, `-` itself, and all after `--`) go to
 * `onPath`; each option goes to `onFlag` with a reader of its value, which consumes the next
 * argument unless the value was given inline.
 */
export function readOptions(
  argv: readonly string[],
  onPath: (path: string) => void,
  onFlag: (flag: string, value: () => string) => void,
): void {
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // After `--` everything is a path, even a file named like an option.
    if (optionsEnded || !a.startsWith('-') || a === '-') {
      onPath(a);
      continue;
    }
    if (a === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    onFlag(flag, () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    });
  }
}
