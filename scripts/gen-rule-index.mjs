#!/usr/bin/env node
// Regenerates the rule index table in README.md from the rule registry (every rule's metadata).
// Reads the compiled registry, so build first (`npm run build`, or `npx tsc -p .`).
//   node scripts/gen-rule-index.mjs            rewrite the table between the README markers
//   node scripts/gen-rule-index.mjs --check    exit 1 when the README is out of date
//   --out-dir <dir>                            where tsc put the compiled files (default: out)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const outAt = args.indexOf('--out-dir');
const outDir = resolve(root, outAt >= 0 ? args[outAt + 1] : 'out');

const require = createRequire(import.meta.url);
let registry;
let index;
try {
  registry = require(join(outDir, 'server/src/core/rules/index.js'));
  index = require(join(outDir, 'server/src/core/rules/lib/rule-index.js'));
} catch (err) {
  console.error(`gen-rule-index: cannot load the compiled registry from ${outDir} (${err.message}). Run \`npm run build\` first.`);
  process.exit(2);
}

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const next = index.spliceRuleIndex(readme, index.ruleIndexTable(registry.allRuleMetas()));
if (next === undefined) {
  console.error(`gen-rule-index: README.md has no ${index.INDEX_START} ... ${index.INDEX_END} section.`);
  process.exit(2);
}
if (next === readme) {
  console.log('README.md rule index is up to date.');
} else if (check) {
  console.error('README.md rule index is out of date: run `node scripts/gen-rule-index.mjs`.');
  process.exit(1);
} else {
  writeFileSync(readmePath, next);
  console.log(`README.md rule index rewritten (${registry.allRuleMetas().length} rules).`);
}
