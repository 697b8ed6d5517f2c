// Seeded random YAML documents in (and just around) the subset the text reader accepts: block maps
// and sequences at varied indent steps, compact maps in items, sequences at their key's indent,
// one-line scalars of every plain kind, quoted scalars, one-line flow collections, empty values,
// comment and blank lines at any indent, trailing spaces and comments, a `---` first line, CRLF.
// Plus character mutations of such documents, which mostly leave the subset (the reader must decline).
import { mutate, Random } from '../../bench/fuzz-run';
import { generateManifest } from '../../bench/generate';

const WORDS = [
  'a',
  'b',
  'name',
  'spec',
  'x y',
  'svc-1.team',
  'on',
  'y',
  'no',
  'true',
  'null',
  '~',
  '8080',
  '0x1F',
  '-1',
  '.5',
  'a:b',
  'x#y',
  '-k',
  'k.v/w',
];
const PLAIN = [
  'STRICT',
  '1.50',
  '007',
  '1e3',
  '.inf',
  '.nan',
  'yes',
  'Off',
  '',
  'a:b',
  'http://x/y',
  'registry.example.com/svc-1:1.2',
  'a b  c',
  '-x',
  '?x',
  'x#y',
  'p[0]',
  "it's",
  'say "hi"',
  '24h',
  '1_000',
  '+1',
  '0o17',
  'null',
  'TRUE',
  '<<',
  'a\uE000b',
];
const QUOTED = ['"GET"', '"a: b"', "'x # y'", '""', "''", '"1"', '"on"', '"é"', '"#"', "'a\uE000b'"];
/** Quoted scalars the text reader leaves to the parser (escapes, doubled quotes). */
const QUOTED_RARE = ["'it''s'", '"a\\tb"', '"\\""'];
const FLOW_ITEMS = ['a', 'b', '1', 'true', '"q r"', "'s'", 'x y', 'null', '~', '-2', 'a.b/c', 'a:b', 'h://p:8'];

export function pick<T>(r: Random, from: readonly T[]): T {
  return from[r.next(from.length)];
}

class Writer {
  readonly lines: string[] = [];
  constructor(
    readonly r: Random,
    readonly step: number,
  ) {}

  /** Maybe blank or comment lines (at any indent up to a little past `col`). */
  noise(col: number): void {
    while (this.r.next(6) === 0) {
      const k = this.r.next(4);
      if (k === 0) this.lines.push('');
      else if (k === 1) this.lines.push(' '.repeat(this.r.next(col + 4)));
      else this.lines.push(`${' '.repeat(this.r.next(col + this.step * 2 + 1))}# note ${this.r.next(9)}`);
    }
  }

  /** Text after a node on its line: nothing, trailing spaces, or a comment. */
  after(): string {
    const k = this.r.next(8);
    return k === 0 ? '  ' : k === 1 ? ' # why' : k === 2 ? '   #x' : '';
  }

  key(): string {
    const k = this.r.next(10);
    if (k === 0) return pick(this.r, ['"quoted key"', "'sq'", '"on"', '"8080"']);
    return pick(this.r, WORDS) + (k === 1 ? `${this.r.next(3)}` : '');
  }

  scalar(): string {
    const k = this.r.next(10);
    if (k < 2) return pick(this.r, this.r.next(20) === 0 ? QUOTED_RARE : QUOTED);
    if (k === 2) return this.flowCollection();
    return pick(this.r, PLAIN) || 'v';
  }

  flowCollection(): string {
    const n = this.r.next(4);
    const gap = this.r.next(3) === 0 ? ' ' : '';
    if (this.r.next(2) === 0) {
      const items = Array.from({ length: n }, () => pick(this.r, FLOW_ITEMS));
      return `[${gap}${items.join(this.r.next(4) === 0 ? ' , ' : ', ')}${gap}]`;
    }
    const pairs = Array.from({ length: n }, () => `${pick(this.r, ['k', 'x', 'y', '"q"', 'on'])}: ${pick(this.r, FLOW_ITEMS)}`);
    return `{${gap}${pairs.join(', ')}${gap}}`;
  }

