// Quick fixes from the fix data carried by each diagnostic, and "fix all" for the whole file.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticData } from './protocol';
import type { Finding } from '../core/types';
import { collectSafeEdits } from '../core/fix-all';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.meshlint`;

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return data && Array.isArray(data.fixes) ? data : undefined;
}

export function quickFixes(doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const out: CodeAction[] = [];
  for (const diag of params.context.diagnostics) {
    if (diag.source !== 'meshlint') continue;
    const data = dataOf(diag);
    // Edits computed for an older version of the text would land in the wrong place.
    if (!data || data.version !== doc.version) continue;
    for (const fix of data.fixes) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: fix.preferred,
        edit: { changes: { [doc.uri]: fix.edits } },
      });
    }
  }
  return out;
}

export function fixAllAction(doc: TextDocument, findings: Finding[]): CodeAction | undefined {
  const edits: TextEdit[] = collectSafeEdits(findings).map((e) => ({
    range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
    newText: e.newText,
  }));
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safe meshlint problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } };
}
