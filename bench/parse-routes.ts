// parseYaml's routes over the CLI benchmark's corpus (bench/cli-scale.ts: N generated manifests,
// 10 per file, split into documents as the CLI splits them): CPU time of the tree read from the text
// ('cst', the default: tree-from-text.ts, else the CST), from the parser's CST tokens ('tokens') and
// from the parser's Document ('composer'), against the parse floor (yaml's parseAllDocuments of each
// file), all measured in this run, repetitions interleaved.
// Run: node out/bench/parse-routes.js (options: --manifests N, --reps N)
import * as os from 'node:os';
import { parseAllDocuments } from 'yaml';
import { parseYamlVia } from '../server/src/core/parse';
import { splitDocuments } from '../server/src/core/split';
import { generateDocument } from './generate';
import { arg, median } from './stats';

const PER_FILE = 10;

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export function parseRoutesBench(manifests: number, reps: number): Record<string, unknown> {
  const files: string[] = [];
  for (let f = 0; f * PER_FILE < manifests; f++) {
    const docs: string[] = [];
    for (let d = 0; d < PER_FILE && f * PER_FILE + d < manifests; d++) docs.push(generateDocument(f * PER_FILE + d));
    files.push(docs.join('---\n'));
  }
  const chunks = files.flatMap((t) => splitDocuments(t).map((c) => c.text));
  const declined = chunks.filter((c) => parseYamlVia(c, 'tokens').declined !== undefined).length;
  const textDeclined = chunks.filter((c) => parseYamlVia(c, 'cst').textDeclined !== undefined).length;
  const loadBefore = os.loadavg();
  type Route = 'floor' | 'composer' | 'tokens' | 'cst';
  const times: Record<Route, number[]> = { floor: [], composer: [], tokens: [], cst: [] };
  for (let r = 0; r < reps + 1; r++) {
    const order: Route[] = r % 2 === 0 ? ['floor', 'composer', 'tokens', 'cst'] : ['cst', 'tokens', 'composer', 'floor'];
    for (const route of order) {
      const ms = cpuMs(() => {
        if (route === 'floor') for (const t of files) parseAllDocuments(t);
        else for (const c of chunks) parseYamlVia(c, route);
      });
      if (r > 0) times[route].push(ms); // the first round warms the JIT for all three alike
    }
  }
  const m = { floor: median(times.floor), composer: median(times.composer), tokens: median(times.tokens), cst: median(times.cst) };
  return {
    manifests,
    documents: chunks.length,
    declinedByCst: declined,
    declinedByText: textDeclined,
    reps,
    floorCpuMs: +m.floor.toFixed(1),
    composerCpuMs: +m.composer.toFixed(1),
    tokensCpuMs: +m.tokens.toFixed(1),
    cstCpuMs: +m.cst.toFixed(1),
    tokensToComposer: +(m.tokens / m.composer).toFixed(3),
    // Each repetition's routes ran back to back, so their ratio sees the same machine load.
    tokensToComposerPairedMedian: +median(times.tokens.map((c, i) => c / times.composer[i])).toFixed(3),
    textToTokensPairedMedian: +median(times.cst.map((c, i) => c / times.tokens[i])).toFixed(3),
    tokensOverTextSpeedup: +(m.tokens / m.cst).toFixed(2),
    composerToFloor: +(m.composer / m.floor).toFixed(3),
    tokensToFloor: +(m.tokens / m.floor).toFixed(3),
    cstToFloor: +(m.cst / m.floor).toFixed(3),
    samples: times,
    loadavgBefore: loadBefore.map((l) => +l.toFixed(2)),
    loadavgAfter: os.loadavg().map((l) => +l.toFixed(2)),
  };
}

if (require.main === module) {
  console.log(JSON.stringify(parseRoutesBench(arg('--manifests', 10_000), arg('--reps', 5)), null, 2));
}
