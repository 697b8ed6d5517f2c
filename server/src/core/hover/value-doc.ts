// Explains one enum value (hovering `PERMISSIVE`): the concept page's section for that value when
// there is one, else the sentence of the field's description that starts with the value.
import type { Concept } from './concept-text';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Our descriptions list values as "STRICT: mutual TLS only ... PERMISSIVE: ..."; this picks the
 * text after `VALUE:` (or `VALUE (default):`) up to the next such label.
 */
export function valueSentence(description: string, value: string): string | undefined {
  const label = `${escapeRegExp(value)}(?: \\([^)]*\\))?:`;
  const next = '[A-Z][A-Z0-9_]*(?: \\([^)]*\\))?:';
  const re = new RegExp(`(?:^|[\\s.;])(${label}\\s*[\\s\\S]*?)(?=\\s${next}|$)`);
  const m = re.exec(description);
  if (!m) return undefined;
  return m[1].replace(/\s*;\s*$/, '').trim();
}

export function explainValue(value: string, description: string | undefined, concept: Concept | undefined): string | undefined {
  const fromConcept = concept?.values.get(value);
  if (fromConcept) return fromConcept;
  return description ? valueSentence(description, value) : undefined;
}
