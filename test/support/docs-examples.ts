// Test helper: the YAML examples of the docs (```yaml fences), split into the sides the docs label.
//
// Convention for examples, so a test can check them:
// - A fence holds YAML documents separated by `---`. A document whose first line is a comment starting
//   "# Flagged" or "# Before" shows a mistake (bad); "# Fixed", "# After" or "# Added by the fix" shows
//   the remedy (good). A document without such a line continues the label of the one before it (the
//   second file of the same scenario).
// - A document is complete when it has a top-level `apiVersion:` and `kind:`; anything else is a
//   fragment (a few lines of a spec), which can only be checked for YAML syntax.
// - A complete document with no label at all is a recommendation and is held to the same bar as a fix.
// - A fix shows only what changes: it is checked together with the flagged documents of the same fence
//   whose kind it does not show (the rest of the scenario, such as the Service a policy applies to).
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Role = 'bad' | 'good';

/** The documents of one fence that play one role, checked together as one file. */
export interface ExampleSide {
  /** Where the fence starts, as "docs/rules/x.md:42". */
  where: string;
  /** The rule a docs/rules page is about; undefined on other pages. */
  ruleId: string | undefined;
  role: Role;
  text: string;
  complete: boolean;
}

const BAD_LABEL = /^#\s*(Flagged|Before)\b/;
const GOOD_LABEL = /^#\s*(Fixed|After|Added by the fix)\b/;

/** Markdown files whose examples are checked, relative to the package root. */
export function docPages(root: string): string[] {
  const dir = (d: string): string[] =>
    fs
      .readdirSync(path.join(root, d))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `${d}/${f}`);
  return [...dir('docs/rules'), ...dir('docs/concepts'), ...dir('docs'), 'README.md'];
}

/** The ```yaml fences of a markdown text, each with its 1-based first content line. */
export function yamlFences(markdown: string): { line: number; body: string }[] {
  const out: { line: number; body: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```yaml') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    out.push({ line: start + 1, body: lines.slice(start, end).join('\n') });
    i = end;
  }
  return out;
}

function labelOf(doc: string): Role | undefined {
  const first =
    doc
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  if (BAD_LABEL.test(first)) return 'bad';
  if (GOOD_LABEL.test(first)) return 'good';
  return undefined;
}

function kindOf(doc: string): string | undefined {
  return /^kind:\s*(\S+)/m.exec(doc)?.[1];
}

function isComplete(doc: string): boolean {
  return /^apiVersion:/m.test(doc) && /^kind:/m.test(doc);
}

/** The sides of every fence of one page. */
export function exampleSides(root: string, page: string): ExampleSide[] {
  const ruleId = page.startsWith('docs/rules/') ? path.basename(page, '.md') : undefined;
  const sides: ExampleSide[] = [];
  for (const fence of yamlFences(fs.readFileSync(path.join(root, page), 'utf8'))) {
    const byRole = new Map<Role, string[]>();
    let current: Role | undefined;
    for (const doc of fence.body.split(/^---[ \t]*$/m)) {
      if (doc.trim() === '') continue;
      current = labelOf(doc) ?? current;
      const role = current ?? (isComplete(doc) ? 'good' : undefined);
      if (!role) {
        // An unlabelled fragment: syntax only.
        sides.push({ where: `${page}:${fence.line}`, ruleId, role: 'good', text: doc, complete: false });
        continue;
      }
      byRole.set(role, [...(byRole.get(role) ?? []), doc]);
    }
    const bad = byRole.get('bad') ?? [];
    const good = byRole.get('good');
    if (good && bad.length > 0 && bad.every(isComplete)) {
      const shown = new Set(good.map(kindOf));
      byRole.set('good', [...good, ...bad.filter((d) => !shown.has(kindOf(d)))]);
    }
    for (const [role, docs] of byRole) {
      const text = docs.map((d) => `${d.replace(/^\n+/, '').trimEnd()}\n`).join('---\n');
      sides.push({ where: `${page}:${fence.line}`, ruleId, role, text, complete: docs.every(isComplete) });
    }
  }
  return sides;
}
