// `npm run bench`: every scale figure of docs/performance.md in one run, each as a ratio to a
// baseline measured in the same run, with the machine's load before and after (os.loadavg()).
// --quick: smaller inputs (1,000-document file, 1,000 and 5,000 files, 2,000 manifests), fewer edits.
import * as os from 'node:os';
import { cliBench } from './cli-scale';
import { latencyBench } from './latency';
import { workspaceBench } from './workspace-scale';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const loadBefore = os.loadavg();
  const results: Record<string, unknown> = { cores: os.availableParallelism(), quick, loadBefore };
  const section = async (name: string, run: () => Promise<unknown>): Promise<void> => {
    results[name] = await run();
    console.error(
      `${name}: ${JSON.stringify(results[name])} (load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
  };
  for (const docs of quick ? [1000] : [1000, 5000]) await section(`file-${docs}`, () => latencyBench(docs, quick ? 15 : 40));
  for (const files of quick ? [1000, 5000] : [5000, 20000])
    await section(`workspace-${files}`, () => workspaceBench(files, quick ? 10 : 20));
  await section('cli', () => cliBench(quick ? 2000 : 10000));
  results.loadAfter = os.loadavg();
  console.log(JSON.stringify(results, null, 2));
}

void main();
