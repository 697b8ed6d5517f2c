// The CST reader (server/src/core/tree-from-cst.ts) against the parser's Document path: on every YAML
// document the repository holds (fixtures, examples, the docs' examples, the benchmark and stress
// generators, fuzz mutations) and a table of tricky ones, both must give the same tree, value and
// problems. Counts the documents the CST reader took, and says which it declined and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYamlVia } from '../../server/src/core/parse';
import { splitDocuments } from '../../server/src/core/split';
import { generateDocument, generateManifest } from '../../bench/generate';
import { PACKAGE_DIR } from '../support/engine';
import { yamlFilesUnder } from '../support/yaml-files';
import { docPages, yamlFences } from '../support/docs-examples';
import { TRICKY } from '../support/tricky-yaml';
import { stressTexts } from '../support/stress-texts';
import { manifestMutations } from '../support/subset-yaml';

interface Tally {
  fast: string[];
  declined: Map<string, string[]>;
  mismatches: string[];
}

function newTally(): Tally {
  return { fast: [], declined: new Map(), mismatches: [] };
}

interface Flat {
  /** One line per value met, depth first: `key = what`. */
  lines: string[];
  /** The line of each line's parent (-1 for the root), to name a line's full path. */
  parents: number[];
}

/**
 * The value as lines, walked without recursion (a fuzzed document can nest 256 levels, too deep for
 * assert's recursive comparison). A shared or circular object shows as the line that first reached
 * it; a symbol as its description (a merge key's value is a fresh Symbol('<<') in every parse);
 * -0 and NaN are told apart as Object.is does.
 */
function flatten(root: unknown): Flat {
  const lines: string[] = [];
  const parents: number[] = [];
  const seen = new Map<object, number>();
  const stack: [string, unknown, number][] = [['', root, -1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [key, value, parent] = next;
    const at = lines.length;
    parents.push(parent);
    if (typeof value !== 'object' || value === null) {
      const shown = typeof value === 'symbol' ? `symbol ${value.description ?? ''}` : Object.is(value, -0) ? '-0' : String(value);
      lines.push(`${key} = ${typeof value} ${shown}`);
      continue;
    }
    const first = seen.get(value);
    if (first !== undefined) {
      lines.push(`${key} = same as line ${first}`);
      continue;
    }
    seen.set(value, at);
    const keys = Object.keys(value);
    const kind = Array.isArray(value) ? 'array' : Object.getPrototypeOf(value) === Object.prototype ? 'object' : 'other';
    lines.push(`${key} = ${kind} of ${keys.length}`);
    for (let i = keys.length - 1; i >= 0; i--) stack.push([keys[i], (value as Record<string, unknown>)[keys[i]], at]);
  }
  return { lines, parents };
}

function pathOf(flat: Flat, line: number): string {
  const keys: string[] = [];
  for (let i = flat.parents[line]; i >= 0; i = flat.parents[i]) keys.push(flat.lines[i].split(' = ')[0]);
  return keys.reverse().join('/');
}

/** Where two flattened values first differ, with a few lines around it; undefined when they are equal. */
function firstDifference(a: Flat, b: Flat): string | undefined {
  let i = 0;
  while (i < a.lines.length && i < b.lines.length && a.lines[i] === b.lines[i]) i++;
  if (i === a.lines.length && i === b.lines.length) return undefined;
  const around = (f: Flat): string => f.lines.slice(Math.max(0, i - 2), i + 3).join('\n    ');
  const where = pathOf(a, Math.min(i, a.lines.length - 1));
  return `first difference at line ${i}, under ${where}\n  CST reader:\n    ${around(a)}\n  parser's Document:\n    ${around(b)}`;
}

/** Both routes on one text; the text itself and each of its documents as the engine splits them. */
function compare(label: string, text: string, tally: Tally): void {
  const chunks = splitDocuments(text);
  const texts = chunks.length > 1 ? [text, ...chunks.map((c) => c.text)] : [text];
  texts.forEach((t, i) => {
    const name = i === 0 ? label : `${label} #${i}`;
    const viaCst = parseYamlVia(t, 'cst');
    const reference = parseYamlVia(t, 'composer').parsed;
    if (viaCst.declined === undefined) tally.fast.push(name);
    else tally.declined.set(viaCst.declined, [...(tally.declined.get(viaCst.declined) ?? []), name]);
    const difference = firstDifference(flatten(viaCst.parsed), flatten(reference));
    if (difference !== undefined) {
      const route = viaCst.declined === undefined ? 'read from the CST' : `declined: ${viaCst.declined}`;
      tally.mismatches.push(`${name} [${route}]: ${difference}`);
    }
  });
}

function declinedSummary(tally: Tally): string {
  const lines = [...tally.declined].map(([reason, names]) => `  ${reason}: ${names.length} (${names.slice(0, 4).join(', ')})`);
  return `${tally.fast.length} documents read from the CST, declined:\n${lines.join('\n')}`;
}

function check(tally: Tally): void {
  assert.deepEqual(tally.mismatches.slice(0, 5), [], `${tally.mismatches.length} mismatches\n${declinedSummary(tally)}`);
  assert.ok(tally.fast.length > 0, `the CST reader took no document\n${declinedSummary(tally)}`);
}

const relative = (file: string): string => path.relative(PACKAGE_DIR, file);

test('fixtures, examples and docs examples: the CST reader agrees with the parser', () => {
  const tally = newTally();
  const dirs = ['test/fixtures', 'examples', 'test/nvim/fixtures', 'schemas'].map((d) => path.join(PACKAGE_DIR, d));
  const files = dirs.flatMap((d) => yamlFilesUnder(d));
  assert.ok(files.length > 300, `only ${files.length} YAML files found`);
  for (const file of files) compare(relative(file), fs.readFileSync(file, 'utf8'), tally);
  for (const page of docPages(PACKAGE_DIR)) {
    const fences = yamlFences(fs.readFileSync(path.join(PACKAGE_DIR, page), 'utf8'));
    for (const fence of fences) compare(`${page}:${fence.line}`, fence.body, tally);
  }
  check(tally);
  // Most fixture documents are ordinary manifests: a reader that declines most of them saves nothing.
  // (A file of several documents is one the engine never hands over whole.)
  const declined = [...tally.declined].flatMap(([reason, names]) => (reason === 'more than one document' ? [] : names));
  assert.ok(tally.fast.length > 0.9 * (tally.fast.length + declined.length), declinedSummary(tally));
});

test('benchmark and stress generators: the CST reader agrees, and reads every generated manifest', () => {
  const tally = newTally();
  for (let i = 0; i < 400; i++) compare(`generateDocument(${i})`, generateDocument(i), tally);
  assert.deepEqual([...tally.declined.keys()], [], declinedSummary(tally));
  compare('generateManifest(30)', generateManifest(30), tally);
  for (const [name, text] of stressTexts()) compare(name, text, tally);
  check(tally);
});

test('fuzz mutations of generated manifests: the CST reader agrees with the parser', () => {
  const tally = newTally();
  for (const [i, text] of manifestMutations(2000)) compare(`mutation ${i}`, text, tally);
  check(tally);
});

test('tricky documents: the CST reader agrees with the parser, and reads the ones it should', () => {
  const tally = newTally();
  for (const doc of TRICKY) compare(doc.name, doc.text, tally);
  check(tally);
  const fast = new Set(tally.fast);
  const missed = TRICKY.filter((d) => d.fast && !fast.has(d.name)).map((d) => d.name);
  assert.deepEqual(missed, [], declinedSummary(tally));
});
