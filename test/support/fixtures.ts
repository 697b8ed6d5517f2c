// Reads rule fixtures: test/fixtures/rules/<rule-id>/{valid,invalid}/*.yaml, or for rules that need
// several files, directories test/fixtures/rules/<rule-id>/{valid,invalid}/<case>/ whose files are
// checked together as one workspace (a `.meshlint.yaml` there is its config). `# expect:` markers
// state where findings must start (syntax in test/fixtures/README.md). Fix outputs kept beside the
// fixtures (`*.fixed.yaml`, `*.fixes.txt`) are not fixtures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_DIR } from './engine';

export const FIXTURE_ROOT = path.join(PACKAGE_DIR, 'test', 'fixtures', 'rules');

export interface Fixture {
  file: string;
  text: string;
}

/** A YAML file that is a fixture, not a generated fix output. */
export function isFixtureFile(name: string): boolean {
  return /\.ya?ml$/.test(name) && !/\.fixed\.ya?ml$/.test(name);
}

/** Every rule id with a fixture directory. */
export function fixtureRuleIds(): string[] {
  return fs
    .readdirSync(FIXTURE_ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export function fixtures(ruleId: string, kind: 'valid' | 'invalid'): Fixture[] {
  const dir = path.join(FIXTURE_ROOT, ruleId, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(isFixtureFile)
    .sort()
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** One fixture case: a single file, or every YAML file of a case directory (a workspace). */
export interface FixtureCase {
  name: string;
  files: Fixture[];
}

export function fixtureCases(ruleId: string, kind: 'valid' | 'invalid'): FixtureCase[] {
  const dir = path.join(FIXTURE_ROOT, ruleId, kind);
  if (!fs.existsSync(dir)) return [];
  const cases: FixtureCase[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) cases.push({ name: full, files: yamlFilesUnder(full) });
    else if (isFixtureFile(entry.name)) cases.push({ name: full, files: [{ file: full, text: fs.readFileSync(full, 'utf8') }] });
  }
  return cases;
}

function yamlFilesUnder(dir: string): Fixture[] {
  const out: Fixture[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(full));
    else if (isFixtureFile(entry.name)) out.push({ file: full, text: fs.readFileSync(full, 'utf8') });
  }
  return out;
}

/** What one marker item asks for on one line: `count` findings, each at `col` and with `fragment` if given. */
export interface Expectation {
  line: number;
  ruleId: string;
  count: number;
  col?: number;
  fragment?: string;
}

const MARKER = /(?:^|\s)#\s*expect(?:\+(\d+))?:(.*)$/;
const OPTION = /x\d+|@col=\d+|"[^"]*"|'[^']*'/g;
const ITEM = new RegExp(`^\\s*([a-z0-9]+(?:-[a-z0-9]+)*)((?:\\s+(?:${OPTION.source}))*)\\s*(?:,|$)`);

/** Every expectation of a fixture text (all rules); a marker that does not parse throws. */
export function parseMarkers(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split('\n').forEach((lineText, i) => {
    const m = MARKER.exec(lineText);
    if (!m) return;
    const line = i + 1 + (m[1] === undefined ? 0 : Number(m[1]));
    let rest = m[2];
    if (rest.trim() === '') throw new Error(`line ${i + 1}: empty marker`);
    while (rest.trim() !== '') {
      const item = ITEM.exec(rest);
      if (!item) throw new Error(`line ${i + 1}: cannot read the marker at "${rest.trim()}"`);
      out.push({ line, ruleId: item[1], ...options(item[2], i + 1) });
      rest = rest.slice(item[0].length);
    }
  });
  return out;
}

function options(text: string, markerLine: number): { count: number; col?: number; fragment?: string } {
  const out: { count: number; col?: number; fragment?: string } = { count: 1 };
  for (const opt of text.match(OPTION) ?? []) {
    if (opt.startsWith('x')) out.count = Number(opt.slice(1));
    else if (opt.startsWith('@col=')) out.col = Number(opt.slice(5));
    else out.fragment = opt.slice(1, -1);
  }
  if (out.count < 1) throw new Error(`line ${markerLine}: a count must be at least 1`);
  return out;
}

/** The expectations of one rule. */
export function expectations(text: string, ruleId: string): Expectation[] {
  return parseMarkers(text).filter((e) => e.ruleId === ruleId);
}

/** A finding as the markers see it: where it starts (1-based) and what it says. */
export interface Reported {
  line: number;
  col: number;
  message: string;
}

/**
 * What differs between the expectations of one rule and its findings in one file: per line, the
 * counts must match exactly, and each stated column and fragment must be met by its own finding.
 */
export function markerMismatches(expected: readonly Expectation[], reported: readonly Reported[]): string[] {
  const problems: string[] = [];
  const lines = [...new Set([...expected.map((e) => e.line), ...reported.map((r) => r.line)])].sort((a, b) => a - b);
  for (const line of lines) {
    const want = expected.filter((e) => e.line === line);
    const got = reported.filter((r) => r.line === line);
    const show = got.map((r) => `@col=${r.col} "${r.message}"`).join('; ') || 'none';
    const count = want.reduce((n, e) => n + e.count, 0);
    if (count !== got.length) {
      problems.push(`line ${line}: expected ${count} finding(s), got ${got.length}: ${show}`);
      continue;
    }
    // The most constrained items pick first, so a loose item cannot take the finding a strict one needs.
    const free = [...got];
    const order = [...want].sort((a, b) => weight(b) - weight(a));
    for (const e of order) {
      for (let k = 0; k < e.count; k++) {
        const at = free.findIndex((r) => meets(e, r));
        if (at < 0) {
          const what = `${e.col === undefined ? '' : ` at @col=${e.col}`}${e.fragment === undefined ? '' : ` saying "${e.fragment}"`}`;
          problems.push(`line ${line}: no finding${what}; got ${show}`);
          break;
        }
        free.splice(at, 1);
      }
    }
  }
  return problems;
}

function meets(e: Expectation, r: Reported): boolean {
  return (e.col === undefined || r.col === e.col) && (e.fragment === undefined || r.message.includes(e.fragment));
}

function weight(e: Expectation): number {
  return (e.col === undefined ? 0 : 1) + (e.fragment === undefined ? 0 : 1);
}

/** Comments of a text, each with its own content, to prove a fix left every one in place. */
export function comments(text: string): string[] {
  return text
    .split('\n')
    .map((l) => /(^|\s)(#.*)$/.exec(l)?.[2])
    .filter((c): c is string => c !== undefined)
    .sort();
}
