// The outline of a file: one symbol per resource (`Kind namespace/name`) spanning its document, with
// the main sections of its spec (and their entries) as children, so the outline and breadcrumbs can
// jump between the documents of a multi-document file.
import type { FileAnalysis, AnalyzedDocument } from '../engine';
import type { YMap, YNode, YPair } from '../parse';
import { deref, scalarText, findPair } from '../locate';
import { resourceFromTree } from '../editing/resource-of';

export type OutlineKind = 'resource' | 'map' | 'list' | 'item' | 'field';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** File offsets of the whole element, and of the part to select when jumping to it. */
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

/** Sections below spec get their own entries down to this depth (spec keys are depth 1). */
const MAX_DEPTH = 2;
/**
 * Symbols per file at most: resources first, then their sections in file order. A file of 25,000
 * resources gave 100,000 symbols, seconds to build and send, and more than an outline can show.
 */
export const MAX_SYMBOLS = 5_000;

/** Symbols still to give out, shared by the whole file. */
interface Budget {
  left: number;
}

export function outline(analysis: FileAnalysis): OutlineSymbol[] {
  const budget: Budget = { left: MAX_SYMBOLS };
  const out: { doc: AnalyzedDocument; sym: OutlineSymbol; spec: YMap | undefined }[] = [];
  for (const doc of analysis.documents) {
    if (budget.left <= 0) break;
    const found = resourceSymbol(doc);
    if (!found) continue;
    budget.left--;
    out.push({ doc, ...found });
  }
  for (const { doc, sym, spec } of out) {
    if (spec && budget.left > 0) sym.children = pairSymbols(spec, { base: doc.start, text: doc.text }, 1, budget);
  }
  return out.map((o) => o.sym);
}

function resourceSymbol(doc: AnalyzedDocument): { sym: OutlineSymbol; spec: YMap | undefined } | undefined {
  const root = deref(doc.result.parsed.root);
  if (!root || root.kind !== 'map') return undefined;
  const ref = doc.result.resource ?? resourceFromTree(root);
  const kindPair = findPair(root, 'kind');
  const kind = ref?.kind ?? scalarText(kindPair?.value ?? null);
  if (!kind) return undefined;
  const name = ref?.name ? (ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name) : undefined;
  const meta = findPair(root, 'metadata');
  const metaMap = meta ? deref(meta.value) : null;
  const namePair = metaMap && metaMap.kind === 'map' ? findPair(metaMap, 'name') : undefined;
  const select = namePair?.value ?? kindPair?.value ?? kindPair?.key ?? root;
  const { start, end } = documentSpan(doc, root);
  const spec = findPair(root, 'spec');
  const specMap = spec ? deref(spec.value) : null;
  const sym: OutlineSymbol = {
    name: name ? `${kind} ${name}` : kind,
    detail: ref?.apiVersion,
    kind: 'resource',
    start,
    end,
    selectionStart: doc.start + select.start,
    selectionEnd: doc.start + Math.max(select.end, select.start),
    children: [],
  };
  return { sym, spec: specMap && specMap.kind === 'map' ? specMap : undefined };
}

/** From the first line after a `---` marker to the last non-blank character of the document. */
function documentSpan(doc: AnalyzedDocument, root: YNode): { start: number; end: number } {
  const text = doc.text;
  let start = 0;
  const marker = /^---[^\n]*\n?/.exec(text);
  if (marker) start = marker[0].length;
  start = Math.min(start, root.start);
  return { start: doc.start + start, end: doc.start + Math.max(text.trimEnd().length, tidyEnd(text, root.end)) };
}

/** Where a document sits in its file; offsets in its tree are relative to its text. */
interface Place {
  base: number;
  text: string;
}

/** Block nodes end after their line break; a symbol should end on its last character. */
function tidyEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

function pairSymbols(map: YMap, at: Place, depth: number, budget: Budget): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const pair of map.pairs) {
    if (budget.left <= 0) break;
    const sym = pairSymbol(pair, at, depth, budget);
    if (sym) out.push(sym);
  }
  return out;
}

function pairSymbol(pair: YPair, at: Place, depth: number, budget: Budget): OutlineSymbol | undefined {
  const base = at.base;
  const key = pair.key;
  const name = scalarText(key);
  if (!key || name === undefined) return undefined;
  const value = deref(pair.value);
  const end = pair.value && pair.value.end > key.end ? Math.max(key.end, tidyEnd(at.text, pair.value.end)) : key.end;
  budget.left--;
  const sym: OutlineSymbol = {
    name,
    kind: 'field',
    start: base + key.start,
    end: base + end,
    selectionStart: base + key.start,
    selectionEnd: base + key.end,
    children: [],
  };
  if (value?.kind === 'map') {
    sym.kind = 'map';
    if (depth < MAX_DEPTH) sym.children = pairSymbols(value, at, depth + 1, budget);
  } else if (value?.kind === 'seq') {
    sym.kind = 'list';
    sym.detail = `${value.items.length} item${value.items.length === 1 ? '' : 's'}`;
    if (depth < MAX_DEPTH) sym.children = itemSymbols(value.items, at, budget);
  } else if (value?.kind === 'scalar') {
    const text = scalarText(value);
    if (text !== undefined) sym.detail = text.slice(0, 200);
  }
  return sym;
}

function itemSymbols(items: (YNode | null)[], at: Place, budget: Budget): OutlineSymbol[] {
  const base = at.base;
  const out: OutlineSymbol[] = [];
  items.forEach((item, i) => {
    const node = item ? deref(item) : null;
    if (!item || !node || item.end <= item.start || budget.left <= 0) return;
    budget.left--;
    out.push({
      name: `#${i + 1}`,
      detail: itemLabel(node),
      kind: 'item',
      start: base + item.start,
      end: base + Math.max(item.start + 1, tidyEnd(at.text, item.end)),
      selectionStart: base + item.start,
      selectionEnd: base + Math.min(firstLineEnd(item), Math.max(item.start + 1, tidyEnd(at.text, item.end))),
      children: [],
    });
  });
  return out;
}

/** A few words that tell list items apart: a name, host or port, or the item's first field. */
function itemLabel(node: YNode): string | undefined {
  if (node.kind === 'scalar') return scalarText(node);
  if (node.kind !== 'map') return undefined;
  for (const key of ['name', 'host', 'issuer', 'key']) {
    const v = scalarText(findPair(node, key)?.value ?? null);
    if (v !== undefined) return `${key}: ${v}`;
  }
  const port = findPair(node, 'port');
  const portValue = port ? deref(port.value) : null;
  if (portValue?.kind === 'map') {
    const n = scalarText(findPair(portValue, 'number')?.value ?? null);
    if (n !== undefined) return `port ${n}`;
  }
  const keys = node.pairs
    .slice(0, 5)
    .map((p) => scalarText(p.key))
    .filter((k): k is string => k !== undefined);
  return keys.length > 0 ? keys.join(', ') : undefined;
}

function firstLineEnd(node: YNode): number {
  if (node.kind === 'map' && node.pairs[0]?.key) {
    const p = node.pairs[0];
    return p.value && p.value.kind === 'scalar' ? p.value.end : p.key!.end;
  }
  return node.kind === 'scalar' || node.kind === 'alias' ? node.end : node.start + 1;
}
