// `textDocument/codeAction`: quick fixes carried by the diagnostics, the suppression comment, and
// "fix all". It only reads: the workspace findings are the ones last published for the document,
// so asking for actions never changes the index or what the server believes the client was shown.
import { CodeActionKind, type CodeAction, type CodeActionParams, type CancellationToken } from 'vscode-languageserver';
import { mergeFindings } from '../core/workspace/check-workspace';
import { cancelledError } from './budget';
import { fixAllAction, FIX_ALL_KIND, quickFixes } from './code-actions';
import type { ServerState } from './server-state';
import { suppressActions } from './suppress-action';

export function codeActionHandler(state: ServerState): (params: CodeActionParams, token?: CancellationToken) => Promise<CodeAction[]> {
  return async (params, token) => {
    const doc = state.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const wantsFixAll = !only || only.some((k) => FIX_ALL_KIND.startsWith(k) || k === FIX_ALL_KIND);
    const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
    const actions: CodeAction[] = wantsQuickFix ? quickFixes(doc, params) : [];
    const config = await state.configFor(doc.uri);
    const { analysis, cancelled } = await state.analysisFor(doc, { budgetMs: state.budget('codeActions'), token });
    if (cancelled) throw cancelledError();
    if (analysis.partial) state.notePartial('codeActions', analysis);
    if (wantsFixAll && (only || actions.length > 0)) {
      // Workspace findings count too: their safe fixes belong in "fix all" like any other.
      const all = fixAllAction(doc, mergeFindings(analysis.findings, state.workspace.lastFindings(doc.uri, doc.getText(), config)));
      if (all) actions.push(all);
    }
    if (wantsQuickFix) actions.push(...suppressActions(doc, params, analysis));
    return actions;
  };
}
