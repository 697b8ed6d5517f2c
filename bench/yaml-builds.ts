// The `yaml` build the dist bundles ship (esbuild.mjs aliases the package to its browser build,
// which lacks the Node build's per-token debug hooks). The benchmarks' parse floors use the Node
// build, as any Node tool would; this one is reported beside it so no ratio hides that difference.
import * as path from 'node:path';

type ParseAll = (text: string) => unknown;

export function shippedParseAll(): ParseAll {
  const file = path.join(__dirname, '..', '..', 'node_modules', 'yaml', 'browser', 'index.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { parseAllDocuments: ParseAll }).parseAllDocuments;
}
