// Command-line arguments of `meshlint`.
import type { Severity } from '../core/types';
import { MAX_FILE_BYTES } from './read-file';
import { readOptions, UsageError } from './options';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliArgs {
  paths: string[];
  format: OutputFormat;
  /** Findings below this severity are counted but not printed. */
  minSeverity: Severity;
  /** Apply safe fixes to the files in place before reporting what is left. */
  fix: boolean;
  /** Exit 1 when there are more warnings than this (errors always fail). */
  maxWarnings: number | undefined;
  /** Explicit config file; otherwise `.meshlint.yaml` is looked up from the current folder. */
  config: string | undefined;
  /** Ignore `# meshlint-disable...` comments, so the files checked cannot silence their own findings. */
  noInlineConfig: boolean;
  /** CRD files or folders whose schemas and rules replace the built-in ones for their kinds. */
  crds: string[];
  /** Kustomize overlay folders to render and check as they would be applied. */
  kustomize: string[];
  help: boolean;
  version: boolean;
}

export { UsageError } from './options';

export const USAGE = `Usage: meshlint [options] [paths...]

Checks Istio and cert-manager manifests (files or folders; "-" reads standard input).
Access check: meshlint check-access --help (would a request be allowed, and which rule decides?).

Options:
  --format text|json|sarif  output format (default: text); sarif is SARIF 2.1.0 for code scanning
  --min-severity LEVEL      print findings at or above error|warning|info|hint (default: warning)
  --fix                     apply the safe fixes to the files in place, then report what is left
  --max-warnings N          also fail when there are more than N warnings
  --config FILE             use this config file instead of looking for .meshlint.yaml
  --no-inline-config        ignore # meshlint-disable comments in the files checked
  --crds PATH               validate against these CRDs (file or folder, repeatable), e.g. kubectl get crd -o yaml
  --kustomize DIR           render this overlay (kubectl kustomize or kustomize build) and check what it applies,
                            each finding shown in the file that sets it (repeatable; a kustomization.yaml path does the same)
  --                        end of options: what follows is a path
  -h, --help                show this help
  --version                 print the version and the Istio and cert-manager releases the schemas track

Only regular files are read (FIFOs, devices and sockets are skipped), none over ${MAX_FILE_BYTES / (1024 * 1024)} MiB.
Exit codes: 0 clean, 1 errors (or more warnings than --max-warnings), 2 usage or I/O error.`;

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    paths: [],
    format: 'text',
    minSeverity: 'warning',
    fix: false,
    maxWarnings: undefined,
    config: undefined,
    noInlineConfig: false,
    crds: [],
    kustomize: [],
    help: false,
    version: false,
  };
  readOptions(
    argv,
    (path) => args.paths.push(path),
    (flag, value) => {
      switch (flag) {
        case '-h':
        case '--help':
          args.help = true;
          break;
        case '--version':
          args.version = true;
          break;
        case '--fix':
          args.fix = true;
          break;
        case '--no-inline-config':
          args.noInlineConfig = true;
          break;
        case '--format': {
          const v = value();
          if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
          args.format = v;
          break;
        }
        case '--min-severity': {
          const v = value();
          if (!SEVERITIES.includes(v)) throw new UsageError(`--min-severity must be error, warning, info or hint, not "${v}"`);
          args.minSeverity = v as Severity;
          break;
        }
        case '--max-warnings': {
          const v = value();
          if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, not "${v}"`);
          args.maxWarnings = Number(v);
          break;
        }
        case '--config':
          args.config = value();
          break;
        case '--crds':
          args.crds.push(value());
          break;
        case '--kustomize':
          args.kustomize.push(value());
          break;
        default:
          throw new UsageError(`unknown option ${flag}`);
      }
    },
  );
  if (args.paths.length === 0 && args.kustomize.length === 0) args.paths.push('.');
  return args;
}
