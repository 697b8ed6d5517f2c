// The README's rule index: a markdown table built from the rule metadata, and the splice that puts
// it between the `<!-- rules:start -->` and `<!-- rules:end -->` markers. Pure text in, text out;
// scripts/gen-rule-index.mjs writes the file and test/unit/rule-index.test.ts keeps it current.
import type { RuleCategory, RuleMeta } from './rule';

export const INDEX_START = '<!-- rules:start -->';
export const INDEX_END = '<!-- rules:end -->';

/** Table order: what breaks parsing first, then what the cluster rejects, then what leaves it open. */
const CATEGORY_ORDER: readonly RuleCategory[] = ['yaml', 'schema', 'api', 'zero-trust', 'workspace', 'hygiene'];

export function ruleIndexTable(metas: readonly RuleMeta[], docsDir = 'docs/rules'): string {
  const rows = metas
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m.category) - rank(b.m.category) || a.i - b.i)
    .map(
      ({ m }) =>
        `| \`${m.id}\` | ${m.category} | ${m.defaultSeverity} | ${m.fixable ? 'yes' : 'no'} | ${cell(m.summary)} | [docs](${docsDir}/${m.id}.md) |`,
    );
  return ['| Rule | Category | Severity | Fix | Summary | Docs |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * The document with the text between the markers replaced by `table` (markers kept, one blank line
 * on each side). Undefined when the markers are missing or out of order.
 */
export function spliceRuleIndex(doc: string, table: string): string | undefined {
  const start = doc.indexOf(INDEX_START);
  const end = doc.indexOf(INDEX_END);
  if (start < 0 || end < start) return undefined;
  const eol = doc.includes('\r\n') ? '\r\n' : '\n';
  const body = table.split('\n').join(eol);
  return `${doc.slice(0, start + INDEX_START.length)}${eol}${eol}${body}${eol}${eol}${doc.slice(end)}`;
}

function rank(c: RuleCategory): number {
  const i = CATEGORY_ORDER.indexOf(c);
  return i < 0 ? CATEGORY_ORDER.length : i;
}

/** A summary is one line of prose; a pipe would end the cell early and `<name>` would read as HTML. */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
