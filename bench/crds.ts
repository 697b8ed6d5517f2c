// Cost of validating against the user's CRDs, as ratios to built-in validation measured in the
// same run: building the registry from the Istio and cert-manager CRDs (once per set of CRDs), the
// first check (compiles the schemas and CEL rules of the kinds met) and later checks (compiled code
// reused: the CEL compilation count must not grow). Records the machine load.
// Run: npx tsc -b && node out/bench/crds.js [--docs N]   (needs ../shared/upstream or MESHLINT_SHARED_UPSTREAM)
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Engine } from '../server/src/core/engine';
import { SchemaRegistry } from '../server/src/core/schema';
import { DEFAULT_CONFIG } from '../server/src/core/config';
import { registryWithCrds } from '../server/src/core/crd/crd-registry';
import { builtinBundle, crdText, CERT_MANAGER_CRDS, ISTIO_CRDS } from '../test/support/crds';
import { generateManifest } from './generate';
import { arg, median } from './stats';

function time(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/** A fresh engine (empty document cache) over a registry that keeps what it compiled. */
function check(registry: SchemaRegistry, text: string): number {
  const engine = new Engine(registry, { maxFileLength: Infinity });
  return time(() => engine.analyze(text, DEFAULT_CONFIG));
}

function main(): void {
  const docs = arg('--docs', 1000);
  const text = generateManifest(docs);
  const runs = 5;
  const loadBefore = os.loadavg();
  const bundle = builtinBundle();
  const texts = [crdText(ISTIO_CRDS), crdText(CERT_MANAGER_CRDS)];

  const builtin = new SchemaRegistry(bundle);
  const builtinFirst = check(builtin, text);
  let crd: ReturnType<typeof registryWithCrds> | undefined;
  const setup = time(() => (crd = registryWithCrds(bundle, texts)));
  if (!crd) throw new Error('no registry');
  const registry = crd.registry;
  const crdFirst = check(registry, text);
  const compiledAfterFirst = registry.crdRules?.compilations ?? 0;
  const builtinWarm: number[] = [];
  const crdWarm: number[] = [];
  // Interleaved, so load changes during the run touch both sides alike.
  for (let i = 0; i < runs; i++) {
    builtinWarm.push(check(builtin, text));
    crdWarm.push(check(registry, text));
  }
  const compiledAtEnd = registry.crdRules?.compilations ?? 0;
  const base = median(builtinWarm);
  const row = (name: string, ms: number): string => `| ${name} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)} |`;
  console.log(`${docs} documents, ${text.length} characters; ${crd.crds.length} CRDs; median of ${runs} for repeated checks`);
  console.log('| measure | ms | ratio to a built-in check |');
  console.log('|---|---|---|');
  console.log(row('built-in check (baseline, compiled)', base));
  console.log(row('built-in first check (compiles schemas)', builtinFirst));
  console.log(row('registry from the Istio + cert-manager CRDs (once per CRD set)', setup));
  console.log(row('CRD first check (compiles schemas and CEL rules of kinds met)', crdFirst));
  console.log(row('CRD check (compiled)', median(crdWarm)));
  console.log(`CEL rules compiled: ${compiledAfterFirst} after the first check, ${compiledAtEnd} after ${runs} more (must be equal)`);
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`load average before: ${load(loadBefore)}; after: ${load(os.loadavg())}`);
  if (compiledAtEnd !== compiledAfterFirst) process.exitCode = 1;
}

main();
