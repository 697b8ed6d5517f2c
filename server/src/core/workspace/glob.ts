// Glob matching in time linear in the path (times the pattern's length): the pattern becomes a
// list of steps and the path is read once, tracking every step the match could be at, so no input
// can make it backtrack. Regular-expression matchers, ours before and picomatch's alike, take
// seconds on a pattern such as `*a*a*a*a*a*a*a*a*b` against a long name.
//
// Syntax as documented for `meshlint.exclude`: `*` and `?` (not across `/`), `**` as a whole
// segment (any number of folders), `[abc]`, `[a-z]`, `[!abc]`, `{a,b}` and `\` to escape. A
// pattern that does not parse (an unclosed `[` or `{`, a range like `[z-a]`) matches literally.
import { work } from '../work-count';

type Step =
  | { kind: 'char'; ch: string }
  | { kind: 'one' }
  | { kind: 'class'; test: (ch: string) => boolean }
  | { kind: 'star' }
  /** Before a globstar segment and its slash: skip both (no folders there), or go into them. */
  | { kind: 'fork' }
  /** Inside a globstar segment: any characters, leaving after a slash. */
  | { kind: 'folders' }
  /** A trailing `**`: anything, `/` included. */
  | { kind: 'rest' };

/** Brace expansion stops here: more alternatives than any real exclude list needs. */
const MAX_ALTERNATIVES = 256;
/** Longer patterns are taken literally (a literal costs one step per character of the path). */
const MAX_PATTERN_LENGTH = 1000;

export class Glob {
  private readonly alternatives: Step[][];

  constructor(readonly pattern: string) {
    const expanded = pattern.length <= MAX_PATTERN_LENGTH ? expandBraces(pattern) : undefined;
    const compiled = expanded?.map(compile);
    this.alternatives = compiled && compiled.every((c) => c !== undefined) ? compiled : [literal(pattern)];
  }

  /** Whether the whole text matches. */
  matches(text: string): boolean {
    return this.alternatives.some((steps) => run(steps, text, false).end);
  }

  /** Whether the text, or a part of it ending just before a `/`, matches (a folder and what is in it). */
  matchesPrefix(text: string): boolean {
    return this.alternatives.some((steps) => run(steps, text, true).end);
  }
}

function literal(text: string): Step[] {
  return [...text].map((ch) => ({ kind: 'char', ch }));
}

/** Every alternative of the pattern's braces; undefined when a brace is left open. */
function expandBraces(pattern: string): string[] | undefined {
  const open = findOpenBrace(pattern);
  if (open < 0) return [pattern];
  let depth = 0;
  const cuts: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    else if (c === ',' && depth === 1) cuts.push(i);
  }
  if (close < 0) return undefined;
  const bounds = [open, ...cuts, close];
  const head = pattern.slice(0, open);
  const tails = expandBraces(pattern.slice(close + 1));
  if (!tails) return undefined;
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const inner = expandBraces(pattern.slice(bounds[k] + 1, bounds[k + 1]));
    if (!inner) return undefined;
    for (const a of inner) for (const t of tails.slice(0, MAX_ALTERNATIVES - out.length)) out.push(head + a + t);
  }
  return out;
}

function findOpenBrace(pattern: string): number {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '{') return i;
  }
  return -1;
}

function compile(pattern: string): Step[] | undefined {
  const steps: Step[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      steps.push({ kind: 'char', ch: pattern[++i] });
    } else if (c === '*') {
      let j = i;
      while (pattern[j + 1] === '*') j++;
      const wholeSegment = j === i + 1 && (i === 0 || pattern[i - 1] === '/') && (j + 1 === pattern.length || pattern[j + 1] === '/');
      if (wholeSegment && j + 1 === pattern.length) steps.push({ kind: 'rest' });
      else if (wholeSegment) {
        steps.push({ kind: 'fork' }, { kind: 'folders' });
        j++; // the `/` belongs to the step
      } else steps.push({ kind: 'star' });
      i = j;
    } else if (c === '?') {
      steps.push({ kind: 'one' });
    } else if (c === '[') {
      const cls = readClass(pattern, i);
      if (!cls) return undefined;
      steps.push({ kind: 'class', test: cls.test });
      i = cls.end;
    } else {
      steps.push({ kind: 'char', ch: c });
    }
  }
  return steps;
}

/** A bracket expression starting at `at`: its test and the index of its `]`. */
function readClass(pattern: string, at: number): { test: (ch: string) => boolean; end: number } | undefined {
  let i = at + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  for (let first = true; i < pattern.length; first = false) {
    let c = pattern[i];
    if (c === ']' && !first) {
      return { test: (ch) => ch !== '/' && ranges.some(([lo, hi]) => ch >= lo && ch <= hi) !== negated, end: i };
    }
    if (c === '\\' && i + 1 < pattern.length) c = pattern[++i];
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      let hi = pattern[i + 2];
      let next = i + 3;
      if (hi === '\\' && i + 3 < pattern.length) hi = pattern[(next = i + 4) - 1];
      if (hi < c) return undefined;
      ranges.push([c, hi]);
      i = next;
    } else {
      ranges.push([c, c]);
      i++;
    }
  }
  return undefined;
}

/**
 * Reads the text once with the set of steps the match can be at. With `prefixes`, a match that
 * ends just before a `/` counts too.
 */
function run(steps: Step[], text: string, prefixes: boolean): { end: boolean } {
  const m = steps.length;
  let current = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  current[0] = 1;
  close(steps, current);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (prefixes && ch === '/' && current[m]) return { end: true };
    next.fill(0);
    let any = false;
    for (let p = 0; p < m; p++) {
      if (!current[p]) continue;
      work.steps++;
      const s = steps[p];
      switch (s.kind) {
        case 'char':
          if (ch === s.ch) next[p + 1] = 1;
          break;
        case 'one':
          if (ch !== '/') next[p + 1] = 1;
          break;
        case 'class':
          if (s.test(ch)) next[p + 1] = 1;
          break;
        case 'star':
          if (ch !== '/') next[p] = 1;
          break;
        case 'folders':
          next[p] = 1;
          if (ch === '/') next[p + 1] = 1;
          break;
        case 'rest':
          next[p] = 1;
          break;
        case 'fork':
          break;
      }
    }
    close(steps, next);
    for (let p = 0; p <= m && !any; p++) any = next[p] === 1;
    if (!any) return { end: false };
    [current, next] = [next, current];
  }
  return { end: current[m] === 1 };
}

/** Steps that can match nothing (a star, a fork, a trailing globstar) let the match move past them. */
function close(steps: Step[], states: Uint8Array): void {
  for (let p = 0; p < steps.length; p++) {
    if (!states[p]) continue;
    const k = steps[p].kind;
    if (k === 'star' || k === 'rest' || k === 'fork') states[p + 1] = 1;
    if (k === 'fork') states[p + 2] = 1;
  }
}
