// docs/upstream-validation.md lists every upstream admission check with the meshlint rule and
// fixture that cover it: each row must name registered rules and existing fixtures that fire them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { PACKAGE_DIR } from '../support/engine';
import { expectations } from '../support/fixtures';

const DOC = path.join(PACKAGE_DIR, 'docs', 'upstream-validation.md');
const HEADER = ['check', 'upstream', 'level', 'meshlint', 'fixture'];
const LEVELS = ['reject', 'warn', 'accept'];
const NONE = '—';

interface Row {
  line: number;
  cells: string[];
}

/** Every table row of the document except header and separator rows, with its 1-based line. */
export function tableRows(text: string): Row[] {
  const rows: Row[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line.startsWith('|')) return;
    const cells = line
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/.test(c))) return;
    if (cells.join('|') === HEADER.join('|')) return;
    rows.push({ line: i + 1, cells });
  });
  return rows;
}

/** The text of each backticked span in a cell. */
function ticked(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

/** What is wrong with one row, worded for the failure message; empty when the row is sound. */
export function rowProblems(row: Row, ruleIds: ReadonlySet<string>, exists: (rel: string) => string | undefined): string[] {
  const at = `line ${row.line}`;
  if (row.cells.length !== HEADER.length) return [`${at}: ${row.cells.length} cells, expected ${HEADER.length} (${HEADER.join(', ')})`];
  const [check, upstream, level, meshlint, fixture] = row.cells;
  const out: string[] = [];
  if (check === '' || upstream === '') out.push(`${at}: check and upstream must not be empty`);
  if (!LEVELS.includes(level)) out.push(`${at}: level "${level}" is not reject, warn or accept`);
  if (meshlint.startsWith(NONE)) {
    if (meshlint.slice(NONE.length).trim() === '') out.push(`${at}: "${NONE}" without a reason`);
    if (fixture !== NONE) out.push(`${at}: a row without a rule names the fixture "${fixture}"`);
    return out;
  }
  const ids = ticked(meshlint);
  if (ids.length === 0) out.push(`${at}: meshlint cell "${meshlint}" names no rule id in backticks and gives no "${NONE}" reason`);
  for (const id of ids) if (!ruleIds.has(id)) out.push(`${at}: rule \`${id}\` is not registered`);
  const files = ticked(fixture);
  if (files.length === 0) out.push(`${at}: no fixture path in backticks`);
  for (const rel of files) {
    const text = exists(rel);
    if (text === undefined) {
      out.push(`${at}: fixture ${rel} does not exist`);
      continue;
    }
    // An invalid fixture proves the row only when it marks a finding of a rule the row names.
    if (/\/invalid\//.test(rel) && !ids.some((id) => expectations(text, id).length > 0)) {
      out.push(`${at}: ${rel} has no "# expect:" marker for ${ids.join(' or ')}`);
    }
  }
  return out;
}

function readFixture(rel: string): string | undefined {
  const abs = path.join(PACKAGE_DIR, rel);
  if (path.isAbsolute(rel) || !abs.startsWith(PACKAGE_DIR + path.sep) || !fs.existsSync(abs) || !fs.statSync(abs).isFile())
    return undefined;
  return fs.readFileSync(abs, 'utf8');
}

const ruleIds = new Set(allRuleMetas().map((m) => m.id));

test('every row of docs/upstream-validation.md names registered rules and fixtures that fire them', () => {
  const rows = tableRows(fs.readFileSync(DOC, 'utf8'));
  assert.ok(rows.length > 0, 'the document has no table rows');
  assert.deepEqual(
    rows.flatMap((r) => rowProblems(r, ruleIds, readFixture)),
    [],
  );
});

test('the row checks catch an unknown rule, a missing fixture, a fixture without a marker and a bare dash', () => {
  const doc = [
    '| check | upstream | level | meshlint | fixture |',
    '|---|---|---|---|---|',
    '| a | b | reject | `no-such-rule` | `test/fixtures/rules/service-entry-invalid/invalid/crd-rules.yaml` |',
    '| a | b | reject | `service-entry-invalid` | `test/fixtures/rules/service-entry-invalid/invalid/missing.yaml` |',
    '| a | b | reject | `service-entry-invalid` | `test/fixtures/rules/wasm-plugin-invalid/invalid/crd-rules.yaml` |',
    '| a | b | maybe | — | — |',
    '| a | b | warn | service-entry-invalid | — |',
    '| a | b | warn | — needs the cluster | — |',
    '| a | b | reject | `service-entry-invalid` | `test/fixtures/rules/service-entry-invalid/invalid/crd-rules.yaml` |',
  ].join('\n');
  const problems = tableRows(doc).map((r) => rowProblems(r, ruleIds, readFixture));
  assert.match(problems[0].join(), /no-such-rule` is not registered/);
  assert.match(problems[1].join(), /missing\.yaml does not exist/);
  assert.match(problems[2].join(), /no "# expect:" marker for service-entry-invalid/);
  assert.match(problems[3].join(), /level "maybe"/);
  assert.match(problems[3].join(), /without a reason/);
  assert.match(problems[4].join(), /names no rule id in backticks/);
  assert.deepEqual(problems.slice(5), [[], []]);
});
