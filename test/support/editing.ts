// Helpers for tests of hover, completion and outline: concept pages from docs/concepts, and text
// with a `§` cursor marker.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_DIR } from './engine';
import { loadConcepts } from '../../server/src/node/load-concepts';
import { ConceptLibrary } from '../../server/src/core/hover/concept-text';

export const CURSOR = '§';

export function concepts(): ConceptLibrary {
  return new ConceptLibrary(loadConcepts(PACKAGE_DIR));
}

/** The text without the marker, and the marker's offset. */
export function cursorAt(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf(CURSOR);
  if (offset < 0) throw new Error('no cursor marker');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + CURSOR.length), offset };
}

export function readSnippets(): Record<string, { prefix: string | string[]; body: string | string[]; description?: string }> {
  return JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'snippets', 'yaml.json'), 'utf8')) as Record<
    string,
    { prefix: string; body: string[]; description?: string }
  >;
}
