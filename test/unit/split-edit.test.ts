// Re-splitting an edited file from its previous split gives exactly the full split, on random files
// built from the lines that decide a split (markers, directives, byte order marks, comments), under
// random edits; and an edit inside one document leaves the other chunks as they were, moved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitDocuments } from '../../server/src/core/split';
import { resplitDocuments } from '../../server/src/core/split-edit';
import { ChunkMemo } from '../../server/src/lsp/chunk-memo';

const LINES = [
  '---',
  '--- # c',
  '---x',
  '...',
  '... ',
  '%YAML 1.2',
  '%TAG ! tag:x,2000:',
  '# comment',
  '',
  '  ',
  'kind: A',
  'a: 1',
  '  b: |',
  '    ---',
  '\uFEFF---',
  '\uFEFFkind: B',
  '-- -',
  '---\r',
  '.. .',
];
const PIECES = [...LINES.map((l) => `${l}\n`), '-', '.', '\n', '---', '...', '%', 'x', '\r\n', '\uFEFF', ' '];

const file = fc.array(fc.constantFrom(...LINES), { maxLength: 30 }).map((ls) => ls.join('\n'));
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat(12),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join('')),
});

type Edit = { at: number; remove: number; insert: string };

/** Where an edit applies to a text, as offsets. */
function placed(text: string, e: Edit): { start: number; end: number; inserted: number; next: string } {
  const start = Math.floor(e.at * text.length);
  const end = Math.min(text.length, start + e.remove);
  return { start, end, inserted: e.insert.length, next: text.slice(0, start) + e.insert + text.slice(end) };
}

test('re-splitting an edited file equals splitting it whole, over random edit sequences', () => {
  fc.assert(
    fc.property(file, fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 8 }), (start, edits) => {
      let text = start;
      let chunks = splitDocuments(text);
      for (const [e, hinted] of edits) {
        const { start: at, end, next } = placed(text, e);
        // With the editor's word on what stayed the same, or comparing text to find out.
        const known = hinted ? { prefix: at, suffix: text.length - end } : undefined;
        const got = resplitDocuments(text, chunks, next, known);
        assert.deepEqual(got, splitDocuments(next), JSON.stringify({ text, next, known }));
        [text, chunks] = [next, got];
      }
    }),
    { numRuns: 3000 },
  );
});

test('the server keeps each document split and follows change events, also across versions it never split', () => {
  fc.assert(
    fc.property(
      file,
      fc.array(fc.tuple(fc.array(edit, { minLength: 1, maxLength: 3 }), fc.boolean()), { maxLength: 8 }),
      (start, steps) => {
        const memo = new ChunkMemo();
        let text = start;
        let version = 1;
        assert.deepEqual(memo.chunksOf('u', version, text), splitDocuments(text));
        for (const [events, split] of steps) {
          version++;
          for (const e of events) {
            const p = placed(text, e);
            memo.changed('u', version, text.length, p);
            text = p.next;
          }
          if (split) assert.deepEqual(memo.chunksOf('u', version, text), splitDocuments(text), JSON.stringify({ start, steps }));
        }
        assert.deepEqual(memo.chunksOf('u', version, text), splitDocuments(text));
      },
    ),
    { numRuns: 1500 },
  );
});

test('an edit inside one document changes one chunk and moves the later ones', () => {
  const docs = Array.from({ length: 50 }, (_, i) => `---\nkind: A\nmetadata:\n  name: n${i}\n`);
  const before = docs.join('');
  const chunks = splitDocuments(before);
  const at = before.indexOf('name: n25') + 'name: n25'.length;
  const after = `${before.slice(0, at)}xyz${before.slice(at)}`;
  const got = resplitDocuments(before, chunks, after);
  assert.deepEqual(got, splitDocuments(after));
  const changed = got.filter((c, i) => c.text !== chunks[i].text);
  assert.equal(changed.length, 1, 'one chunk has new text');
  assert.ok(got.slice(26).every((c, i) => c.start === chunks[26 + i].start + 3));
});
