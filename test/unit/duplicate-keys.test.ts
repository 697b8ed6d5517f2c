// Duplicate keys in maps small and large, on every reading route, against the `yaml` library's own
// uniqueness check as the reference. Small maps are scanned and maps from 32 pairs on are indexed
// (yaml-node-values.ts, checkDuplicate): a repeat must be found on either side of that switch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { parseYamlVia, type ParseRoute } from '../../server/src/core/parse';

/** Offsets of the keys the `yaml` library reports as repeated (its Composer checks every map). */
function libraryDuplicates(text: string): number[] {
  return parseDocument(text, { uniqueKeys: true })
    .errors.filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => e.pos[0]);
}

/** `count` keys k0, k1, ... where key i repeats key `repeats[i]`, as a block map or a flow map. */
function map(count: number, repeats: Record<number, number>, flow: boolean): string {
  const keys = Array.from({ length: count }, (_, i) => `k${repeats[i] ?? i}`);
  return flow ? `m: {${keys.map((k, i) => `${k}: ${i}`).join(', ')}}\n` : `m:\n${keys.map((k, i) => `  ${k}: ${i}\n`).join('')}`;
}

const CASES: { name: string; count: number; repeats: Record<number, number>; alike?: [number, number] }[] = [
  { name: 'a small map', count: 6, repeats: { 4: 1 } },
  { name: 'the last scanned key repeats the first', count: 32, repeats: { 31: 0 } },
  { name: 'the first indexed key repeats the first', count: 33, repeats: { 32: 0 } },
  { name: 'repeats on both sides of the switch', count: 40, repeats: { 5: 2, 33: 3, 38: 34, 39: 2 } },
  // Keys 1 and 0x1 are one key as YAML reads them: both the scan and the index compare values, not spellings.
  { name: 'numbers that read alike, scanned', count: 6, repeats: {}, alike: [2, 4] },
  { name: 'numbers that read alike, indexed', count: 36, repeats: {}, alike: [34, 35] },
];

/** The map of a case, with its two alike keys written as `1` and `0x1`. */
function caseText(c: (typeof CASES)[number], flow: boolean): string {
  const text = map(c.count, c.repeats, flow);
  if (!c.alike) return text;
  const [a, b] = c.alike;
  return text.replace(`k${a}: ${a}`, `1: ${a}`).replace(`k${b}: ${b}`, `0x1: ${b}`);
}

const ROUTES: ParseRoute[] = ['cst', 'tokens', 'composer'];

test('a repeated key is reported where the yaml library reports it, in small and large maps, on every route', () => {
  for (const c of CASES) {
    for (const flow of [false, true]) {
      const text = caseText(c, flow);
      const expected = libraryDuplicates(text);
      assert.equal(expected.length, Object.keys(c.repeats).length + (c.alike ? 1 : 0), `${c.name}: the reference sees every repeat`);
      for (const route of ROUTES) {
        const got = parseYamlVia(text, route)
          .parsed.problems.filter((p) => p.code.startsWith('DUPLICATE_KEY'))
          .map((p) => p.start);
        assert.deepEqual(got, expected, `${c.name}, ${flow ? 'flow' : 'block'}, route ${route}`);
      }
    }
  }
});
