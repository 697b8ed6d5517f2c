// Entry point of the `meshlint` command: files in, findings out, exit code for CI.
import * as fs from 'node:fs';
import { Engine } from '../core/engine';
import { SchemaRegistry } from '../core/schema';
import { DEFAULT_CONFIG } from '../core/config';
import { LineIndex } from '../core/line-index';
import { SEVERITY_ORDER, type Finding } from '../core/types';
import { loadSchemas, findPackageDir } from '../node/load-schemas';
import { parseArgs, UsageError, USAGE } from './args';
import { collectFiles } from './walk';

export interface FileReport {
  path: string;
  findings: (Finding & { line: number; column: number; endLine: number; endColumn: number })[];
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`meshlint: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    out.write('meshlint 0.1.0\n');
    return 0;
  }

  const engine = new Engine(new SchemaRegistry(loadSchemas(findPackageDir(__dirname))));
  const { files, problems } = collectFiles(args.paths);
  for (const p of problems) err.write(`meshlint: cannot read ${p.path}: ${p.message}\n`);
  const inputs: { path: string; text: string }[] = [];
  if (args.paths.includes('-')) inputs.push({ path: '<stdin>', text: await readStdin() });
  for (const f of files) {
    try {
      inputs.push({ path: f, text: fs.readFileSync(f, 'utf8') });
    } catch (e) {
      problems.push({ path: f, message: (e as Error).message });
      err.write(`meshlint: cannot read ${f}: ${(e as Error).message}\n`);
    }
  }

  const reports: FileReport[] = inputs.map(({ path, text }) => {
    const lines = new LineIndex(text);
    const findings = engine.analyze(text, DEFAULT_CONFIG).findings.map((f) => {
      const s = lines.position(f.start);
      const e = lines.position(f.end);
      return { ...f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
    });
    return { path, findings };
  });

  const all = reports.flatMap((r) => r.findings);
  const shown = (f: Finding): boolean => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[args.minSeverity];
  if (args.format === 'json') {
    out.write(`${JSON.stringify({ files: reports.map((r) => ({ path: r.path, findings: r.findings.filter(shown).map(({ fixes, ...rest }) => ({ ...rest, fixable: Boolean(fixes?.length) })) })) }, null, 2)}\n`);
  } else {
    for (const r of reports) for (const f of r.findings.filter(shown)) out.write(`${r.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}\n`);
    const count = (s: Finding['severity']): number => all.filter((f) => f.severity === s).length;
    const hidden = all.filter((f) => !shown(f)).length;
    out.write(`${inputs.length} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info${hidden ? ` (${hidden} below --min-severity ${args.minSeverity} not shown)` : ''}.\n`);
  }
  if (problems.length > 0) return 2;
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}
