// The text reader (server/src/core/tree-from-text.ts) against the CST reader it stands in front of:
// on every document the text reader accepts, the tree and problems must be the token route's, and
// the token route must have read it itself (not declined to the Composer). Corpora: the repository's
// YAML (fixtures, examples, schemas, docs' examples), the benchmark and stress generators, the tricky
// table, fuzz mutations, and a seeded grammar of the accepted subset with character mutations.
// Also asserts what must be accepted, so that declining everything cannot pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYamlVia } from '../../server/src/core/parse';
import { splitDocuments } from '../../server/src/core/split';
import { generateDocument, generateManifest } from '../../bench/generate';
import { Random } from '../../bench/fuzz-run';
import { PACKAGE_DIR } from '../support/engine';
import { yamlFilesUnder } from '../support/yaml-files';
import { docPages, yamlFences } from '../support/docs-examples';
import { TRICKY } from '../support/tricky-yaml';
import { stressTexts } from '../support/stress-texts';
import { manifestMutations, mutateSubset, subsetDocument } from '../support/subset-yaml';

interface Tally {
  accepted: number;
  seen: number;
  declined: Map<string, number>;
  mismatches: string[];
}

const newTally = (): Tally => ({ accepted: 0, seen: 0, declined: new Map(), mismatches: [] });

/** One text through both routes; with `split`, each document the engine would hand over too. */
function compare(label: string, text: string, tally: Tally, split = true): boolean {
  const chunks = split ? splitDocuments(text) : [];
  const texts = chunks.length > 1 ? [text, ...chunks.map((c) => c.text)] : [text];
  let first = false;
  texts.forEach((t, i) => {
    tally.seen++;
    const viaText = parseYamlVia(t, 'cst');
    if (viaText.textDeclined?.startsWith('internal:')) tally.mismatches.push(`${label}: the text reader failed: ${viaText.textDeclined}`);
    if (viaText.textDeclined !== undefined) {
      tally.declined.set(viaText.textDeclined, (tally.declined.get(viaText.textDeclined) ?? 0) + 1);
      return;
    }
    tally.accepted++;
    if (i === 0) first = true;
    const viaTokens = parseYamlVia(t, 'tokens');
    const name = i === 0 ? label : `${label} #${i}`;
    if (viaTokens.declined !== undefined) {
      tally.mismatches.push(`${name}: the CST reader declined (${viaTokens.declined}) ${JSON.stringify(t)}`);
      return;
    }
    try {
      assert.deepStrictEqual(viaText.parsed.root, viaTokens.parsed.root);
      assert.deepStrictEqual(viaText.parsed.problems, viaTokens.parsed.problems);
    } catch (err) {
      tally.mismatches.push(`${name}: ${JSON.stringify(t)}\n${(err as Error).message.slice(0, 1500)}`);
    }
  });
  return first;
}

function summary(tally: Tally): string {
  const reasons = [...tally.declined].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${reason}: ${n}`);
  return `${tally.accepted} of ${tally.seen} documents read from the text; declined:\n${reasons.join('\n')}`;
}

function check(tally: Tally): void {
  assert.deepEqual(tally.mismatches.slice(0, 3), [], `${tally.mismatches.length} mismatches\n${summary(tally)}`);
  assert.ok(tally.accepted > 0, `the text reader took no document\n${summary(tally)}`);
  if (process.env.MESHLINT_TEXT_TALLY) console.log(summary(tally));
}

test('fixtures, examples, schemas and docs examples: the text reader agrees with the CST reader', () => {
  const tally = newTally();
  const dirs = ['test/fixtures', 'examples', 'test/nvim/fixtures', 'schemas'].map((d) => path.join(PACKAGE_DIR, d));
  const files = dirs.flatMap((d) => yamlFilesUnder(d));
  assert.ok(files.length > 300, `only ${files.length} YAML files found`);
  for (const file of files) compare(path.relative(PACKAGE_DIR, file), fs.readFileSync(file, 'utf8'), tally);
  for (const page of docPages(PACKAGE_DIR)) {
    const fences = yamlFences(fs.readFileSync(path.join(PACKAGE_DIR, page), 'utf8'));
    for (const fence of fences) compare(`${page}:${fence.line}`, fence.body, tally);
  }
  check(tally);
  // Most of these are ordinary manifests: a reader that declines most of them saves nothing.
  assert.ok(tally.accepted > 0.6 * tally.seen, summary(tally));
});

test('benchmark and stress generators: the text reader agrees, and reads every generated manifest', () => {
  const tally = newTally();
  const missed: number[] = [];
  for (let i = 0; i < 1000; i++) if (!compare(`generateDocument(${i})`, generateDocument(i), tally)) missed.push(i);
  assert.deepEqual(missed.slice(0, 5), [], summary(tally));
  for (const chunk of splitDocuments(generateManifest(30))) {
    assert.ok(compare('generateManifest(30) chunk', chunk.text, tally, false), summary(tally));
  }
  for (const [name, text] of stressTexts()) compare(name, text, tally);
  check(tally);
});

test('tricky documents and fuzz mutations of manifests: the text reader agrees', () => {
  const tally = newTally();
  for (const doc of TRICKY) compare(doc.name, doc.text, tally);
  for (const [i, text] of manifestMutations(3000)) compare(`mutation ${i}`, text, tally);
  check(tally);
});

test('a seeded grammar of the accepted subset, and character mutations of it: the text reader agrees', () => {
  const tally = newTally();
  const mutations = newTally();
  const r = new Random(5);
  for (let seed = 0; seed < 20_000; seed++) {
    const text = subsetDocument(seed);
    compare(`subsetDocument(${seed})`, text, tally, false);
    let edited = text;
    for (let k = 0; k < 2; k++) {
      edited = mutateSubset(edited, r);
      compare(`subsetDocument(${seed}) edit ${k}`, edited, mutations, false);
    }
  }
  check(tally);
  check(mutations);
  // The grammar mostly stays inside the subset (CRLF, `...`, escapes and `<<` keys leave it on purpose).
  assert.ok(tally.accepted > 0.5 * tally.seen, summary(tally));
});

/** Shapes whose offsets are easy to get wrong (spans over blank lines, comments and empty values): all must be read from the text. */
const MUST_READ = [
  'a: b\n\n\nc: d\n\n',
  'x:\n',
  'x: # c\n',
  'x: # c\n\n# d\ny: 1\n',
  'a:\n  b:\n  # c\n',
  'a:\n  b: c\n    # deeper\nd: e\n',
  'a:\n  b: c\n  # level\n\nd: e\n',
  'a:\n  b: c\n# outer\nd: e\n',
  'a:\n  - b: c\n    # x\n  # y\n',
  'a:\n- x\nb: 1\n',
  '- y: 1\n  z: 2\n-   w: [1, "2", \'3\']\n',
  '# top\na: 1\n',
  '--- # start\na: 1\n...\n# after\n',
  'a: 1\r\nb:\r\n  - c # d\r\n',
  '\uFEFF# bom\na: {x: 1, y: z}\n',
  'methods: ["GET", "POST"]\nq: [a, b]\nempty: []\n',
  '  indented: 1\n  root: 2\n',
  'a: 1\na: 2\non: 3\ny: 4\n',
];

test('shapes whose spans are easy to get wrong: read from the text, as the CST reader reads them', () => {
  const tally = newTally();
  const missed = MUST_READ.filter((text) => !compare(JSON.stringify(text), text, tally, false));
  check(tally);
  assert.deepEqual(missed, [], summary(tally));
});
