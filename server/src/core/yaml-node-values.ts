// What the tree builders (from the parser's Document, from its CST tokens, or from the text) store
// for a scalar and report for a repeated key, so they can only agree.
import { goPlainScalar } from './go-scalars';
import type { YNode, YPair, ScalarStyle } from './yaml-tree';
import type { PlainScalarReader } from './core-schema-scalar';
import { decline } from './cst-props';

export interface YamlProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
  code: string;
}

/** A private-use character: stands in for a `:` the parser would otherwise take as an indicator. */
export const COLON_STANDIN = '\uE000';

/** A plain scalar's value as kubectl reads it (see go-scalars.ts and parse.ts hideColons). */
export function plainScalarValue(value: unknown, start: number, end: number, text: string): unknown {
  // A stand-in that is written in the text itself is a character like any other: parse.ts hides no
  // colon in a document that holds one, so only stand-ins absent from the written scalar were colons.
  if (typeof value === 'string' && value.includes(COLON_STANDIN) && !text.slice(start, end).includes(COLON_STANDIN)) {
    return value.split(COLON_STANDIN).join(':');
  }
  const written = typeof value === 'string' ? value : typeof value === 'number' ? text.slice(start, end) : undefined;
  if (written === undefined) return value;
  const go = goPlainScalar(written, value);
  return go ? go.value : value;
}

/**
 * The value of a plain scalar written as `written` at [start, end) (after any folding), for the two
 * readers that resolve plain scalars themselves (tree-from-cst.ts, tree-from-text.ts): the core
 * schema's reading, then kubectl's. Declines a plain `<<` key, which the parser (`merge: true`) reads
 * as a merge key, not a string.
 */
export function readPlainScalar(
  written: string,
  atKey: boolean,
  start: number,
  end: number,
  text: string,
  corePlain: PlainScalarReader,
): unknown {
  if (atKey && written === '<<') decline('merge key');
  return plainScalarValue(corePlain(written), start, end, text);
}

/** Our style for the parser's scalar type name. */
export function styleOf(type: string | null | undefined): ScalarStyle {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL':
      return 'block';
    default:
      return 'plain';
  }
}

/** Maps with fewer pairs are scanned for an earlier equal key; larger ones get an index. */
const SCAN_BELOW = 32;

/**
 * Reports `key` when an earlier key of its map (`pairs`, before `key` is added) had the same value,
 * as the parser's own check does (NaN never equals itself). A small map is scanned, with nothing
 * allocated: most maps have a handful of keys, and a Map for each of them was garbage on every
 * parse. From SCAN_BELOW pairs on, the returned index (each key value with its first key node) is
 * passed back in for the map's next key.
 */
export function checkDuplicate(
  key: YNode,
  pairs: readonly YPair[],
  seen: Map<unknown, YNode> | undefined,
  into: YamlProblem[],
  text: string,
): Map<unknown, YNode> | undefined {
  if (key.kind !== 'scalar' || Number.isNaN(key.value)) return seen;
  if (seen === undefined && pairs.length < SCAN_BELOW) {
    // `===` is the Map's SameValueZero here: NaN keys never reach this point.
    for (let i = 0; i < pairs.length; i++) {
      const k = pairs[i].key;
      if (k !== null && k.kind === 'scalar' && k.value === key.value) {
        into.push(duplicateKey(k, key, text));
        break;
      }
    }
    return undefined;
  }
  if (seen === undefined) {
    seen = new Map();
    for (const p of pairs)
      if (p.key && p.key.kind === 'scalar' && !Number.isNaN(p.key.value) && !seen.has(p.key.value)) seen.set(p.key.value, p.key);
  }
  const first = seen.get(key.value);
  if (first) into.push(duplicateKey(first, key, text));
  else seen.set(key.value, key);
  return seen;
}

/**
 * A repeated key. Two different spellings can read as one key the way kubectl reads YAML 1.1
 * (`on` and `y` are both `true`): then the message names both, since "must be unique" alone
 * makes no sense to someone who wrote two different keys.
 */
function duplicateKey(first: YNode, again: YNode, text: string): YamlProblem {
  const a = text.slice(first.start, first.end);
  const b = text.slice(again.start, again.end);
  const plain = a === b || again.kind !== 'scalar';
  const message = plain
    ? 'Map keys must be unique'
    : `Map keys must be unique: \`${b}\` and \`${a}\` are the same key \`${JSON.stringify(again.value) ?? 'null'}\` as kubectl reads YAML (1.1); quote them to keep both`;
  return { message, start: again.start, end: again.start + 1, severity: 'error', code: plain ? 'DUPLICATE_KEY' : 'DUPLICATE_KEY_YAML11' };
}
