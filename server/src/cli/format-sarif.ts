// SARIF 2.1.0 output for code scanning (GitHub, Azure DevOps): one run, the rules with their help
// links, and each finding as a result with its region.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../core/rules/lib/rule';
import type { Severity } from '../core/types';
import { escapeJsonForTerminal } from './escape';
import type { FileReport, Located } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  version: string;
  homepage: string;
  /** Where the rule pages are published, e.g. the repository's docs/rules/ URL. */
  docsBase: string;
  /** Folder that result paths are made relative to (the repository root in CI). */
  root: string;
}

export function formatSarif(
  reports: readonly FileReport[],
  rules: readonly RuleMeta[],
  shown: (f: Located) => boolean,
  opts: SarifOptions,
): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((r) =>
    r.findings.filter(shown).map((f) => ({
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(r.path, opts.root),
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'meshlint',
            version: opts.version,
            informationUri: opts.homepage,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.summary },
              helpUri: `${opts.docsBase.replace(/\/$/, '')}/${r.id}.md`,
              help: { text: `${r.summary} See ${opts.docsBase.replace(/\/$/, '')}/${r.id}.md` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { category: r.category, fixable: r.fixable },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(opts.root.endsWith(path.sep) ? opts.root : opts.root + path.sep).toString() } },
        results,
      },
    ],
  };
  return `${escapeJsonForTerminal(JSON.stringify(log, null, 2))}\n`;
}

function artifact(file: string, root: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin' };
  const abs = path.resolve(file);
  const rel = path.relative(root, abs);
  // `..staging/x.yaml` is inside the root; only `..` itself or `../...` leaves it.
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  if (!outside) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  return { uri: pathToFileURL(abs).toString() };
}
