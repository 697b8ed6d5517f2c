// Explaining one workload against a full workspace scan, both measured in the same run on a
// generated workspace of N files (default 5,000): the scan is what the editor and CLI pay to check
// every file's facts and run the workspace rules; the explain answers from the indexed facts (a new
// snapshot each round, so nothing is memoised from the round before). Prints ratios to the scan
// and the machine load.
// Run: npm run bench:explain   (or: npx tsc -b && node out/bench/explain.js [--files N] [--runs N])
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG } from '../server/src/core/config';
import { checkWorkspace } from '../server/src/core/workspace/check-workspace';
import type { FileFacts } from '../server/src/core/workspace/facts';
import { WorkspaceView } from '../server/src/core/workspace/view';
import { explainWorkload } from '../server/src/core/policy/explain';
import { generateManifest } from './generate';
import { arg, median } from './stats';

/** Files of one or two documents each, in 20 team namespaces, with Services and Namespaces added. */
function workspaceFiles(count: number): { uri: string; text: string }[] {
  const files: { uri: string; text: string }[] = [];
  for (let t = 0; t < 20; t++)
    files.push({
      uri: `file:///ws/ns/team-${t}.yaml`,
      text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-${t}\n  labels: {istio-injection: enabled}\n`,
    });
  files.push({
    uri: 'file:///ws/mesh/default.yaml',
    text: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: istio-system}\nspec: {mtls: {mode: STRICT}}\n',
  });
  const docs = generateManifest(count).split('---\n');
  for (let i = 0; files.length < count; i++) {
    // Every fifth document is a Deployment (svc-i in team-(i % 20)): its Service goes beside it.
    const text = i % 5 === 4 ? `${docs[i]}---\n${service(i)}` : docs[i];
    files.push({ uri: `file:///ws/app/f-${i}.yaml`, text });
  }
  return files;
}

function service(i: number): string {
  return `apiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}, namespace: team-${i % 20}}\nspec:\n  selector: {app: svc-${i}}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n`;
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

function main(): void {
  const count = arg('--files', 5000);
  const runs = arg('--runs', 5);
  const loadBefore = os.loadavg();
  const files = workspaceFiles(count);
  const scans: number[] = [];
  const explains: number[] = [];
  let facts: readonly FileFacts[] = [];
  // Interleaved, so a change of load during the run touches both sides alike.
  for (let r = 0; r < runs; r++) {
    const scan = time(() => checkWorkspace(files, DEFAULT_CONFIG));
    scans.push(scan.ms);
    facts = scan.value.index.view().files;
    const i = 4 + 5 * ((r * 37) % Math.floor(count / 10));
    const target = { namespace: `team-${i % 20}`, name: `svc-${i}` };
    const explained = time(() => explainWorkload(new WorkspaceView(facts), DEFAULT_CONFIG, target));
    if (explained.value.kind !== 'explained') throw new Error(`no workload ${target.namespace}/${target.name}: ${explained.value.kind}`);
    explains.push(explained.ms);
  }
  const base = median(scans);
  const row = (name: string, ms: number): string => `| ${name} | ${ms.toFixed(1)} | ${(ms / base).toFixed(4)} |`;
  console.log(`${files.length} files, ${facts.reduce((n, f) => n + f.facts.length, 0)} facts; median of ${runs}`);
  console.log('| measure | ms | ratio to a full scan |');
  console.log('|---|---|---|');
  console.log(row('full workspace scan: facts of every file + workspace rules (baseline)', base));
  console.log(row('explain one workload: new snapshot of the indexed facts + effective policy', median(explains)));
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`load average before: ${load(loadBefore)}; after: ${load(os.loadavg())}`);
  if (median(explains) / base >= 0.05) process.exitCode = 1;
}

main();
