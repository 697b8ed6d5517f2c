// parseYaml's two routes over the CLI benchmark's corpus (bench/cli-scale.ts: N generated manifests,
// 10 per file, split into documents as the CLI splits them): CPU time of the tree read from the
// parser's CST against the parser's Document path, and both against the parse floor (yaml's
// parseAllDocuments of each file), all measured in this run, repetitions interleaved.
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
  const declined = chunks.filter((c) => parseYamlVia(c, 'cst').declined !== undefined).length;
  const loadBefore = os.loadavg();
  const times: Record<'floor' | 'composer' | 'cst', number[]> = { floor: [], composer: [], cst: [] };
  for (let r = 0; r < reps + 1; r++) {
    const order: ('floor' | 'composer' | 'cst')[] = r % 2 === 0 ? ['floor', 'composer', 'cst'] : ['cst', 'composer', 'floor'];
    for (const route of order) {
      const ms = cpuMs(() => {
        if (route === 'floor') for (const t of files) parseAllDocuments(t);
        else for (const c of chunks) parseYamlVia(c, route);
      });
      if (r > 0) times[route].push(ms); // the first round warms the JIT for all three alike
    }
  }
  const m = { floor: median(times.floor), composer: median(times.composer), cst: median(times.cst) };
  return {
    manifests,
    documents: chunks.length,
    declinedByCst: declined,
    reps,
    floorCpuMs: +m.floor.toFixed(1),
    composerCpuMs: +m.composer.toFixed(1),
    cstCpuMs: +m.cst.toFixed(1),
    cstToComposer: +(m.cst / m.composer).toFixed(3),
    // Each repetition's two routes ran back to back, so their ratio sees the same machine load.
    cstToComposerPairedMedian: +median(times.cst.map((c, i) => c / times.composer[i])).toFixed(3),
    composerToFloor: +(m.composer / m.floor).toFixed(3),
    cstToFloor: +(m.cst / m.floor).toFixed(3),
    samples: times,
    loadavgBefore: loadBefore.map((l) => +l.toFixed(2)),
    loadavgAfter: os.loadavg().map((l) => +l.toFixed(2)),
  };
}

if (require.main === module) {
  console.log(JSON.stringify(parseRoutesBench(arg('--manifests', 10_000), arg('--reps', 5)), null, 2));
}
