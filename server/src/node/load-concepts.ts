// Reads the concept pages that hover shows (docs/concepts/*.md, shipped in the .vsix); the core
// gets their texts and never touches the file system.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export function loadConcepts(packageDir: string): Record<string, string> {
  const dir = path.join(packageDir, 'docs', 'concepts');
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir)) {
    if (!entry.endsWith('.md')) continue;
    out[entry.slice(0, -3)] = fs.readFileSync(path.join(dir, entry), 'utf8');
  }
  return out;
}

export function conceptLinker(packageDir: string): (name: string) => string | undefined {
  const dir = path.join(packageDir, 'docs', 'concepts');
  return (name) => {
    const file = path.join(dir, `${name}.md`);
    return fs.existsSync(file) ? pathToFileURL(file).toString() : undefined;
  };
}