  /** A block map whose first key goes on `first` (a prefix such as `- `, or indentation). */
  map(col: number, depth: number, first: string): void {
    const n = 1 + this.r.next(4);
    for (let i = 0; i < n; i++) {
      const lead = i === 0 ? first : ' '.repeat(col);
      this.value(col, depth, `${lead}${this.key()}:`);
      this.noise(col);
    }
  }

  /** What follows `head` (a key and its colon): an inline value, nothing, or a block on the next lines. */
  value(col: number, depth: number, head: string): void {
    const k = depth > 4 ? 0 : this.r.next(7);
    if (k <= 2) this.lines.push(`${head} ${this.scalar()}${this.after()}`);
    else if (k === 3) this.lines.push(`${head}${this.r.next(3) === 0 ? this.after() : ''}`);
    else {
      this.lines.push(`${head}${this.r.next(5) === 0 ? ' # block' : ''}`);
      this.noise(col);
      const inner = col + this.step;
      if (k === 4) this.map(inner, depth + 1, ' '.repeat(inner));
      else this.seq(k === 5 ? col : inner, depth + 1);
    }
  }

  seq(col: number, depth: number): void {
    const n = 1 + this.r.next(4);
    for (let i = 0; i < n; i++) {
      const pad = ' '.repeat(1 + (this.r.next(4) === 0 ? 2 : 0));
      if (depth < 5 && this.r.next(3) === 0) this.map(col + 1 + pad.length, depth + 1, `${' '.repeat(col)}-${pad}`);
      else this.lines.push(`${' '.repeat(col)}-${pad}${this.scalar()}${this.after()}`);
      this.noise(col);
    }
  }
}

/** Document `seed` of the family. */
export function subsetDocument(seed: number): string {
  const r = new Random(seed * 7919 + 1);
  const w = new Writer(r, 1 + r.next(4));
  w.noise(0);
  if (r.next(5) === 0) w.lines.push(pick(r, ['---', '--- # start', '---  ']));
  w.noise(0);
  const root = r.next(8) === 0 ? 2 : 0;
  if (r.next(5) === 0) w.seq(root, 0);
  else w.map(root, 0, ' '.repeat(root));
  if (r.next(30) === 0) w.lines.push(...pick(r, [['...'], ['... # end'], ['...', '# after', '']]));
  const eol = r.next(15) === 0 ? '\r\n' : '\n';
  const text = (r.next(20) === 0 ? '\uFEFF' : '') + w.lines.join(eol);
  return r.next(10) === 0 ? text : text + eol;
}

const EDITS = [
  ' ',
  '  ',
  '\n',
  '#',
  ' #',
  ':',
  ': ',
  '- ',
  '-',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '\t',
  '\r',
  'a',
  '&a ',
  '*a',
  '!',
  '|',
  '>',
  '%',
  '?',
  '? ',
  '...\n',
  '---\n',
  '\\',
  '<<',
  '\uFEFF',
];

/** A small edit of `text`: insert a token, delete a run, or re-indent a line. */
export function mutateSubset(text: string, r: Random): string {
  const at = r.next(text.length + 1);
  const k = r.next(5);
  if (k === 0) return text.slice(0, at) + text.slice(at + 1 + r.next(4));
  if (k === 1) {
    const line = text.lastIndexOf('\n', at - 1) + 1;
    return text.slice(0, line) + ' '.repeat(r.next(3)) + text.slice(line + r.next(3));
  }
  return text.slice(0, at) + pick(r, EDITS) + text.slice(at);
}

/**
 * `count` successive fuzz edits (bench/fuzz-run.ts) of the generated manifests, restarting from a
 * fresh manifest every 40 edits; texts of 20,000 characters or more are left out (huge bracket runs
 * are the nesting scan's business, not the readers').
 */
export function* manifestMutations(count: number): Generator<[number, string]> {
  const seeds = generateManifest(12).split('---\n');
  const r = new Random(11);
  let text = seeds[0];
  for (let i = 0; i < count; i++) {
    if (i % 40 === 0) text = seeds[i % seeds.length];
    text = mutate(text, r);
    if (text.length < 20_000) yield [i, text];
  }
}
