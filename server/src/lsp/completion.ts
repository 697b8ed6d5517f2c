// LSP completion: maps the core's suggestions (schema keys and values, resource kinds, workspace
// names) to completion items that replace the word being typed; snippets become plain text for
// clients that cannot expand them.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionParams,
  type CancellationToken,
  CompletionTriggerKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../core/completion/complete';
import type { Suggestion, WorkspaceHints } from '../core/completion/types';
import { ConceptLibrary } from '../core/hover/concept-text';
import { expandSnippet } from '../core/editing/snippet-text';
import type { ServerState } from './server-state';
import { cancelledError } from './budget';
import { snippetItems, type SnippetEntry } from './snippet-items';

/** Space opens value suggestions right after `key: ` and `- `; `:` right after a key. */
export const COMPLETION_TRIGGERS = [' ', ':'];

const KINDS: Record<Suggestion['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  resource: CompletionItemKind.Class,
  reference: CompletionItemKind.Reference,
};

export function completionHandler(
  state: ServerState,
  capabilities: () => ClientCapabilities,
  workspace: (uri: string) => WorkspaceHints | undefined = () => undefined,
  /** Snippets to offer as items (none for our VS Code client, which contributes them itself). */
  snippets: () => readonly SnippetEntry[] = () => [],
): (params: CompletionParams, token?: CancellationToken) => Promise<CompletionItem[]> {
  const concepts = new ConceptLibrary(state.runtime.concepts ?? {});
  const snippetList = snippets;
  return async (params, token) => {
    const doc = state.documents.get(params.textDocument.uri);
    if (!doc) return [];
    if (!triggerFits(doc, params)) return [];
    const config = await state.configFor(doc.uri);
    // The core's completion is one synchronous call: the last point where a cancellation can land.
    if (token?.isCancellationRequested) throw cancelledError();
    const suggestions = completeAt(doc.getText(), doc.offsetAt(params.position), {
      registry: state.runtime.engine.schemas,
      trustDomain: config.trustDomain,
      concepts,
      workspace: workspace(doc.uri),
    });
    const item = capabilities().textDocument?.completion?.completionItem;
    const snippets = Boolean(item?.snippetSupport);
    const markdown = !item?.documentationFormat || item.documentationFormat.includes(MarkupKind.Markdown);
    return [...suggestions.map((s) => toItem(doc, s, snippets, markdown)), ...snippetItems(doc, params.position, snippetList(), snippets)];
  };
}

/**
 * A space typed while indenting, or a colon inside a value, should not pop up a list: answer a
 * trigger character only right after `key: `, `- ` or `key:`.
 */
function triggerFits(doc: TextDocument, params: CompletionParams): boolean {
  if (params.context?.triggerKind !== CompletionTriggerKind.TriggerCharacter) return true;
  const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
  if (params.context.triggerCharacter === ':') return /^\s*(?:-\s+)*[^\s#][^#]*:$/.test(line) && !/:\s/.test(line);
  return /\S:\s$|(?:^|\s)-\s$/.test(line);
}

function toItem(doc: TextDocument, s: Suggestion, snippets: boolean, markdown: boolean): CompletionItem {
  const asSnippet = s.snippet && snippets;
  const newText = s.snippet && !snippets ? expandSnippet(s.insertText) : s.insertText;
  const item: CompletionItem = {
    label: s.label,
    kind: KINDS[s.kind],
    sortText: s.sortText,
    filterText: s.filterText,
    textEdit: { range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) }, newText },
    insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Inserted lines are indented relative to the cursor's line; the editor adds that line's indent.
    insertTextMode: InsertTextMode.adjustIndentation,
  };
  if (s.detail) item.detail = s.detail;
  if (s.documentation) item.documentation = markdown ? { kind: MarkupKind.Markdown, value: s.documentation } : s.documentation;
  if (s.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (s.preselect) item.preselect = true;
  return item;
}
