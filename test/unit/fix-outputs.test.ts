// Every quick fix on every fixture (valid and invalid, of every rule), applied alone, brings no new
// error or warning anywhere in the case, and what it writes matches the reviewed output kept beside
// the fixture (`<name>.fixes.txt`); so does what `meshlint --fix` writes (`<name>.fixed.yaml`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { lineCol } from '../support/engine';
import { FIXTURE_ROOT } from '../support/fixtures';
import { fixAllIntroduced } from '../support/fix-outputs';
import { allFixtureCases, caseOutputs, outputFilesOnDisk, readIfPresent } from '../support/fix-output-files';

const UPDATE = 'run `npm run fixtures:update` and review the diff';
const cases = allFixtureCases();
const wanted = new Set<string>();

for (const fc of cases) {
  const name = path.relative(FIXTURE_ROOT, fc.name);
  test(`fix outputs: ${name}`, () => {
    const { runs, expected } = caseOutputs(fc);
    for (const r of runs) {
      const at = lineCol(fc.files.find((f) => f.file === r.file)?.text ?? '', r.finding.start);
      const where = `${path.relative(FIXTURE_ROOT, r.file)}:${at.line}:${at.col}`;
      assert.deepEqual(r.introduced, [], `${where}: the fix "${r.fix.title}" of ${r.finding.ruleId} brings new errors or warnings`);
    }
    assert.deepEqual(fixAllIntroduced(fc), [], `${name}: \`meshlint --fix\` brings new errors or warnings`);
    const stale: string[] = [];
    for (const [file, text] of expected) {
      if (text !== null) wanted.add(file);
      const rel = path.relative(FIXTURE_ROOT, file);
      const onDisk = readIfPresent(file);
      if (onDisk === text) continue;
      if (text === null) stale.push(`${rel} belongs to no fix any more`);
      else if (onDisk === null) stale.push(`${rel} is missing`);
      else stale.push(`${rel} differs from what the fixes write now`);
      if (text !== null && onDisk !== null) assert.equal(onDisk, text, `${stale.join('; ')}: ${UPDATE}`);
    }
    assert.deepEqual(stale, [], UPDATE);
  });
}

test('every fix output file belongs to a fixture file', () => {
  const fixtureFiles = new Set(cases.flatMap((fc) => fc.files.map((f) => f.file.replace(/\.ya?ml$/, ''))));
  const orphans = outputFilesOnDisk().filter((f) => !fixtureFiles.has(f.replace(/\.fixed\.ya?ml$|\.fixes\.txt$/, '')));
  assert.deepEqual(
    orphans.map((f) => path.relative(FIXTURE_ROOT, f)),
    [],
    `output files without a fixture: ${UPDATE}`,
  );
  assert.ok(wanted.size > 0 || cases.length === 0, 'the fixtures produce fix outputs');
});
