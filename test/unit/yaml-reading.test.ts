// YAML read as kubectl reads it (go-yaml v2 through sigs.k8s.io/yaml): merge keys in every document
// and where their findings land, plain scalars in flow collections, and YAML 1.1 words and numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../server/src/core/parse';
import { locate, keySpan } from '../../server/src/core/locate';
import { editTarget, yamlScalar } from '../../server/src/core/scalar-edit';
import { scanNesting } from '../../server/src/core/nesting-depth';
import { work } from '../../server/src/core/work-count';
import { analyze, offsetOf } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';

const DEFAULTS = `base: &d
  x: 1
  w: 1
merged:
  w: 2
  <<: *d
  z: 3
  x: 4
`;

test('merge keys: keys are applied in document order, as go-yaml v2 applies them', () => {
  const value = parseYaml(DEFAULTS).value as Record<string, Record<string, number>>;
  // w written before << is overwritten by the merged w; x written after << wins.
  assert.deepEqual(value.merged, { w: 1, x: 4, z: 3 });
  const list = parseYaml('a: &a {k: a, only: a}\nb: &b {k: b, other: b}\nc:\n  <<: [*a, *b]\n').value as Record<string, unknown>;
  assert.deepEqual(list.c, { k: 'a', only: 'a', other: 'b' }, 'in a list of maps the earlier one wins');
  const plainMap = parseYaml('c:\n  <<: {k: 1}\n').value as Record<string, unknown>;
  assert.deepEqual(plainMap.c, { k: 1 }, 'a map written in place merges too');
  assert.deepEqual((parseYaml('c: {"<<": 1}\n').value as Record<string, unknown>).c, { '<<': 1 }, 'a quoted << is a plain key');
  const bad = parseYaml('c:\n  <<: 3\n').problems[0];
  assert.match(bad?.message ?? '', /merge key \(<<\) takes a map/);
  assert.equal(bad?.start, 'c:\n  <<: '.length, 'reported at the merge value');
});

test('merge keys: a path through << lands on the key in the merged map, and no fix edits it', () => {
  const parsed = parseYaml(DEFAULTS);
  const merged = locate(parsed.root, ['merged', 'w']);
  assert.ok(merged);
  assert.deepEqual(keySpan(merged), { start: offsetOf(DEFAULTS, 'w: 1'), end: offsetOf(DEFAULTS, 'w: 1') + 1 });
  const own = locate(parsed.root, ['merged', 'x']);
  assert.ok(own);
  assert.equal(keySpan(own)?.start, offsetOf(DEFAULTS, 'x: 4'), 'a key written after << is its own');
  assert.equal(editTarget(parsed.root, ['merged', 'w']), undefined, 'the merged value is shared with the anchor');
  assert.equal(editTarget(parsed.root, ['merged', 'x'])?.value?.start, offsetOf(DEFAULTS, '4'));
  assert.equal(editTarget(parsed.root, ['merged', 'z'])?.value?.start, offsetOf(DEFAULTS, '3'));
});

test('merge keys: an unknown field merged into an Istio resource is reported at its key in the anchored map', () => {
  const text = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: shop
spec:
  <<: &defaults
    mtl:
      mode: STRICT
`;
  const findings = analyze(text).filter((f) => f.ruleId === 'schema-validation');
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0].start, offsetOf(text, 'mtl:'));
  assert.match(findings[0].message, /Unknown field `mtl`/);
  assert.deepEqual(findings[0].fixes ?? [], [], 'no fix is offered through a merged map');
  const clean = text.replace('mtl:', 'mtls:');
  assert.deepEqual(
    analyze(clean).filter((f) => f.severity === 'error'),
    [],
    '`<<` is not reported as an unknown field',
  );
});

test('flow collections: IPv6 addresses with a trailing :: are one value, as in go-yaml', () => {
  const read = (s: string): unknown => (parseYaml(s).value as Record<string, unknown>).a;
  assert.deepEqual(read('a: [10.0.0.1, 2001:db8::]\n'), ['10.0.0.1', '2001:db8::']);
  assert.deepEqual(read('a: [2001:db8::, fe80::/10, "fe80::/10"]\n'), ['2001:db8::', 'fe80::/10', 'fe80::/10']);
  assert.deepEqual(read('a: {x: 2001:db8::}\n'), { x: '2001:db8::' });
  assert.deepEqual(read('a: {k: v, m: 1}\n'), { k: 'v', m: 1 }, 'a flow map still reads its pairs');
  assert.deepEqual(parseYaml('a: [2001:db8::]\n').problems, []);
  const policy = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ipv6
  namespace: shop
spec:
  action: DENY
  rules:
    - from:
        - source:
            ipBlocks: [10.0.0.1, 2001:db8::]
`;
  assert.deepEqual(
    analyze(policy).filter((f) => f.severity === 'error' || f.severity === 'warning'),
    [],
  );
});

