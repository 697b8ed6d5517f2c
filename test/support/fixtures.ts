// Reads rule fixtures: test/fixtures/rules/<rule-id>/{valid,invalid}/*.yaml, or for rules that need
// several files, directories test/fixtures/rules/<rule-id>/{valid,invalid}/<case>/ whose files are
// checked together as one workspace (a `.meshlint.yaml` there is its config). In invalid fixtures a
// comment `# expect: <rule-id>[, <rule-id>]` marks each line where a finding must start, in any file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_DIR } from './engine';

export const FIXTURE_ROOT = path.join(PACKAGE_DIR, 'test', 'fixtures', 'rules');

export interface Fixture {
  file: string;
  text: string;
}

export function fixtures(ruleId: string, kind: 'valid' | 'invalid'): Fixture[] {
  const dir = path.join(FIXTURE_ROOT, ruleId, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
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
    else if (/\.ya?ml$/.test(entry.name)) cases.push({ name: full, files: [{ file: full, text: fs.readFileSync(full, 'utf8') }] });
  }
  return cases;
}

function yamlFilesUnder(dir: string): Fixture[] {
  const out: Fixture[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push({ file: full, text: fs.readFileSync(full, 'utf8') });
  }
  return out;
}

/** 1-based line numbers that expect a finding of `ruleId`. */
export function expectedLines(text: string, ruleId: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /#\s*expect:\s*([a-z0-9-,\s]+)$/.exec(line);
    if (m && m[1].split(',').map((s) => s.trim()).includes(ruleId)) out.push(i + 1);
  });
  return out;
}

/** Comments of a text, each with its own content, to prove a fix left every one in place. */
export function comments(text: string): string[] {
  return text
    .split('\n')
    .map((l) => /(^|\s)(#.*)$/.exec(l)?.[2])
    .filter((c): c is string => c !== undefined)
    .sort();
}
