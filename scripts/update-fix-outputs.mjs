#!/usr/bin/env node
// Regenerates the fix outputs kept beside the rule fixtures (`<name>.fixed.yaml`: what
// `meshlint --fix` writes; `<name>.fixes.txt`: what each quick fix changes) and deletes stale ones.
// Reads the compiled test helpers in out/, so build first (`npm run fixtures:update` does).
//   node scripts/update-fix-outputs.mjs            write the outputs
//   node scripts/update-fix-outputs.mjs --check    exit 1 when any output is out of date
import { rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const compiled = new URL('../out/test/support/fix-output-files.js', import.meta.url);
const files = await import(compiled.href).catch((err) => {
  console.error(`update-fix-outputs: cannot load ${fileURLToPath(compiled)} (${err.message}). Run \`npx tsc -b\` first.`);
  process.exit(2);
});

const wanted = new Map();
const introduced = [];
for (const fc of files.allFixtureCases()) {
  const { runs, expected } = files.caseOutputs(fc);
  for (const [file, text] of expected) wanted.set(file, text);
  for (const r of runs) for (const line of r.introduced) introduced.push(`${relative(root, r.file)}: "${r.fix.title}" brings ${line}`);
}
for (const file of files.outputFilesOnDisk()) if (!wanted.has(file)) wanted.set(file, null);

let changed = 0;
for (const [file, text] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
  const onDisk = files.readIfPresent(file);
  if (onDisk === text) continue;
  changed++;
  const rel = relative(root, file);
  if (check) console.log(`out of date: ${rel}`);
  else if (text === null) {
    rmSync(file);
    console.log(`deleted ${rel}`);
  } else {
    writeFileSync(file, text);
    console.log(`${onDisk === null ? 'wrote' : 'updated'} ${rel}`);
  }
}
// Outputs record what the fixes do; a fix that brings new problems is a bug to fix, not to record.
for (const line of introduced) console.warn(`warning: ${line}`);
console.log(`${changed} fix output file(s) ${check ? 'out of date' : 'changed'}`);
if (check && changed > 0) process.exit(1);
