// "Fix all" (the editor's source.fixAll.meshlint and `meshlint --fix`) on every invalid fixture:
// the safe fixes applied together leave valid YAML, keep every comment, and converge, with no
// safe fix left to apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, collectSafeEdits } from '../../server/src/core/fix-all';
import { analyze } from '../support/engine';
import { FIXTURE_ROOT, comments, isFixtureFile } from '../support/fixtures';

const files = fs
  .readdirSync(FIXTURE_ROOT)
  .flatMap((rule) => {
    const dir = path.join(FIXTURE_ROOT, rule, 'invalid');
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter(isFixtureFile)
          .map((f) => path.join(dir, f))
      : [];
  })
  .sort();

for (const file of files) {
  const name = path.relative(FIXTURE_ROOT, file);
  const original = fs.readFileSync(file, 'utf8');
  if (collectSafeEdits(analyze(original)).length === 0) continue;

  test(`fix all: ${name}`, () => {
    let text = original;
    // Overlapping fixes wait for the next round, as `meshlint --fix` does; a few rounds suffice.
    for (let round = 0; round < 5; round++) {
      const edits = collectSafeEdits(analyze(text));
      if (edits.length === 0) break;
      text = applyEdits(text, edits);
    }
    const after = analyze(text);
    assert.deepEqual(
      after.filter((f) => f.ruleId === 'yaml-syntax').map((f) => f.message),
      [],
      'the result parses',
    );
    assert.deepEqual(
      after.filter((f) => f.fixes?.some((x) => x.safe)).map((f) => `${f.ruleId}: ${f.message}`),
      [],
      'no safe fix is left',
    );
    for (const c of comments(original)) assert.ok(text.includes(c), `comment kept: ${c}`);
  });
}
