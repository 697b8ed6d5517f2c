// The concept pages hover teaches from: every concept the schemas name has a page with a title, an
// opening explanation and an example, and enum values of concept fields have their own sections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registry } from '../support/engine';
import { concepts } from '../support/editing';
import { parseConcept } from '../../server/src/core/hover/concept-text';
import { valueSentence } from '../../server/src/core/hover/value-doc';
import { parseYaml } from '../../server/src/core/parse';

/** Every (concept, enum values) pair the shipped schemas declare. */
function conceptUses(): { concept: string; values: string[] }[] {
  const out: { concept: string; values: string[] }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o['x-meshlint-concept'] === 'string') {
      out.push({
        concept: o['x-meshlint-concept'],
        values: Array.isArray(o.enum) ? o.enum.filter((v): v is string => typeof v === 'string') : [],
      });
    }
    Object.values(o).forEach(visit);
  };
  registry().bundle.documents.forEach(visit);
  return out;
}

test('every concept named by a schema has a page with title, summary and a YAML example that parses', () => {
  const lib = concepts();
  const names = [...new Set(conceptUses().map((u) => u.concept))];
  assert.ok(names.length >= 8, names.join(', '));
  for (const name of names) {
    const c = lib.get(name);
    assert.ok(c, `docs/concepts/${name}.md is missing`);
    assert.notEqual(c.title, name, `${name}: no # title`);
    assert.ok(c.summary.length > 100, `${name}: the opening explanation is too short`);
    assert.ok(c.summary.length < 1600, `${name}: the opening explanation is too long for a hover`);
    const example = /```yaml\n([\s\S]*?)```/.exec(c.example ?? '');
    assert.ok(example, `${name}: no yaml example`);
    assert.deepEqual(parseYaml(example[1]).problems, [], `${name}: example does not parse`);
  }
});

test('enum values of the security fields have a section on their concept page', () => {
  const lib = concepts();
  for (const use of conceptUses()) {
    const c = lib.get(use.concept);
    for (const v of use.values) {
      assert.ok(c?.values.get(v), `docs/concepts/${use.concept}.md has no "### ${v}" section`);
    }
  }
});

test('the page parser splits title, summary, example and value sections, ignoring headings in code', () => {
  const c = parseConcept(
    'x',
    '# Title\n\nIntro one.\n\nIntro two.\n\n## Example\n\n```yaml\n# not a heading\na: 1\n```\n\n## Values\n\n### `ON`\nOn text.\n\n### OFF\nOff text.\n\n## More\nMore text.\n',
  );
  assert.equal(c.title, 'Title');
  assert.equal(c.summary, 'Intro one.\n\nIntro two.');
  assert.equal(c.example, '```yaml\n# not a heading\na: 1\n```');
  assert.equal(c.values.get('ON'), 'On text.');
  assert.equal(c.values.get('OFF'), 'Off text.');
});

test('value sentences are cut out of a description that lists values', () => {
  const d = 'What happens. ALLOW (default): permit, and deny everything else. DENY: reject. AUDIT: log only, needs a plugin.';
  assert.equal(valueSentence(d, 'ALLOW'), 'ALLOW (default): permit, and deny everything else.');
  assert.equal(valueSentence(d, 'DENY'), 'DENY: reject.');
  assert.equal(valueSentence(d, 'AUDIT'), 'AUDIT: log only, needs a plugin.');
  assert.equal(valueSentence(d, 'CUSTOM'), undefined);
});
