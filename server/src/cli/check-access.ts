// `meshlint check-access`: indexes the manifests under the paths, then answers one query or runs an
// AccessTests file, printing text, JSON or SARIF; exit 0 evaluated/passed, 1 failed, 2 usage.
import { checkAccess, explainerFor } from '../core/access/model';
import { parseAccessTests } from '../core/access/tests-file';
import { runAccessTests } from '../core/access/run-tests';
import { UsageError } from './args';
import { CHECK_ACCESS_USAGE, parseCheckAccessArgs, parseClaims, type CheckAccessArgs } from './check-access-args';
import { formatAnswer, formatTestsText, testsJson, testsSarif } from './check-access-format';
import { readTextFile } from './read-text';
import { loadView, type LoadedView } from './workspace-view';
import { escapeForTerminal } from './escape';

const VERSION = '0.1.0';
const HOMEPAGE = 'https://github.com/meshlint/meshlint';

function readText(file: string): string {
  const read = readTextFile(file);
  if (!read.ok) throw new UsageError(`cannot read ${file}: ${read.message}`);
  return read.text;
}

function loadStrictView(args: CheckAccessArgs, err: NodeJS.WritableStream): LoadedView {
  return loadView(args.paths, args.config, err, (p) => {
    throw new UsageError(`cannot read ${p.path}: ${p.message}`);
  });
}

function single(args: CheckAccessArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const query = args.query;
  if (!query) throw new UsageError('give --from and --to (or --tests FILE)');
  if (args.jwtClaimsFile !== undefined) {
    query.request = { ...query.request, jwtClaims: parseClaims(readText(args.jwtClaimsFile), args.jwtClaimsFile) };
  }
  const { view, config } = loadStrictView(args, err);
  const result = checkAccess(view, config, query);
  if ('error' in result) {
    err.write(escapeForTerminal(`meshlint: ${result.error}`) + '\n');
    return 2;
  }
  out.write(args.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatAnswer(query, result));
  if (!args.expect) return 0;
  return result.verdict === args.expect ? 0 : 1;
}

function tests(args: CheckAccessArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const file = args.tests ?? '';
  const parsed = parseAccessTests(file, readText(file));
  if (parsed.tests.length === 0 && parsed.problems.length === 0) throw new UsageError(`${file} holds no AccessTests document with tests`);
  const { view, config } = loadStrictView(args, err);
  const results = runAccessTests(explainerFor(view, config), parsed);
  if (args.format === 'json') out.write(testsJson(results));
  else if (args.format === 'sarif') out.write(testsSarif(results, VERSION, HOMEPAGE));
  else out.write(formatTestsText(results));
  return results.every((r) => r.passed) ? 0 : 1;
}

export function checkAccessMain(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  try {
    const args = parseCheckAccessArgs(argv);
    if (args.help) {
      out.write(`${CHECK_ACCESS_USAGE}\n`);
      return 0;
    }
    return args.tests !== undefined ? tests(args, out, err) : single(args, out, err);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`meshlint check-access: ${escapeForTerminal(e.message)}\n\n${CHECK_ACCESS_USAGE}\n`);
    return 2;
  }
}
