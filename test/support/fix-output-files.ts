// Every fix output the fixtures call for, next to the ones on disk: what the fix-output test
// compares and what scripts/update-fix-outputs.mjs writes and deletes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE_ROOT, fixtureCases, fixtureRuleIds, type FixtureCase } from './fixtures';
import { fixAllText, fixRuns, renderOutputs, type FixRun } from './fix-outputs';

export interface CaseOutputs {
  fc: FixtureCase;
  runs: FixRun[];
  /** Output path to its expected content; null where no output file belongs. */
  expected: Map<string, string | null>;
}

export function allFixtureCases(): FixtureCase[] {
  return fixtureRuleIds().flatMap((id) => [...fixtureCases(id, 'invalid'), ...fixtureCases(id, 'valid')]);
}

export function caseOutputs(fc: FixtureCase): CaseOutputs {
  const runs = fixRuns(fc);
  const expected = new Map<string, string | null>();
  for (const fx of fc.files) for (const [file, text] of renderOutputs(fx, runs, fixAllText(fc, fx))) expected.set(file, text);
  return { fc, runs, expected };
}

/** Output files on disk (`*.fixed.yaml`, `*.fixes.txt`) anywhere under the rule fixtures. */
export function outputFilesOnDisk(dir = FIXTURE_ROOT): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...outputFilesOnDisk(full));
    else if (/\.fixed\.ya?ml$|\.fixes\.txt$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

export function readIfPresent(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}
