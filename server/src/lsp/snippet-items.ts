// The snippets of snippets/yaml.json as completion items, for editors other than VS Code (which
// reads the file itself): offered while a word is typed at the start of a line, where a new manifest
// or top-level key begins; as snippets with tab stops, or as their plain text for clients without.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { expandSnippet } from '../core/editing/snippet-text';

export interface SnippetEntry {
  prefix: string;
  /** Snippet syntax, lines joined with `\n`. */
  body: string;
  description: string;
}

export function snippetItems(
  doc: TextDocument,
  position: Position,
  snippets: readonly SnippetEntry[],
  snippetSupport: boolean,
): CompletionItem[] {
  if (snippets.length === 0) return [];
  const start = { line: position.line, character: 0 };
  const typed = doc.getText({ start, end: position });
  if (!/^[A-Za-z][\w-]*$|^$/.test(typed)) return [];
  return snippets.map((s) => ({
    label: s.prefix,
    kind: CompletionItemKind.Snippet,
    detail: s.description,
    // After the schema's own suggestions.
    sortText: `~${s.prefix}`,
    textEdit: { range: { start, end: position }, newText: snippetSupport ? s.body : expandSnippet(s.body) },
    insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  }));
}
