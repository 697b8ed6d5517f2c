// Machine-readable output: every file with its findings (fix edits summarised as `fixable`).
import { escapeJsonForTerminal } from './escape';
import type { FileReport, Located } from './report';
import { isBatchFix } from '../core/fix-all';

export function formatJson(reports: readonly FileReport[], shown: (f: Located) => boolean): string {
  const files = reports.map((r) => ({
    path: r.path,
    findings: r.findings
      .filter(shown)
      .map(({ fixes, related: _related, ...rest }) => ({ ...rest, fixable: Boolean(fixes?.some(isBatchFix)) })),
  }));
  return `${escapeJsonForTerminal(JSON.stringify({ files }, null, 2))}\n`;
}
