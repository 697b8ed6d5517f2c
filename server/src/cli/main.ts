// Entry point of the `meshlint` command: files in, findings out, exit code for CI.
import { Engine } from '../core/engine';
import { allRuleMetas } from '../core/rules/index';
import { SEVERITY_ORDER } from '../core/types';
import { findPackageDir, loadUpstreamReleases } from '../node/load-schemas';
import { loadRegistry } from './crds';
import { parseArgs, UsageError, USAGE } from './args';
import { collectFiles } from './walk';
import { cliEngineOptions, fixText, repeatedDocuments, type Input, type Linted } from './lint';
import { EarlyWorkers, jobsFromEnv, lintAll } from './parallel';
import { type FileReport, type Located } from './report';
import { formatText } from './format-text';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { loadWorkspace } from './workspace';
import { checkAccessMain } from './check-access';
import { encodeText, type DecodedText } from '../node/text-file';
import { readTextFile, textOfBytes } from './read-text';
import { readStreamUpTo, type FileIdentity } from './read-file';
import { writeFixedFile } from './write-file';
import { escapeForTerminal } from './escape';
import { explainMain } from './explain';
import { isJsonPath, keptAsManifest } from './json-input';
import { overlayReports, renderOverlays, withOverlayWorkspace } from './kustomize';
import { overlayDirOf } from '../node/kustomize-render';

const VERSION = '0.1.0';
const HOMEPAGE = 'https://github.com/meshlint/meshlint';
const DOCS_BASE = `${HOMEPAGE}/blob/main/docs/rules`;

export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  // Subcommands are recognised only as the first argument (a folder of that name: ./explain).
  if (argv[0] === 'explain') return explainMain(argv.slice(1), out, err);
  let args;
  // A subcommand only as the first argument (a folder of that name: ./check-access).
  if (argv[0] === 'check-access') return checkAccessMain(argv.slice(1), out, err);
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
    const upstream = loadUpstreamReleases(findPackageDir(__dirname));
    out.write(`meshlint ${VERSION}\nbuilt-in schemas: Istio ${upstream.istio}, cert-manager ${upstream.certManager}\n`);
    return 0;
  }

  // A kustomization file named on the command line means its overlay.
  const overlayDirs = [...args.kustomize, ...args.paths.flatMap((p) => overlayDirOf(p) ?? [])];
  args.paths = args.paths.filter((p) => overlayDirOf(p) === undefined);
  const workspace = loadWorkspace([...args.paths, ...overlayDirs], args.config);
  if (args.noInlineConfig) workspace.config = { ...workspace.config, noInlineConfig: true };
  const config = workspace.config;
  const collected = collectFiles(args.paths);
  const problems = workspace.problem ? [workspace.problem, ...collected.problems] : collected.problems;
  const files = collected.files.filter((f) => workspace.keep(f, args.paths.includes(f)));
  const inputs: Input[] = [];
  /** How each file was encoded, so --fix writes it back the same way. */
  const decoded = new Map<Input, DecodedText>();
  /** Which file each was, so --fix writes only to the file it read. */
  const identities = new Map<Input, FileIdentity>();
  if (args.paths.includes('-')) {
    const stdin = await readStreamUpTo(process.stdin);
    const text = stdin.ok ? textOfBytes(stdin.bytes) : stdin;
    if (!text.ok) problems.push({ path: '<stdin>', message: text.message });
    else inputs.push({ path: '<stdin>', text: text.text });
  }
  const jobs = jobsFromEnv();
  // Workers start loading while the files are read; the run ends those it does not use.
  const early = new EarlyWorkers(jobs, files.length + inputs.length);
  let linted: Linted[];
  let overlays: ReturnType<typeof renderOverlays>;
  // Whatever fails before the run, the early workers end with it (a caller that stays alive, such as a test, keeps no threads).
  try {
    for (const f of files) {
      const read = readTextFile(f);
      if (!read.ok) {
        problems.push({ path: f, message: read.message });
        continue;
      }
      if (!keptAsManifest(f, read.text, args.paths.includes(f))) continue;
      const input = { path: f, text: read.text };
      early.read(input.text);
      inputs.push(input);
      decoded.set(input, read.decoded);
      if (read.identity) identities.set(input, read.identity);
    }
    overlays = renderOverlays([...overlayDirs, ...(workspace.kustomize ?? [])], problems);
    inputs.push(...overlays.map((o) => o.input));
    // Built once the checked files are read: CRDs among them count too.
    const crds = loadRegistry([...workspace.crds, ...args.crds], inputs);
    problems.push(...crds.problems);
    for (const n of crds.notes) err.write(escapeForTerminal(`meshlint: ${n}`) + '\n');
    const repeated = args.fix ? new Set<string>() : repeatedDocuments(inputs);
    const engine = new Engine(crds.registry, cliEngineOptions(args.fix, repeated));
    for (const s of collected.skipped) err.write(escapeForTerminal(`meshlint: skipped ${s.path}: ${s.message}`) + '\n');
    for (const p of problems) err.write(escapeForTerminal(`meshlint: cannot read ${p.path}: ${p.message}`) + '\n');

    if (args.fix) {
      for (const input of inputs) {
        const file = decoded.get(input);
        const identity = identities.get(input);
        if (!file || !identity || isJsonPath(input.path)) continue; // standard input; JSON (fixes are YAML edits)
        const { text: fixed, refused: unsafe } = fixText(engine, input.text, config);
        if (unsafe !== undefined) {
          // The fixed text failed the fix contract (docs/fixes.md): the file stays as it is.
          err.write(escapeForTerminal(`meshlint: ${input.path}: fixes not written, ${unsafe}`) + '\n');
          continue;
        }
        if (fixed === input.text) continue;
        if (!file.exact) {
          problems.push({ path: input.path, message: 'not valid UTF-8' });
          err.write(escapeForTerminal(`meshlint: ${input.path}: not valid UTF-8, so its fixes were not written`) + '\n');
          continue;
        }
        const refused = writeFixedFile(input.path, encodeText(fixed, file.bom, file.encoding), identity, args.paths);
        if (refused === undefined) {
          input.text = fixed;
        } else {
          problems.push({ path: input.path, message: refused });
          err.write(escapeForTerminal(`meshlint: cannot write ${input.path}: ${refused}`) + '\n');
        }
      }
    }

    linted = withOverlayWorkspace(
      await lintAll(engine, inputs, config, { crdTexts: crds.texts, repeated, err, jobs, workers: early.pool }),
      workspace,
      overlays,
    );
  } finally {
    early.pool.close();
  }
  const reports: FileReport[] = overlayReports(linted, overlays);
  const shown = (f: Located): boolean => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[args.minSeverity];
  if (args.format === 'json') out.write(formatJson(reports, shown));
  else if (args.format === 'sarif')
    out.write(
      formatSarif(reports, allRuleMetas(), shown, { version: VERSION, homepage: HOMEPAGE, docsBase: DOCS_BASE, root: process.cwd() }),
    );
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
