// The fix verifier on its own: it refuses edits that break the YAML, merge or split documents,
// change a value the edit does not touch (a sibling key, an alias copy) or remove a document's
// final line break; a rule whose fix does not remove its finding, or breaks the text, offers none;
// and `--fix` (fixText) leaves a file alone, with the reason, when its fixed text fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editProblem, mapRange } from '../../server/src/core/fix-verify';
import { analyzeDocument } from '../../server/src/core/analyze-document';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import type { Engine } from '../../server/src/core/engine';
import type { DocumentRule } from '../../server/src/core/rules/lib/rule';
import type { Finding, TextEdit } from '../../server/src/core/types';
import { fixText } from '../../server/src/cli/lint';
import { offsetOf, registry } from '../support/engine';

const at = (text: string, needle: string, newText: string): TextEdit => {
  const start = offsetOf(text, needle);
  return { start, end: start + needle.length, newText };
};
/** Like `at`, but no edit when the text no longer holds `needle` (the rule runs again on the fixed text). */
const maybeAt = (text: string, needle: string, newText: string): TextEdit[] => (text.includes(needle) ? [at(text, needle, newText)] : []);

test('a value edited in place passes; its neighbours and documents are kept', () => {
  const text = 'a:\n  mode: PERMISSIVE # c\n  b: 1\n---\nc: 2\n';
  assert.equal(editProblem(text, [at(text, 'PERMISSIVE', 'STRICT')]), undefined);
  assert.equal(editProblem(text, [{ start: text.indexOf('  b: 1'), end: text.indexOf('  b: 1'), newText: '  x: y\n' }]), undefined);
});

test('edits that break the structure are refused, each with its reason', () => {
  const text = 'a:\n  mode: PERMISSIVE\n  b: 1\n---\nc: 2\n';
  const cases: [TextEdit[], RegExp][] = [
    [[at(text, 'PERMISSIVE\n', 'STRICT')], /not valid YAML|b changes/],
    [[at(text, 'PERMISSIVE\n  b: 1\n', 'STRICT\n')], /b disappears/],
    [[at(text, '1\n---\n', '1---\n')], /documents|line break/],
    [[at(text, 'c: 2\n', 'c: 2')], /line break/],
    [[at(text, 'PERMISSIVE', '[x')], /not valid YAML/],
    [[at(text, 'mode: PERMISSIVE', 'mode: {x: 1}'), at(text, 'PERMISSIVE\n  b', 'S\n  b')], /overlap/],
    [[at(text, 'a:\n  mode: PERMISSIVE\n  b: 1', 'a: x')], /stops being a mapping/],
  ];
  for (const [edits, reason] of cases) assert.match(editProblem(text, edits) ?? 'accepted', reason, JSON.stringify(edits));
});

test('a change that reaches other places through an alias is refused', () => {
  // Not `y`: kubectl's YAML 1.1 reader (and so meshlint) reads that key as the boolean true.
  const text = 'x: &p\n  mode: PERMISSIVE\nw: *p\n';
  assert.match(editProblem(text, [at(text, 'PERMISSIVE', 'STRICT')]) ?? 'accepted', /w\.mode changes through an alias/);
  assert.match(editProblem(text, [at(text, '*p', 'STRICT')]) ?? 'accepted', /alias/);
});

test('offsets after the edits: a replaced range maps to its new text, later text shifts', () => {
  const edits = [{ start: 2, end: 4, newText: 'xyz' }];
  assert.deepEqual(mapRange({ start: 2, end: 4 }, edits), { start: 2, end: 5 });
  assert.deepEqual(mapRange({ start: 6, end: 8 }, edits), { start: 7, end: 9 });
  assert.deepEqual(mapRange({ start: 0, end: 1 }, edits), { start: 0, end: 1 });
});

/** A rule that reports `spec.mode` and offers a fix built by `edit` from the document text. */
function ruleWith(edit: (text: string) => TextEdit[], fires: (mode: unknown) => boolean = (m) => m === 'bad'): DocumentRule {
  return {
    meta: { id: 'test-rule', category: 'hygiene', defaultSeverity: 'warning', summary: 'test', fixable: true },
    check(ctx) {
      const mode = (ctx.value.spec as Record<string, unknown> | undefined)?.mode;
      if (fires(mode))
        ctx.report({ path: ['spec', 'mode'], message: 'bad mode', fixes: [{ title: 'fix it', edits: edit(ctx.text), safe: true }] });
    },
  };
}

const DOC = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: x\nspec:\n  mode: bad\n  next: 1\n';
const fixesOf = (rule: DocumentRule, text = DOC): Finding['fixes'] =>
  analyzeDocument(text, { schemas: registry(), rules: [rule], config: DEFAULT_CONFIG }).findings.find((f) => f.ruleId === 'test-rule')
    ?.fixes;

test('a fix is offered only when it passes: parses, keeps the rest, removes its finding', () => {
  assert.equal(fixesOf(ruleWith((t) => maybeAt(t, 'bad', 'good')))?.length, 1);
  assert.equal(fixesOf(ruleWith((t) => maybeAt(t, 'bad\n', 'good'))), undefined, 'glues the next key on');
  assert.equal(
    fixesOf(
      ruleWith(
        (t) => maybeAt(t, 'bad', 'worse'),
        (m) => m === 'bad' || m === 'worse',
      ),
    ),
    undefined,
    'the finding stays',
  );
  assert.equal(fixesOf(ruleWith((t) => maybeAt(t, 'bad\n  next: 1', 'good'))), undefined, 'drops a key');
  assert.equal(
    fixesOf(
      ruleWith(
        (t) => [at(t, 'bad', 'worse')],
        (m) => m === 'bad' || m === 'worse',
      ),
    ),
    undefined,
    'a rule throws on the fixed text',
  );
});

test('--fix refuses to write a text that fails the contract, and says why', () => {
  const text = 'a: bad\nb: 1\n';
  const finding: Finding = {
    ruleId: 'r',
    severity: 'warning',
    message: 'm',
    start: 3,
    end: 6,
    fixes: [{ title: 't', safe: true, edits: [at(text, 'bad\n', 'good')] }],
  };
  // An engine whose rule offers an unverified fix: what a future rule bug would look like.
  const engine = { analyze: (t: string) => ({ findings: t === text ? [finding] : [] }) } as unknown as Engine;
  const out = fixText(engine, text, DEFAULT_CONFIG);
  assert.equal(out.text, text);
  assert.match(out.refused ?? '', /b disappears|not valid YAML|b changes/);
  const sound = { ...finding, fixes: [{ title: 't', safe: true, edits: [at(text, 'bad', 'good')] }] };
  const fine = { analyze: (t: string) => ({ findings: t === text ? [sound] : [] }) } as unknown as Engine;
  assert.deepEqual(fixText(fine, text, DEFAULT_CONFIG), { text: 'a: good\nb: 1\n' });
});
