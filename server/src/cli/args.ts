// Command-line arguments of `meshlint`.
import type { Severity } from '../core/types';

export type OutputFormat = 'text' | 'json';

export interface CliArgs {
  paths: string[];
  format: OutputFormat;
  /** Findings below this severity are counted but not printed. */
  minSeverity: Severity;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: meshlint [options] [paths...]

Checks Istio and cert-manager manifests (files or folders; "-" reads standard input).

Options:
  --format text|json      output format (default: text)
  --min-severity LEVEL    print findings at or above error|warning|info|hint (default: warning)
  -h, --help              show this help
  --version               print the version

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { paths: [], format: 'text', minSeverity: 'warning', help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--version':
        args.version = true;
        break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
        args.format = v;
        break;
      }
      case '--min-severity': {
        const v = value();
        if (!['error', 'warning', 'info', 'hint'].includes(v)) throw new UsageError(`--min-severity must be error, warning, info or hint, not "${v}"`);
        args.minSeverity = v as Severity;
        break;
      }
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}
