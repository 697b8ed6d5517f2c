// Every rule ships complete: a docs page, invalid fixtures that fire exactly as marked (line, count,
// column, message), valid fixtures that stay quiet, and (when it has fixes) fixes that parse, remove
// the finding and change nothing but the edited range. And the registry is complete: every rule
// file is registered under its file name, and rule folders hold rule files only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { allRuleMetas, DOCUMENT_RULES } from '../../server/src/core/rules/index';
import { WORKSPACE_RULES } from '../../server/src/core/workspace/workspace-rules';
import type { RuleMeta } from '../../server/src/core/rules/lib/rule';
import { applyEdits } from '../../server/src/core/fix-all';
import { lineCol, PACKAGE_DIR } from '../support/engine';
import { fixtureCases, fixtureRuleIds, expectations, markerMismatches, comments } from '../support/fixtures';
import { withText } from '../support/fix-outputs';
import { analyzeWorkspace } from '../support/workspace';
import type { Finding } from '../../server/src/core/types';

/** Ids whose trigger cannot live in a fixture file, each with the test that covers it instead. */
const NO_FIXTURES: Record<string, string> = {
  'file-too-large': 'engine.test.ts: "files above the size limit get one info finding"',
  'check-partial': 'test/lsp/limits.test.ts: the language server publishes it when a check runs out of its time budget',
};

const metas = allRuleMetas();

test('rule ids are unique kebab-case', () => {
  const ids = metas.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

/** Folders of rule files (one rule per file, named for its id), each with its registry and what else may live there. */
const RULE_FOLDERS: { dir: string; registered: readonly { meta: RuleMeta }[]; others: string[] }[] = [
  { dir: 'server/src/core/rules', registered: DOCUMENT_RULES, others: ['index.ts', 'lib'] },
  { dir: 'server/src/core/workspace/rules', registered: WORKSPACE_RULES, others: [] },
];

for (const { dir, registered, others } of RULE_FOLDERS) {
  test(`${dir}: every file is a rule named for its id and registered; every registered rule has its file`, () => {
    const problems: string[] = [];
    const fromFiles = new Set<unknown>();
    for (const name of fs
      .readdirSync(path.join(PACKAGE_DIR, dir))
      .filter((n) => !others.includes(n))
      .sort()) {
      if (!name.endsWith('.ts')) {
        problems.push(`${name}: only rule files belong here (helpers go to rules/lib/)`);
        continue;
      }
      // The compiled module beside this test's own output: the object the registry holds. A dynamic
      // path, so it cannot be a static import.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(__dirname, '..', '..', dir, name.replace(/\.ts$/, '.js'))) as { rule?: { meta?: RuleMeta } };
      const id = name.slice(0, -3);
      if (!mod.rule?.meta) problems.push(`${name}: exports no rule (helpers go to rules/lib/)`);
      else {
        fromFiles.add(mod.rule);
        if (mod.rule.meta.id !== id) problems.push(`${name}: meta.id is ${mod.rule.meta.id}, not the file name`);
        if (!registered.includes(mod.rule as { meta: RuleMeta })) problems.push(`${name}: the rule ${id} is not registered`);
      }
    }
    for (const r of registered) {
      if (!fromFiles.has(r)) problems.push(`${r.meta.id} is registered but not exported by ${dir}/${r.meta.id}.ts`);
    }
    assert.deepEqual(problems, []);
  });
}

test('no rule file imports another rule file or the registry (shared code lives in rules/lib/)', () => {
  const ruleDirs = RULE_FOLDERS.map((f) => path.join(PACKAGE_DIR, f.dir));
  const problems: string[] = [];
  for (const { dir, others } of RULE_FOLDERS) {
    const abs = path.join(PACKAGE_DIR, dir);
    for (const name of fs.readdirSync(abs).filter((n) => n.endsWith('.ts') && !others.includes(n))) {
      const imports = ts.preProcessFile(fs.readFileSync(path.join(abs, name), 'utf8'), true, true).importedFiles.map((f) => f.fileName);
      for (const spec of imports.filter((s) => s.startsWith('.'))) {
        if (ruleDirs.includes(path.dirname(path.resolve(abs, spec)))) problems.push(`${dir}/${name} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('every fixture folder belongs to a rule id', () => {
  const ids = new Set(metas.map((m) => m.id));
  assert.deepEqual(
    fixtureRuleIds().filter((id) => !ids.has(id)),
    [],
  );
});

for (const meta of metas) {
  test(`${meta.id}: docs page`, () => {
    const page = path.join(PACKAGE_DIR, 'docs', 'rules', `${meta.id}.md`);
    assert.ok(fs.existsSync(page), `missing ${page}`);
    const body = fs.readFileSync(page, 'utf8');
    assert.ok(body.startsWith(`# ${meta.id}\n`), 'the page title is the rule id');
    for (const heading of ['## What it flags', '## Why it matters for zero trust', '## How to fix'])
      assert.ok(body.includes(heading), `${meta.id}.md lacks "${heading}"`);
  });

  if (NO_FIXTURES[meta.id]) continue;

  test(`${meta.id}: invalid fixtures fire exactly as marked`, () => {
    const bad = fixtureCases(meta.id, 'invalid');
    assert.ok(bad.length > 0, `no invalid fixtures for ${meta.id}`);
    for (const fc of bad) {
      const results = analyzeWorkspace(fc.files);
      const marked = fc.files.reduce((n, fx) => n + expectations(fx.text, meta.id).length, 0);
      assert.ok(marked > 0, `${fc.name} marks no line with "# expect: ${meta.id}"`);
      for (const fx of fc.files) {
        const reported = (results.get(fx.file) ?? [])
          .filter((f) => f.ruleId === meta.id)
          .map((f) => ({ ...lineCol(fx.text, f.start), message: f.message }));
        const mismatches = markerMismatches(expectations(fx.text, meta.id), reported);
        assert.deepEqual(mismatches, [], `${fx.file}: findings of ${meta.id} against its markers`);
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
      const count = (results: Map<string, Finding[]>): number =>
        [...results.values()].reduce((n, fs) => n + fs.filter((f) => f.ruleId === meta.id).length, 0);
      for (const fx of fc.files) {
        for (const finding of (before.get(fx.file) ?? []).filter((f) => f.ruleId === meta.id)) {
          for (const fix of finding.fixes ?? []) {
            fixesSeen++;
            const after = applyEdits(fx.text, fix.edits);
            const res = analyzeWorkspace(withText(fc, fx.file, after));
            const own = res.get(fx.file) ?? [];
            assert.deepEqual(
              own.filter((f) => f.ruleId === 'yaml-syntax').map(describe(after)),
              [],
              `${fx.file}: "${fix.title}" breaks the YAML`,
            );
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
