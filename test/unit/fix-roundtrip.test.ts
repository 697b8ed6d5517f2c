// Round trip of every offered fix over every rule fixture and example, each restyled in several
// ways (test/support/restyle.ts): a single quick fix, "fix all" and `meshlint --fix` must each leave
// a text that parses, holds the same documents, keeps comments and other values, and (for a quick
// fix) no longer reports the finding. Deterministic: every file meets every style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, collectSafeEdits } from '../../server/src/core/fix-all';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import type { Finding, TextEdit } from '../../server/src/core/types';
import { fixText } from '../../server/src/cli/lint';
import { analyzeDocument } from '../../server/src/core/analyze-document';
import { splitDocuments } from '../../server/src/core/split';
import { shiftFinding } from '../../server/src/core/types';
import { newEngine, PACKAGE_DIR } from '../support/engine';
import { RESTYLES } from '../support/restyle';
import { fixedTextProblem } from '../support/fix-oracle';
import { yamlFilesUnder } from '../support/yaml-files';

const FIXTURES = path.join(PACKAGE_DIR, 'test', 'fixtures', 'rules');
const files = [
  ...fs.readdirSync(FIXTURES).flatMap((rule) => yamlFilesUnder(path.join(FIXTURES, rule, 'invalid'))),
  ...yamlFilesUnder(path.join(PACKAGE_DIR, 'examples')),
].sort();

const engine = newEngine();
const findingsOf = (text: string): Finding[] => engine.analyze(text, DEFAULT_CONFIG).findings;

/** Findings with the fixes as the rules built them, before the verifier (fix-verify.ts) filters them. */
function unverifiedFindings(text: string): Finding[] {
  const deps = { schemas: engine.schemas, rules: engine.rules, config: DEFAULT_CONFIG, verifyFixes: false };
  return splitDocuments(text).flatMap((d) => analyzeDocument(d.text, deps).findings.map((f) => shiftFinding(f, d.start)));
}
/** Fixes applied per style, to show that every style really exercised fixes. */
const applied = new Map<string, number>(Object.keys(RESTYLES).map((s) => [s, 0]));

/** Edits inside the text and apart from each other: then every byte between them is kept. */
function editsProblem(text: string, edits: readonly TextEdit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (e.start < 0 || e.end > text.length || e.end < e.start) return `edit ${e.start}-${e.end} is outside the text`;
    if (i > 0 && e.start < sorted[i - 1].end) return 'two edits overlap';
  }
  return undefined;
}

const count = (fs2: readonly Finding[], f: Finding): number => fs2.filter((x) => x.ruleId === f.ruleId && x.message === f.message).length;

/**
 * Fixes a style may lose: none is offered through an alias (by design), and entries are added to
 * block mappings only.
 */
const MAY_LOSE: Record<string, (title: string) => boolean> = {
  'anchors and aliases': () => true,
  'flow maps': (title) => title === 'Redirect HTTP to HTTPS',
  'flow lists': (title) => title === 'Redirect HTTP to HTTPS',
};

/** Titles of the fixes offered, sorted, to compare one style's offer with the file as written. */
const offered = (findings: readonly Finding[]): string[] =>
  findings.flatMap((f) => (f.fixes ?? []).map((x) => `${f.ruleId}: ${x.title}`)).sort();

function lostFixes(asWritten: readonly string[], now: readonly string[], style: string): string[] {
  const left = [...now];
  const lost: string[] = [];
  for (const t of asWritten) {
    const i = left.indexOf(t);
    if (i >= 0) left.splice(i, 1);
    else if (!MAY_LOSE[style]?.(t.slice(t.indexOf(': ') + 2))) lost.push(`no longer offered: ${t}`);
  }
  return lost;
}

function checkVariant(text: string, style: string, asWritten: readonly string[]): string[] {
  const failures: string[] = [];
  const findings = findingsOf(text);
  // The rules' own fixes are checked, so that a wrong edit is caught here and not only hidden by the verifier.
  const raw = unverifiedFindings(text);
  failures.push(...lostFixes(asWritten, offered(findings), style));
  for (const f of raw) {
    for (const fix of f.fixes ?? []) {
      const what = `quick fix "${fix.title}" (${f.ruleId})`;
      const bad = editsProblem(text, fix.edits);
      if (bad) {
        failures.push(`${what}: ${bad}`);
        continue;
      }
      const after = applyEdits(text, fix.edits);
      const problem = fixedTextProblem(text, after, true);
      if (problem) failures.push(`${what}: ${problem}`);
      else if (count(unverifiedFindings(after), f) >= count(raw, f)) failures.push(`${what}: the finding is still reported`);
      applied.set(style, (applied.get(style) ?? 0) + 1);
    }
  }
  const all = collectSafeEdits(findings);
  if (all.length > 0) {
    const problem = editsProblem(text, all) ?? fixedTextProblem(text, applyEdits(text, all), false);
    if (problem) failures.push(`fix all: ${problem}`);
  }
  const cli = fixText(engine, text, DEFAULT_CONFIG);
  if (cli.refused !== undefined && cli.text !== text) failures.push('--fix: refused, yet the text changed');
  if (cli.refused !== undefined) failures.push(`--fix refused: ${cli.refused}`);
  const problem = fixedTextProblem(text, cli.text, false);
  if (problem) failures.push(`--fix: ${problem}`);
  return failures;
}

for (const file of files) {
  const name = path.relative(PACKAGE_DIR, file);
  const original = fs.readFileSync(file, 'utf8');
  test(`fix round trip: ${name}`, () => {
    const failures: string[] = [];
    const asWritten = offered(findingsOf(original));
    for (const [style, restyle] of Object.entries(RESTYLES)) {
      for (const failure of checkVariant(restyle(original), style, asWritten)) failures.push(`[${style}] ${failure}`);
    }
    assert.deepEqual(failures, []);
  });
}

test('every style exercised some fixes', () => {
  const idle = [...applied].filter(([, n]) => n === 0).map(([s]) => s);
  assert.deepEqual(idle, [], `styles under which no fix was offered: ${idle.join(', ')}`);
});
