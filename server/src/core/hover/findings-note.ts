// The part of a hover that names the rules reporting a finding at the cursor, each linked to its
// page, so the explanation of "why" is one click away from the squiggle.
import type { Finding } from '../types';
import type { RuleMeta } from '../rules/lib/rule';

export type DocsLink = (ruleId: string) => string | undefined;

export function findingsMarkdown(findings: readonly Finding[], metas: readonly RuleMeta[], docsLink?: DocsLink): string | undefined {
  if (findings.length === 0) return undefined;
  const byId = new Map(metas.map((m) => [m.id, m]));
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const href = docsLink?.(f.ruleId);
    const name = href ? `[${f.ruleId}](${href})` : `\`${f.ruleId}\``;
    const summary = byId.get(f.ruleId)?.summary;
    lines.push(`meshlint ${f.severity}: ${name}${summary ? ` — ${summary}` : ''}`);
  }
  return lines.join('\n\n');
}

/** Findings whose range holds the offset (a zero-width finding counts at its start). */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter((f) => (f.end > f.start ? offset >= f.start && offset < f.end : offset === f.start));
}
