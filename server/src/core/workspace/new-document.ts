// Fixes that add a whole manifest (a mesh-wide policy, an allow-nothing policy...): the new
// document goes right after a related document of the same file, so the user finds it next to
// what prompted it, and every existing byte of the file stays as it was.
import type { Fix } from '../types';
import type { Fact, FileFacts, Labels } from './facts';
import { yamlScalar } from '../scalar-edit';

/**
 * A fix inserting `lines` (one YAML document, no `---`) after the document of `after`.
 * Unsafe by default: a new policy changes who may talk to whom, so a person should choose it.
 */
export function addDocumentFix(file: FileFacts, after: Fact, lines: readonly string[], title: string): Fix {
  const eol = file.eol;
  const atEnd = after.docEnd >= file.length;
  const lead = atEnd && !file.endsWithNewline ? eol : '';
  const newText = `${lead}---${eol}${lines.join(eol)}${eol}`;
  return { title, edits: [{ start: after.docEnd, end: after.docEnd, newText }], safe: false };
}

/** `matchLabels` lines for a selector, indented under `selector:`. */
export function matchLabelsLines(labels: Labels, indent: string): string[] {
  return [`${indent}matchLabels:`, ...Object.entries(labels).map(([k, v]) => `${indent}  ${yamlScalar(k)}: ${yamlScalar(v)}`)];
}

/** A name not yet taken by a resource of that kind in the namespace. */
export function freeName(taken: readonly (string | undefined)[], wanted: string): string {
  if (!taken.includes(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.includes(`${wanted}-${i}`)) return `${wanted}-${i}`;
}
