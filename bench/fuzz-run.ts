// The fuzz loop shared by `npm run fuzz` (bench/fuzz.ts) and a short unit test: a document edited
// over and over with mutations aimed at the parser's weak spots (aliases, merge keys, deep
// nesting, block scalars, control characters, markers), each version checked by the core engine
// and, now and then, asked for completion and an outline. Deterministic for a seed.
import { Engine } from '../server/src/core/engine';
import { DEFAULT_CONFIG } from '../server/src/core/config';
import { completeAt } from '../server/src/core/completion/complete';
import { outline } from '../server/src/core/outline/outline';
import type { SchemaRegistry } from '../server/src/core/schema';
import { generateManifest } from './generate';

const TOKENS = [
  '&a ',
  '&b ',
  '*a',
  '*b',
  '*a\n',
  '<<: *a\n',
  '<<: [*a, *b]\n',
  '  <<: *b\n',
  'k: &a {x: 1}\n',
  'l: &b [1, 2]\n',
  '[',
  ']',
  '{',
  '}',
  '[[[[[[[[',
  ']]]]]]]]',
  '{a: {b: {c: ',
  '}}}',
  '- ',
  '- - - ',
  '? ',
  ': ',
  ', ',
  '|\n',
  '|-\n',
  '>+\n',
  '|2\n',
  '>\n    folded\n',
  '"',
  "'",
  '\\',
  '#',
  ' # c\n',
  '\n',
  '\r\n',
  '\t',
  '  ',
  '        ',
  '\u0000',
  '\u0001',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\ud800',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '{{ .Values.x }}',
  '!!str ',
  '!!binary ',
  '!custom ',
  'null',
  '~',
  '0x1F',
  '1e309',
  '.nan',
  'true',
  'yes',
  'apiVersion: security.istio.io/v1\n',
  'kind: PeerAuthentication\n',
  'mode: STRICT',
  'spec:\n  mtls:\n',
];

/** Small and fast: a linear congruential generator is enough to spread the edits. */
export class Random {
  constructor(private state: number) {}

  next(n: number): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
    return (this.state >>> 8) % n;
  }
}

export function mutate(text: string, r: Random): string {
  const at = r.next(text.length + 1);
  switch (r.next(6)) {
    case 0: // delete a short run
      return text.slice(0, at) + text.slice(at + 1 + r.next(12));
    case 1: // a deep run of one opener
      return text.slice(0, at) + (r.next(2) ? '[' : '{').repeat(1 + r.next(400)) + text.slice(at);
    case 2: {
      // copy a slice elsewhere (repeats keys, anchors and structure)
      const from = r.next(text.length + 1);
      return text.slice(0, at) + text.slice(from, from + r.next(200)) + text.slice(at);
    }
    default:
      return text.slice(0, at) + TOKENS[r.next(TOKENS.length)] + text.slice(at);
  }
}

export interface FuzzStats {
  edits: number;
  /** Engine runs that threw (the message and the text's length). */
  crashes: string[];
  /** Rules that threw inside the engine (it reports and carries on). */
  internalErrors: string[];
  /** The slowest single analysis, and the text it was on. */
  slowestMs: number;
  slowestLength: number;
  maxHeapUsed: number;
}

export interface FuzzOptions {
  edits: number;
  seed: number;
  registry: SchemaRegistry;
  /** A clock, only for the benchmark's report (tests pass none). */
  now?: () => number;
  /** Stops early when it returns true (a time budget). */
  stop?: (stats: FuzzStats) => boolean;
  /** Heap sampler, for the benchmark. */
  heapUsed?: () => number;
}

const MAX_TEXT = 40_000;

export function runFuzz(options: FuzzOptions): FuzzStats {
  const r = new Random(options.seed);
  const seeds = generateManifest(12).split('---\n');
  const stats: FuzzStats = { edits: 0, crashes: [], internalErrors: [], slowestMs: 0, slowestLength: 0, maxHeapUsed: 0 };
  let engine = new Engine(options.registry, { cacheLimit: 2000 });
  let text = seeds[0];
  for (let i = 0; i < options.edits; i++) {
    if (i % 200 === 0 || text.length > MAX_TEXT) text = seeds.slice(0, 1 + r.next(4)).join('---\n');
    if (i % 5000 === 0) engine = new Engine(options.registry, { cacheLimit: 2000 });
    text = mutate(text, r);
    const started = options.now?.() ?? 0;
    try {
      const analysis = engine.analyze(text, DEFAULT_CONFIG);
      if (analysis.internalErrors.length > 0 && stats.internalErrors.length < 20) {
        stats.internalErrors.push(...analysis.internalErrors.map((e) => e.split('\n')[0]));
      }
      if (i % 20 === 0) {
        outline(analysis);
        completeAt(text, r.next(text.length + 1), { registry: options.registry, trustDomain: 'cluster.local' });
      }
    } catch (err) {
      const where = (err as Error).stack?.split('\n').slice(0, 3).join(' | ');
      if (stats.crashes.length < 20) stats.crashes.push(`${where} (text of ${text.length})`);
    }
    const ms = (options.now?.() ?? 0) - started;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowestLength = text.length;
    }
    stats.edits = i + 1;
    if (options.heapUsed && i % 1000 === 0) stats.maxHeapUsed = Math.max(stats.maxHeapUsed, options.heapUsed());
    if (options.stop?.(stats)) break;
  }
  return stats;
}
