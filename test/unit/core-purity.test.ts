// The core stays a pure library (text in, findings out): no editor or LSP library, no I/O, no
// clock, and only parse.ts and schema.ts may import the YAML parser and the validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_DIR } from '../support/engine';

const CORE = path.join(PACKAGE_DIR, 'server', 'src', 'core');
const FORBIDDEN = /^(node:)?(fs|fs\/promises|path|os|child_process|net|http|https|url|perf_hooks|worker_threads)$|^vscode(-languageserver.*|-languageclient.*|-jsonrpc.*)?$/;
const ONLY_IN: Record<string, string> = { yaml: 'parse.ts', ajv: 'schema.ts' };

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

test('core files import no editor, LSP or I/O module and read no clock', () => {
  const problems: string[] = [];
  for (const file of sources(CORE)) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(CORE, file);
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      const spec = m[1];
      if (FORBIDDEN.test(spec)) problems.push(`${rel} imports ${spec}`);
      const owner = ONLY_IN[spec];
      if (owner && rel !== owner) problems.push(`${rel} imports ${spec} (only ${owner} may)`);
    }
    if (/\b(Date\.now|performance\.now|process\.(env|argv|cwd|stdout|stderr))\b/.test(text)) problems.push(`${rel} reads the clock or the process`);
  }
  assert.deepEqual(problems, []);
});
