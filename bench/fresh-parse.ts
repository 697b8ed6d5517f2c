// The parse floor a server's first check meets: the first `yaml` parse of a text in a fresh Node
// process, when the parser's code is as cold as the server's. The floor measured in the benchmark's
// own process is warm (its median of seven runs), so against it a first open also pays for cold code
// that a first parse would pay too. Both are reported; neither replaces the other.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median } from './stats';
import { numberFromFreshProcess } from './node-script';

const YAML_DIR = path.join(__dirname, '..', '..', 'node_modules', 'yaml');

/** Milliseconds of one `parseAllDocuments(text)`, the first in a fresh process (the file read is not timed). */
function firstParseMs(file: string): Promise<number> {
  const script = `const { parseAllDocuments } = require(${JSON.stringify(YAML_DIR)});
const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
const t = performance.now(); parseAllDocuments(text); process.stdout.write(String(performance.now() - t));`;
  return numberFromFreshProcess(script, 'parse');
}

/** The median of three fresh processes' first parse of `text`. */
export async function freshParseMs(text: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-bench-parse-'));
  const file = path.join(dir, 'input.yaml');
  fs.writeFileSync(file, text);
  try {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push(await firstParseMs(file));
    return median(runs);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
