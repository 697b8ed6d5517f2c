// `meshlint explain <namespace>/<name> [paths...]`: the effective policy of one workload, read from
// the manifests under the paths (default: the current folder). Exit 0 when explained, 2 for a usage
// error or a name that names no workload, or several (the candidates are listed).
import { explainWorkload } from '../core/policy/explain';
import type { Ref } from '../core/policy/types';
import { loadView } from './workspace-view';
import { escapeForTerminal, escapeJsonForTerminal } from './escape';
import { formatExplain } from './format-explain';

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

interface ExplainArgs {
  namespace: string;
  name: string;
  kind?: string;
  paths: string[];
  port?: number;
  format: 'text' | 'json';
  config?: string;
}

function parse(argv: readonly string[]): ExplainArgs | { help: true } | { error: string } {
  const rest: string[] = [];
  const out: Partial<ExplainArgs> = { format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | undefined => argv[++i];
    if (a === '-h' || a === '--help') return { help: true };
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--port') {
      const v = value();
      if (v === undefined || !/^[0-9]+$/.test(v) || Number(v) > 65535) return { error: '--port needs a port number (0-65535)' };
      out.port = Number(v);
    } else if (a === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return { error: '--format must be text or json' };
      out.format = v;
    } else if (a === '--config') {
      const v = value();
      if (!v) return { error: '--config needs a file' };
      out.config = v;
    } else if (a === '--kind') {
      const v = value();
      if (!v) return { error: '--kind needs a kind' };
      out.kind = v;
    } else if (a.startsWith('--')) return { error: `unknown option ${a}` };
    else rest.push(a);
  }
  const target = rest.shift();
  const m = target ? /^([^/]+)\/([^/]+)$/.exec(target) : null;
  if (!m) return { error: 'name the workload as <namespace>/<name>' };
  return { ...out, namespace: m[1], name: m[2], paths: rest.length > 0 ? rest : ['.'] } as ExplainArgs;
}

/** Each line made safe for a terminal on its own, keeping the line breaks. */
function lines(text: string): string {
  return text.split('\n').map(escapeForTerminal).join('\n');
}

function refText(r: Ref): string {
  return `${r.kind} ${r.namespace ?? ''}/${r.name} (${r.location.uri}:${r.location.line + 1})`;
}

export function explainMain(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const args = parse(argv);
  if ('help' in args) {
    out.write(`${EXPLAIN_USAGE}\n`);
    return 0;
  }
  if ('error' in args) {
    err.write(`meshlint explain: ${args.error}\n\n${EXPLAIN_USAGE}\n`);
    return 2;
  }
  const { view, config } = loadView(args.paths, args.config, err, (p) =>
    err.write(escapeForTerminal(`meshlint: cannot read ${p.path}: ${p.message}`) + '\n'),
  );
  const outcome = explainWorkload(view, config, { namespace: args.namespace, name: args.name, kind: args.kind }, { port: args.port });
  if (args.format === 'json')
    out.write(`${escapeJsonForTerminal(JSON.stringify(outcome.kind === 'explained' ? outcome.policy : outcome, null, 2))}\n`);
  if (outcome.kind === 'explained') {
    if (args.format === 'text') out.write(lines(formatExplain(outcome.policy)) + '\n');
    return 0;
  }
  const what = `${args.namespace}/${args.name}${args.kind ? ` (${args.kind})` : ''}`;
  const head = outcome.kind === 'ambiguous' ? `${what} names several workloads:` : `no workload ${what} in ${args.paths.join(', ')}.`;
  const list = outcome.candidates.map((c) => `  ${refText(c)}`).join('\n');
  const hint = outcome.kind === 'ambiguous' ? '\nName one with --kind.' : '';
  err.write(
    lines(`meshlint explain: ${head}${list ? `${outcome.kind === 'ambiguous' ? '' : ' Did you mean:'}\n${list}` : ''}${hint}`) + '\n',
  );
  return 2;
}
