// The default output: one finding a line, `file:line:col severity rule-id message`, and a summary.
// Paths and messages come from the repository checked, so their control characters are escaped.
import { escapeForTerminal } from './escape';
import type { FileReport, Located } from './report';

export function formatText(reports: readonly FileReport[], shown: (f: Located) => boolean, minSeverity: string): string {
  const out: string[] = [];
  for (const r of reports)
    for (const f of r.findings.filter(shown))
      out.push(escapeForTerminal(`${r.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`));
  const all = reports.flatMap((r) => r.findings);
  const count = (s: Located['severity']): number => all.filter((f) => f.severity === s).length;
  const hidden = all.filter((f) => !shown(f)).length;
  out.push(
    `${reports.length} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info` +
      (hidden ? ` (${hidden} below --min-severity ${minSeverity} not shown)` : '') +
      '.',
  );
  return `${out.join('\n')}\n`;
}
