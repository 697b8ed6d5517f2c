// Insertion fixes: new list items and map entries land at their neighbours' indentation, in block
// and flow style, and the rest of the text is untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../server/src/core/parse';
import { locate, keySpan, valueSpan, type PathSegment } from '../../server/src/core/locate';
import { applyEdits } from '../../server/src/core/fix-all';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { appendEntry, appendSeqItem, appendSeqItems, insertAfterEntry, yamlScalar } from '../../server/src/core/rules/lib/fix-insert';
import type { DocContext } from '../../server/src/core/rules/lib/rule';
import type { TextEdit } from '../../server/src/core/types';
import { registry } from '../support/engine';

function ctxFor(text: string): DocContext {
  const parsed = parseYaml(text);
  return {
    resource: { apiVersion: 'v1', group: '', version: 'v1', kind: 'Test', mesh: false },
    value: (parsed.value ?? {}) as Record<string, unknown>,
    root: parsed.root,
    text,
    config: DEFAULT_CONFIG,
    schemas: registry(),
    report: () => undefined,
    spanOf(path: readonly PathSegment[], on: 'key' | 'value') {
      const loc = locate(parsed.root, path);
      return loc ? (on === 'key' ? keySpan(loc) : valueSpan(loc)) : undefined;
    },
  };
}

function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit was produced');
  assert.equal(edit.start, edit.end, 'insertions replace nothing');
  return applyEdits(text, [edit]);
}

test("appends to a block list at the items' indentation, after a trailing comment", () => {
  const text = 'spec:\n  dnsNames:\n    - a.svc # first\n    - b.svc # second\n  issuerRef: {}\n';
  const out = apply(text, appendSeqItem(ctxFor(text), ['spec', 'dnsNames'], 'c.svc'));
  assert.equal(out, 'spec:\n  dnsNames:\n    - a.svc # first\n    - b.svc # second\n    - c.svc\n  issuerRef: {}\n');
  assert.deepEqual(parseYaml(out).value, { spec: { dnsNames: ['a.svc', 'b.svc', 'c.svc'], issuerRef: {} } });
});

test("appends to a list written at the key's own indentation and at the end of the text", () => {
  const text = 'usages:\n- server auth';
  assert.equal(apply(text, appendSeqItem(ctxFor(text), ['usages'], 'client auth')), 'usages:\n- server auth\n- client auth');
});

test('appends to flow lists, empty or not', () => {
  const text = 'a: [x, "y"] # c\nb: []\n';
  const ctx = ctxFor(text);
  assert.equal(apply(text, appendSeqItem(ctx, ['a'], 'z')), 'a: [x, "y", z] # c\nb: []\n');
  assert.equal(apply(text, appendSeqItem(ctx, ['b'], 'z')), 'a: [x, "y"] # c\nb: [z]\n');
  assert.equal(apply(text, appendSeqItems(ctx, ['a'], ['p', 'q'])), 'a: [x, "y", p, q] # c\nb: []\n');
});

test('appends several items to a block list as one insertion', () => {
  const text = 'usages:\n  - code signing\nnext: 1\n';
  assert.equal(
    apply(text, appendSeqItems(ctxFor(text), ['usages'], ['server auth', 'client auth'])),
    'usages:\n  - code signing\n  - server auth\n  - client auth\nnext: 1\n',
  );
});

test('keeps CRLF line endings', () => {
  const text = 'list:\r\n  - a\r\nother: 1\r\n';
  assert.equal(apply(text, appendSeqItem(ctxFor(text), ['list'], 'b')), 'list:\r\n  - a\r\n  - b\r\nother: 1\r\n');
});

test('inserts an entry after a sibling, below its nested block', () => {
  const text = 'spec:\n  commonName: a.example.com # cn\n  issuerRef:\n    name: ca\n';
  const ctx = ctxFor(text);
  assert.equal(
    apply(text, insertAfterEntry(ctx, ['spec'], 'commonName', ['dnsNames:', '  - a.example.com'])),
    'spec:\n  commonName: a.example.com # cn\n  dnsNames:\n    - a.example.com\n  issuerRef:\n    name: ca\n',
  );
  assert.equal(
    apply(text, appendEntry(ctx, ['spec'], ['duration: 24h'])),
    'spec:\n  commonName: a.example.com # cn\n  issuerRef:\n    name: ca\n  duration: 24h\n',
  );
});

test("inserts into a map that starts on a list item's line", () => {
  const text = 'servers:\n  - hosts: [a]\n    port:\n      number: 80\n';
  assert.equal(
    apply(text, appendEntry(ctxFor(text), ['servers', 0], ['tls:', '  httpsRedirect: true'])),
    'servers:\n  - hosts: [a]\n    port:\n      number: 80\n    tls:\n      httpsRedirect: true\n',
  );
});

test('refuses what it cannot do cleanly: flow maps, aliases, missing paths', () => {
  const text = 'a: {b: 1}\nbase: &l [x]\nuse: *l\n';
  const ctx = ctxFor(text);
  assert.equal(appendEntry(ctx, ['a'], ['c: 2']), undefined);
  assert.equal(appendSeqItem(ctx, ['use'], 'y'), undefined);
  assert.equal(appendSeqItem(ctx, ['missing'], 'y'), undefined);
  assert.equal(insertAfterEntry(ctx, ['a'], 'b', ['c: 2']), undefined);
});

test('yamlScalar quotes only what plain YAML would misread', () => {
  assert.equal(yamlScalar('client auth'), 'client auth');
  assert.equal(yamlScalar('api.shop.svc'), 'api.shop.svc');
  for (const s of ['*.example.com', 'true', 'no', '8443', '1.5', 'null', 'a: b', '#x', '', ' lead']) {
    const written = yamlScalar(s);
    assert.notEqual(written, s, `${JSON.stringify(s)} needs quotes`);
    assert.deepEqual(parseYaml(`k: ${written}\n`).value, { k: s });
  }
});