test('flow collections: an item starting with : is flagged, since kubectl rejects it', () => {
  const r = parseYaml('a: [::1]\nb: ["::1"]\nc: [10.0.0.1]\n');
  assert.deepEqual((r.value as Record<string, unknown>).a, ['::1']);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.start]),
    [['KUBECTL_FLOW_COLON', 'warning', 4]],
  );
  assert.deepEqual(parseYaml('a: ::1\nb:\n  - ::1\n').problems, [], 'outside [ ] and { } a leading : is a plain scalar for both');
});

test('a private-use U+E000 written in a value stays itself: only the stand-ins for hidden colons become colons', () => {
  // Every route reads the same value (the stand-in is what parse.ts hides a kubectl flow colon behind).
  assert.deepEqual(parseYaml('a: x\ue000y\nb: [x\ue000y]\n').value, { a: 'x\ue000y', b: ['x\ue000y'] });
  assert.deepEqual(parseYaml('a: [h://p:8, a:b]\n').value, { a: ['h://p:8', 'a:b'] });
});

test('flow colon scan stays one linear pass', () => {
  const steps = (n: number): number => {
    work.steps = 0;
    scanNesting(`a: [${Array(n).fill('2001:db8::').join(', ')}]\n`);
    return work.steps;
  };
  const ratio = steps(4000) / steps(2000);
  assert.ok(ratio > 1.8 && ratio < 2.2, `${ratio}`);
  assert.equal(scanNesting(`a: [${Array(100).fill('2001:db8::').join(', ')}]\n`).flowColons.length, 100);
});

test('YAML 1.1 plain scalars read as go-yaml v2 resolves them', () => {
  const cases: [string, unknown][] = [
    ['yes', true],
    ['Yes', true],
    ['ON', true],
    ['y', true],
    ['no', false],
    ['Off', false],
    ['N', false],
    ['0777', 511],
    ['0o17', 15],
    ['0x1F', 31],
    ['-0x10', -16],
    ['0b101', 5],
    ['1_000', 1000],
    ['1_0.5', 10.5],
    ['09', 9],
    ['-0', 0],
    ['+12', 12],
    ['.5', 0.5],
    ['~', null],
    ['true', true],
    ['1:20', '1:20'],
    ['"yes"', 'yes'],
    ["'0777'", '0777'],
    ['!!str on', 'on'],
    ['yesterday', 'yesterday'],
    ['0x', '0x'],
  ];
  for (const [written, expected] of cases) {
    const value = (parseYaml(`v: ${written}\n`).value as Record<string, unknown>).v;
    assert.ok(Object.is(value, expected), `${written}: ${String(value)}`);
  }
  assert.deepEqual(parseYaml('on: 1\n').value, { true: 1 }, 'a key reads the same way (kubectl sends "true")');
});

test('a YAML 1.1 word in a string field: the type error says how kubectl reads it', () => {
  const text = peerAuthentication({ mode: 'off' });
  const findings = analyze(text).filter((f) => f.ruleId === 'schema-validation');
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0].start, offsetOf(text, 'off'));
  assert.match(text, /mode: off\n/);
  assert.match(findings[0].message, /must be a string, not a boolean\. kubectl reads the unquoted `off` as the boolean false/);
  assert.deepEqual(
    analyze(text.replace('off', '"off"')).filter((f) => f.ruleId === 'schema-validation' && /boolean/.test(f.message)),
    [],
  );
});

test('two spellings that kubectl reads as one key are named in the duplicate-key error', () => {
  const problems = parseYaml('metadata:\n  labels:\n    y: "a"\n    on: "c"\n    x: "d"\n    x: "e"\n').problems;
  assert.deepEqual(
    problems.map((p) => p.message),
    [
      'Map keys must be unique: `on` and `y` are the same key `true` as kubectl reads YAML (1.1); quote them to keep both',
      'Map keys must be unique',
    ],
  );
});

test('text that fixes write is quoted wherever kubectl would read it as something other than the string', () => {
  for (const typed of ['0b101', '0B11', '0b1_0', '1.0_0', '0x_1F', '0777', '1_000', 'on', 'Off', 'y', 'N', '~', '.inf', '1e3', '08080']) {
    assert.equal(yamlScalar(typed), JSON.stringify(typed), typed);
  }
  for (const plain of ['api.example.com', 'app', 'v1.2', 'foo bar', '.hidden', 'spiffe/ns/a']) assert.equal(yamlScalar(plain), plain);
});
