// `meshlint explain <namespace>/<name> [paths...]`: the effective policy of one workload, read from
// the manifests under the paths (default: the current folder). Exit 0 when explained, 2 for a usage
// error or a name that names no workload, or several (the candidates are listed).
import { explainWorkload } from '../core/policy/explain';
import type { Ref } from '../core/policy/types';
import { loadView } from './workspace-view';
import { escapeForTerminal, escapeJsonForTerminal } from './escape';
import { formatExplain } from './format-explain';
import { EXPLAIN_USAGE, parseExplainArgs, type ExplainArgs } from './explain-args';
import { UsageError } from './options';

/** Each line made safe for a terminal on its own, keeping the line breaks. */
function lines(text: string): string {
  return text.split('\n').map(escapeForTerminal).join('\n');
}

function refText(r: Ref): string {
  return `${r.kind} ${r.namespace ?? ''}/${r.name} (${r.location.uri}:${r.location.line + 1})`;
}

export function explainMain(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  let args: ExplainArgs;
  try {
    args = parseExplainArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`meshlint explain: ${escapeForTerminal(e.message)}\n\n${EXPLAIN_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    out.write(`${EXPLAIN_USAGE}\n`);
    return 0;
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
