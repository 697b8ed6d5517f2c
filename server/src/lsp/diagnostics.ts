// Converts core findings into LSP diagnostics: positions, rule id as `code`, a link to the rule's
// docs page, and the fix edits (as ranges) in `data` so code actions need no server memory.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/types';
import type { DiagnosticData } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type DocsLink = (ruleId: string) => string | undefined;

export function toDiagnostic(doc: TextDocument, f: Finding, docsLink: DocsLink): Diagnostic {
  const range = { start: doc.positionAt(f.start), end: doc.positionAt(f.end) };
  const data: DiagnosticData = {
    version: doc.version,
    fixes: (f.fixes ?? []).map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      preferred: fix.preferred,
      edits: fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })),
    })),
  };
  const href = docsLink(f.ruleId);
  const d: Diagnostic = {
    range,
    severity: SEVERITY[f.severity],
    source: 'meshlint',
    code: f.ruleId,
    message: f.message,
    data,
  };
  if (href) d.codeDescription = { href };
  if (f.related?.length) {
    d.relatedInformation = f.related
      .filter((r) => r.uri === undefined)
      .map((r) => ({
        location: { uri: doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } },
        message: r.message,
      }));
  }
  return d;
}
