// Reads rule fixtures: test/fixtures/rules/<rule-id>/{valid,invalid}/*.yaml. In invalid fixtures a
// comment `# expect: <rule-id>[, <rule-id>]` marks each line where a finding must start.
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
