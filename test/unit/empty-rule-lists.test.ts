// `from: []` and `to: []` in an AuthorizationPolicy rule: Istio's protobuf decoding leaves the repeated
// field nil, so the webhook accepts them and every consumer reads them as absent (any source, any
// operation). The policy model's "matches everything once HTTP fields are dropped" must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesEverything, reduceRule } from '../../server/src/core/policy/rule-fields';
import type { RuleField, RuleView } from '../../server/src/core/policy/types';
import type { Site } from '../../server/src/core/workspace/site';

const site: Site = { uri: 'file:///p.yaml', start: 0, end: 1, line: 0, character: 0, endLine: 0, endCharacter: 1 };
const field = (name: string, value: string): RuleField => ({
  path: `rules[0].to[0].operation.${name}`,
  name,
  negated: false,
  values: [{ value, site }],
  site,
});
const rule = (from: RuleView['from'], to: RuleView['to']): RuleView => ({ index: 0, from, to, when: [], site });
const tcpOnly = (f: RuleField): boolean => f.name !== 'methods' && f.name !== 'paths';

test('an empty from list is as open as no from list once HTTP-only fields are dropped', () => {
  const to = [{ fields: [field('methods', 'GET')], site }];
  assert.equal(matchesEverything(reduceRule(rule(undefined, to), tcpOnly)), true, 'the control: from absent');
  assert.equal(matchesEverything(reduceRule(rule([], to), tcpOnly)), true, 'from: []');
});

test('an empty to list is open too, and a written port still constrains', () => {
  assert.equal(matchesEverything(reduceRule(rule([], []), tcpOnly)), true);
  const ports = [{ fields: [field('ports', '8080')], site }];
  assert.equal(matchesEverything(reduceRule(rule([], ports), tcpOnly)), false);
});
