// The command line of `meshlint explain`, read by the same reader as meshlint and check-access
// (options.ts): the workload as <namespace>/<name>, then paths and options in any order.
import { portNumber, readOptions, UsageError } from './options';

export const EXPLAIN_USAGE = `Usage: meshlint explain <namespace>/<name> [paths...] [options]

Shows which policies apply to one workload (Deployment, StatefulSet, Pod, ...) and why, from the
manifests under the paths (default: the current folder).

Options:
  --port N               only this port (a workload port, or a Service port shown as its workload port)
  --kind KIND            the workload's kind, when several workloads share the name
  --format text|json     output format (default: text)
  --config FILE          use this config file instead of looking for .meshlint.yaml
  -h, --help             show this help

Exit codes: 0 explained, 2 usage error, or the name is unknown or ambiguous (candidates are listed).`;

export interface ExplainArgs {
  namespace: string;
  name: string;
  kind?: string;
  paths: string[];
  port?: number;
  format: 'text' | 'json';
  config?: string;
  help: boolean;
}

export function parseExplainArgs(argv: readonly string[]): ExplainArgs {
  const rest: string[] = [];
  const out: Omit<ExplainArgs, 'namespace' | 'name' | 'paths'> = { format: 'text', help: false };
  readOptions(
    argv,
    (path) => rest.push(path),
    (flag, value) => {
      switch (flag) {
        case '-h':
        case '--help':
          out.help = true;
          break;
        case '--port':
          out.port = portNumber(flag, value());
          break;
        case '--format': {
          const v = value();
          if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
          out.format = v;
          break;
        }
        case '--config':
          out.config = nonEmpty(flag, value(), 'a file');
          break;
        case '--kind':
          out.kind = nonEmpty(flag, value(), 'a kind');
          break;
        default:
          throw new UsageError(`unknown option ${flag}`);
      }
    },
  );
  if (out.help) return { ...out, namespace: '', name: '', paths: [] };
  const target = rest.shift();
  const m = target ? /^([^/]+)\/([^/]+)$/.exec(target) : null;
  if (!m) throw new UsageError('name the workload as <namespace>/<name>');
  return { ...out, namespace: m[1], name: m[2], paths: rest.length > 0 ? rest : ['.'] };
}

function nonEmpty(flag: string, v: string, what: string): string {
  if (!v) throw new UsageError(`${flag} needs ${what}`);
  return v;
}
