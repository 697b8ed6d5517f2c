// LSP document symbols: the core outline (one symbol per resource, spec sections as children) as
// a hierarchy, or as a flat list with container names for clients that want SymbolInformation.
import {
  SymbolKind,
  type CancellationToken,
  type ClientCapabilities,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { outline, type OutlineKind, type OutlineSymbol } from '../core/outline/outline';
import type { ServerState } from './server-state';
import { cancelledError } from './budget';

const KINDS: Record<OutlineKind, SymbolKind> = {
  resource: SymbolKind.Class,
  map: SymbolKind.Object,
  list: SymbolKind.Array,
  item: SymbolKind.Struct,
  field: SymbolKind.Property,
};

export function symbolsHandler(
  state: ServerState,
  capabilities: () => ClientCapabilities,
): (params: DocumentSymbolParams, token?: CancellationToken) => Promise<DocumentSymbol[] | SymbolInformation[]> {
  return async (params, token) => {
    const doc = state.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { analysis, cancelled } = await state.analysisFor(doc, { budgetMs: state.budget('symbols'), token });
    if (cancelled) throw cancelledError();
    // Out of time: the outline of the documents checked so far, and a note that it is partial.
    state.notePartial('symbols', analysis);
    const symbols = outline(analysis);
    if (capabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return symbols.map((s) => toDocumentSymbol(doc, s));
    const flat: SymbolInformation[] = [];
    const walk = (s: OutlineSymbol, container?: string): void => {
      flat.push({
        name: s.name,
        kind: KINDS[s.kind],
        location: { uri: doc.uri, range: range(doc, s.start, s.end) },
        containerName: container,
      });
      for (const c of s.children) walk(c, s.name);
    };
    symbols.forEach((s) => walk(s));
    return flat;
  };
}

function range(doc: TextDocument, start: number, end: number): DocumentSymbol['range'] {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

function toDocumentSymbol(doc: TextDocument, s: OutlineSymbol): DocumentSymbol {
  const sym: DocumentSymbol = {
    name: s.name,
    kind: KINDS[s.kind],
    range: range(doc, s.start, s.end),
    selectionRange: range(doc, s.selectionStart, s.selectionEnd),
    children: s.children.map((c) => toDocumentSymbol(doc, c)),
  };
  if (s.detail) sym.detail = s.detail;
  return sym;
}
