// Reads snippets/yaml.json (the file VS Code gets through package.json) for the language server,
// which offers the same snippets as completion items to every other editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SnippetEntry } from '../lsp/snippet-items';

export function loadSnippets(packageDir: string): SnippetEntry[] {
  const file = path.join(packageDir, 'snippets', 'yaml.json');
  if (!fs.existsSync(file)) return [];
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<
    string,
    { prefix: string | string[]; body: string | string[]; description?: string }
  >;
  return Object.entries(raw).flatMap(([name, s]) =>
    (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).map((prefix) => ({
      prefix,
      body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
      description: s.description ?? name,
    })),
  );
}
