// The README's rule index must list every rule exactly as the registry describes it; the table
// builder and the splice between the markers are tested on small inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { INDEX_END, INDEX_START, ruleIndexTable, spliceRuleIndex } from '../../server/src/core/rules/lib/rule-index';
import type { RuleMeta } from '../../server/src/core/rules/lib/rule';
import { PACKAGE_DIR } from '../support/engine';

test('README rule index is up to date with the registry', () => {
  const readme = fs.readFileSync(path.join(PACKAGE_DIR, 'README.md'), 'utf8');
  const expected = spliceRuleIndex(readme, ruleIndexTable(allRuleMetas()));
  assert.ok(expected !== undefined, `README.md needs a ${INDEX_START} ... ${INDEX_END} section`);
  assert.equal(readme, expected, 'README.md rule index is out of date: run `npm run build && node scripts/gen-rule-index.mjs`');
});

test('every rule has a row with its docs link', () => {
  const metas = allRuleMetas();
  const table = ruleIndexTable(metas);
  for (const m of metas) assert.ok(table.includes(`| \`${m.id}\` |`) && table.includes(`(docs/rules/${m.id}.md)`), m.id);
  assert.equal(table.split('\n').length, metas.length + 2);
});

const sample: RuleMeta[] = [
  { id: 'b-rule', category: 'zero-trust', defaultSeverity: 'warning', summary: 'Uses a | pipe and <ns>/<sa>.', fixable: true },
  { id: 'a-rule', category: 'yaml', defaultSeverity: 'error', summary: 'Broken.', fixable: false },
];

test('rows are ordered by category, then registry order; pipes and angle brackets are escaped', () => {
  const lines = ruleIndexTable(sample).split('\n');
  assert.equal(lines[0], '| Rule | Category | Severity | Fix | Summary | Docs |');
  assert.equal(lines[2], '| `a-rule` | yaml | error | no | Broken. | [docs](docs/rules/a-rule.md) |');
  assert.equal(
    lines[3],
    '| `b-rule` | zero-trust | warning | yes | Uses a \\| pipe and &lt;ns&gt;/&lt;sa&gt;. | [docs](docs/rules/b-rule.md) |',
  );
});

test('the splice replaces only the text between the markers', () => {
  const doc = `# Title\n\nIntro.\n${INDEX_START}\nold table\n${INDEX_END}\nAfter.\n`;
  const out = spliceRuleIndex(doc, 'NEW');
  assert.equal(out, `# Title\n\nIntro.\n${INDEX_START}\n\nNEW\n\n${INDEX_END}\nAfter.\n`);
  assert.equal(spliceRuleIndex(out as string, 'NEW'), out, 'splicing twice changes nothing');
  assert.equal(spliceRuleIndex('# no markers\n', 'NEW'), undefined);
  assert.equal(spliceRuleIndex(`${INDEX_END}\n${INDEX_START}\n`, 'NEW'), undefined);
});

test('the splice keeps CRLF line endings', () => {
  const out = spliceRuleIndex(`a\r\n${INDEX_START}\r\n${INDEX_END}\r\n`, 'x\ny');
  assert.equal(out, `a\r\n${INDEX_START}\r\n\r\nx\r\ny\r\n\r\n${INDEX_END}\r\n`);
});
