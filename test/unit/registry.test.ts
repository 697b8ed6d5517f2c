// Every rule ships complete: a docs page, invalid fixtures that fire exactly where marked, valid
// fixtures that stay quiet, and (when it has fixes) fixes that parse, remove the finding and
// change nothing but the edited range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { applyEdits } from '../../server/src/core/fix-all';
import { lineCol, PACKAGE_DIR } from '../support/engine';
import { fixtureCases, expectedLines, comments, type FixtureCase } from '../support/fixtures';
import { analyzeWorkspace } from '../support/workspace';
import type { Finding } from '../../server/src/core/types';

/** Ids whose trigger cannot live in a fixture file, each with the test that covers it instead. */
const NO_FIXTURES: Record<string, string> = {
  'file-too-large': 'engine.test.ts: "files above the size limit get one info finding"',
};

const metas = allRuleMetas();

test('rule ids are unique kebab-case', () => {
  const ids = metas.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

for (const meta of metas) {
  test(`${meta.id}: docs page`, () => {
    const page = path.join(PACKAGE_DIR, 'docs', 'rules', `${meta.id}.md`);
    assert.ok(fs.existsSync(page), `missing ${page}`);
    const body = fs.readFileSync(page, 'utf8');
    assert.ok(body.startsWith(`# ${meta.id}\n`), 'the page title is the rule id');
    for (const heading of ['## What it flags', '## Why it matters for zero trust', '## How to fix']) assert.ok(body.includes(heading), `${meta.id}.md lacks "${heading}"`);
  });

  if (NO_FIXTURES[meta.id]) continue;

  test(`${meta.id}: invalid fixtures fire exactly on the marked lines`, () => {
    const bad = fixtureCases(meta.id, 'invalid');
    assert.ok(bad.length > 0, `no invalid fixtures for ${meta.id}`);
    for (const fc of bad) {
      const results = analyzeWorkspace(fc.files);
      const marked = fc.files.reduce((n, fx) => n + expectedLines(fx.text, meta.id).length, 0);
      assert.ok(marked > 0, `${fc.name} marks no line with "# expect: ${meta.id}"`);
      for (const fx of fc.files) {
        const lines = (results.get(fx.file) ?? []).filter((f) => f.ruleId === meta.id).map((f) => lineCol(fx.text, f.start).line);
        assert.deepEqual([...new Set(lines)].sort((a, b) => a - b), expectedLines(fx.text, meta.id), `${fx.file}: finding lines`);
      }
    }
  });

  test(`${meta.id}: valid fixtures stay quiet`, () => {
    const good = fixtureCases(meta.id, 'valid');
    assert.ok(good.length > 0, `no valid fixtures for ${meta.id}`);
    for (const fc of good) {
      const results = analyzeWorkspace(fc.files);
      for (const fx of fc.files) {
        const loud = (results.get(fx.file) ?? []).filter((f) => f.ruleId === meta.id || f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(loud.map(describe(fx.text)), [], `${fx.file} should be clean`);
      }
    }
  });

  if (!meta.fixable) continue;

  test(`${meta.id}: every fix parses, removes its finding and changes nothing else`, () => {
    let fixesSeen = 0;
    for (const fc of fixtureCases(meta.id, 'invalid')) {
      const before = analyzeWorkspace(fc.files);
      const count = (results: Map<string, Finding[]>): number => [...results.values()].reduce((n, fs) => n + fs.filter((f) => f.ruleId === meta.id).length, 0);
      for (const fx of fc.files) {
        for (const finding of (before.get(fx.file) ?? []).filter((f) => f.ruleId === meta.id)) {
          for (const fix of finding.fixes ?? []) {
            fixesSeen++;
            const after = applyEdits(fx.text, fix.edits);
            const res = analyzeWorkspace(withText(fc, fx.file, after));
            const own = res.get(fx.file) ?? [];
            assert.deepEqual(own.filter((f) => f.ruleId === 'yaml-syntax').map(describe(after)), [], `${fx.file}: "${fix.title}" breaks the YAML`);
            assert.equal(count(res), count(before) - 1, `${fx.file}: "${fix.title}" should remove exactly its finding`);
            assertOnlyEditedRangeChanged(fx.text, after, fix.edits);
            for (const c of comments(fx.text)) assert.ok(after.includes(c), `${fx.file}: "${fix.title}" lost the comment ${c}`);
          }
        }
      }
    }
    assert.ok(fixesSeen > 0, `${meta.id} is fixable but no invalid fixture offers a fix`);
  });
}

/** The case's files with one of them replaced by new text. */
function withText(fc: FixtureCase, file: string, text: string): { file: string; text: string }[] {
  return fc.files.map((f) => (f.file === file ? { file, text } : f));
}

function describe(text: string): (f: Finding) => string {
  return (f) => `${f.ruleId}@${lineCol(text, f.start).line}:${lineCol(text, f.start).col} ${f.message}`;
}

/** Outside the union of edit ranges, the texts must be byte-for-byte equal. */
function assertOnlyEditedRangeChanged(before: string, after: string, edits: { start: number; end: number; newText: string }[]): void {
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.map((e) => e.end));
  const growth = edits.reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
  assert.equal(after.slice(0, start), before.slice(0, start), 'text before the edit is unchanged');
  assert.equal(after.slice(end + growth), before.slice(end), 'text after the edit is unchanged');
}
