// Entry point of the `meshlint` command: files in, findings out, exit code for CI.
import * as fs from 'node:fs';
import { Engine } from '../core/engine';
import { SchemaRegistry } from '../core/schema';
import { allRuleMetas } from '../core/rules/index';
import { SEVERITY_ORDER } from '../core/types';
import { loadSchemas, findPackageDir } from '../node/load-schemas';
import { parseArgs, UsageError, USAGE } from './args';
import { collectFiles } from './walk';
import { lintTexts, fixText, type Input } from './lint';
import { locateFindings, type FileReport, type Located } from './report';
import { formatText } from './format-text';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { loadWorkspace, withWorkspaceFindings } from './workspace';
import { decodeText, encodeText, type DecodedText } from '../node/text-file';

const VERSION = '0.1.0';
const HOMEPAGE = 'https://github.com/meshlint/meshlint';
const DOCS_BASE = `${HOMEPAGE}/blob/main/docs/rules`;

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(decodeText(Buffer.concat(chunks)).text));
    process.stdin.on('error', reject);
  });
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`meshlint: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    out.write(`meshlint ${VERSION}\n`);
    return 0;
  }

  // No size limit here: the editor skips very large files and sends people to this command.
  const engine = new Engine(new SchemaRegistry(loadSchemas(findPackageDir(__dirname))), { maxFileLength: Infinity });
  const workspace = loadWorkspace(args.paths, args.config);
  const config = workspace.config;
  const collected = collectFiles(args.paths);
  const problems = workspace.problem ? [workspace.problem, ...collected.problems] : collected.problems;
  const files = collected.files.filter((f) => workspace.keep(f, args.paths.includes(f)));
  const inputs: Input[] = [];
  /** How each file was encoded, so --fix writes it back the same way. */
  const decoded = new Map<Input, DecodedText>();
  if (args.paths.includes('-')) inputs.push({ path: '<stdin>', text: await readStdin() });
  for (const f of files) {
    try {
      const file = decodeText(fs.readFileSync(f));
      const input = { path: f, text: file.text };
      inputs.push(input);
      decoded.set(input, file);
    } catch (e) {
      problems.push({ path: f, message: (e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message });
    }
  }
  for (const p of problems) err.write(`meshlint: cannot read ${p.path}: ${p.message}\n`);

  if (args.fix) {
    for (const input of inputs) {
      const file = decoded.get(input);
      if (!file) continue; // standard input
      const { text: fixed, refused } = fixText(engine, input.text, config);
      if (refused) err.write(`meshlint: ${input.path}: fixes not written, ${refused}\n`);
      if (fixed === input.text) continue;
      if (!file.exact) {
        problems.push({ path: input.path, message: 'not valid UTF-8' });
        err.write(`meshlint: ${input.path}: not valid UTF-8, so its fixes were not written\n`);
        continue;
      }
      try {
        fs.writeFileSync(input.path, encodeText(fixed, file.bom));
        input.text = fixed;
      } catch (e) {
        problems.push({ path: input.path, message: (e as Error).message });
        err.write(`meshlint: cannot write ${input.path}: ${(e as Error).message}\n`);
      }
    }
  }

  const linted = withWorkspaceFindings(lintTexts(engine, inputs, config), workspace);
  const reports: FileReport[] = linted.map((l) => ({ path: l.path, findings: locateFindings(l.text, l.findings) }));
  const shown = (f: Located): boolean => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[args.minSeverity];
  if (args.format === 'json') out.write(formatJson(reports, shown));
  else if (args.format === 'sarif') out.write(formatSarif(reports, allRuleMetas(), shown, { version: VERSION, homepage: HOMEPAGE, docsBase: DOCS_BASE, root: process.cwd() }));
  else out.write(formatText(reports, shown, args.minSeverity));

  if (problems.length > 0) return 2;
  const all = reports.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    if (args.format === 'text') err.write(`meshlint: ${warnings} warning(s), more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
