// The docs' YAML examples say what they show: every example parses; a complete "Flagged" example on a
// rule's page makes that rule fire; a complete "Fixed" (or unlabelled) example is clean. The labelling
// convention is described in test/support/docs-examples.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, PACKAGE_DIR } from '../support/engine';
import { analyzeWorkspace } from '../support/workspace';
import { docPages, exampleSides, type ExampleSide } from '../support/docs-examples';
import { WORKSPACE_RULES } from '../../server/src/core/workspace/workspace-rules';
import type { Finding } from '../../server/src/core/types';

const sides: ExampleSide[] = docPages(PACKAGE_DIR).flatMap((page) => exampleSides(PACKAGE_DIR, page));
const workspaceRuleIds = new Set(WORKSPACE_RULES.map((r) => r.meta.id));

/** Findings of one side, checked as a one-file workspace so workspace rules see it too. */
function findingsOf(side: ExampleSide): Finding[] {
  return analyzeWorkspace([{ file: 'example.yaml', text: side.text }]).get('example.yaml') ?? [];
}

function show(f: Finding): string {
  return `${f.ruleId} (${f.severity}): ${f.message.slice(0, 100)}`;
}

test('the docs have complete examples of both kinds to check', () => {
  const complete = (role: string): number => sides.filter((s) => s.complete && s.role === role).length;
  // Guards against the extraction silently finding nothing, which would make the tests below vacuous.
  assert.ok(complete('bad') >= 10, `only ${complete('bad')} complete flagged examples found`);
  assert.ok(complete('good') >= 10, `only ${complete('good')} complete fixed examples found`);
});

test('every YAML example parses', () => {
  const broken = sides.flatMap((s) =>
    analyze(s.text)
      .filter((f) => f.ruleId === 'yaml-syntax')
      .map((f) => `${s.where}: ${show(f)}`),
  );
  assert.deepEqual(broken, []);
});

test("a complete flagged example makes its page's rule fire", () => {
  const silent: string[] = [];
  for (const side of sides.filter((s) => s.complete && s.role === 'bad')) {
    const found = findingsOf(side);
    const fired = side.ruleId ? found.some((f) => f.ruleId === side.ruleId) : found.some((f) => f.severity !== 'info');
    if (!fired) silent.push(`${side.where}: expected ${side.ruleId ?? 'an error or warning'}, got [${found.map(show).join('; ')}]`);
  }
  assert.deepEqual(silent, []);
});

test('a complete fixed or recommended example is clean', () => {
  const loud: string[] = [];
  for (const side of sides.filter((s) => s.complete && s.role === 'good')) {
    // Workspace rules judge a whole mesh, which one example is not: of those only the page's own rule counts.
    const problems = findingsOf(side).filter(
      (f) => f.ruleId === side.ruleId || (!workspaceRuleIds.has(f.ruleId) && (f.severity === 'error' || f.severity === 'warning')),
    );
    loud.push(...problems.map((f) => `${side.where}: ${show(f)}`));
  }
  assert.deepEqual(loud, []);
});
