// The "suppress this finding" quick fix offered on every meshlint diagnostic: a
// `# meshlint-disable-next-line <rule-id>` comment above the line (see core/suppression-fix.ts).
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../core/engine';
import { suppressionEdits } from '../core/suppression-fix';
import type { DiagnosticData } from './protocol';

export function suppressActions(doc: TextDocument, params: CodeActionParams, analysis: FileAnalysis | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const text = doc.getText();
  const documents = (analysis?.documents ?? []).map((d) => ({ start: d.start, end: d.end, root: d.result.parsed.root }));
  for (const diag of params.context.diagnostics) {
    if (diag.source !== 'meshlint' || typeof diag.code !== 'string') continue;
    // Positions computed for an older text would put the comment on the wrong line.
    const data = diag.data as DiagnosticData | undefined;
    if (data && typeof data.version === 'number' && data.version !== doc.version) continue;
    const key = `${diag.range.start.line}:${diag.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edits = suppressionEdits(text, documents, doc.offsetAt(diag.range.start), diag.code);
    if (edits.length === 0) continue;
    out.push({
      title: `Suppress ${diag.code} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diag],
      edit: {
        changes: {
          [doc.uri]: edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })),
        },
      },
    });
  }
  return out;
}
