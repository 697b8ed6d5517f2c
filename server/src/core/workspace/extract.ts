// Turns a file's documents into the facts the workspace index keeps. Open files reuse the engine's
// parse (`ofAnalysis`); files read from disk are split and parsed here (`ofText`). Facts are
// extracted per document where it stands and cached by its text, so an edit costs one document's
// extraction plus moving the others' facts to where their documents now start.
import { splitDocuments } from '../split';
import { withLineFeeds } from '../line-breaks';
import { parseYaml, type YNode } from '../parse';
import { asRecord, identify } from '../resources';
import { listItemChunks } from '../list-items';
import { LineIndex } from '../line-index';
import { DocumentCache } from '../document-cache';
import type { FileAnalysis } from '../engine';
import { DocReader } from './doc-reader';
import { istioFact } from './extract-istio';
import { clusterFact, kubernetesGateway } from './extract-cluster';
import { helmValuesMesh } from './extract-mesh';
import type { Fact, FileFacts, OtherFact, Site } from './facts';
import { onBase } from './fact-base';
import type { FactStrings } from './fact-strings';
import { textDigest } from './text-hash';

export interface SourceDocument {
  /** Offset of the document in its file, and its own text. */
  start: number;
  text: string;
  root: YNode | null;
  value: unknown;
  /** The engine's result object for this document: the same object while its text is unchanged. */
  identity?: object;
  /** For an item of a List: the file offset where the List ends, after which new documents go. */
  listEnd?: number;
  /** The text's digest, when the reader already took it (the cache key; see FactsExtractor.cachedFor). */
  digest?: string;
}

/** Cheap text test before parsing a file from disk: does it look like a Kubernetes manifest at all? */
export function mayHoldManifests(text: string): boolean {
  return (text.includes('kind') && text.includes('apiVersion')) || text.includes('meshConfig');
}

/** A document's facts as extracted, with where the document stood then (offset and line in its file). */
interface Extracted {
  /** The file it was extracted for: the cache is keyed by the text's digest alone. */
  uri?: string;
  start: number;
  line: number;
  facts: Fact[];
  /** A small number for these facts, so a file's signature is a short string (set when first needed). */
  id?: number;
}

export class FactsExtractor {
  /**
   * Facts of an open document keyed by the engine's result object: an identity lookup, where a
   * text key would hash every document of a large file on every keystroke.
   */
  private readonly byResult = new Map<string, WeakMap<object, Extracted>>();
  /** The last moved copy of each document's facts: documents before an edit do not move, reuse them. */
  private readonly placed = new WeakMap<Fact[], { start: number; line: number; facts: Fact[] }>();
  private nextId = 1;

  /** Facts of one document by a digest of its text and its file (the text itself would stay alive as the key). */
  private readonly cache = new DocumentCache<Extracted>(20_000);
  /** A number for each file met, for the cache's keys (dropped by `forget`). */
  private readonly fileNumbers = new Map<string, number>();
  private nextFileNumber = 0;

  /** `strings`: for a long-lived index, which should keep one detached copy of each string (fact-strings.ts). */
  constructor(private readonly strings?: FactStrings) {}

  /** Drops what is kept per file, once the file is gone (a long-lived server meets many URIs). */
  forget(uri: string): void {
    this.byResult.delete(uri);
    this.fileNumbers.delete(uri);
  }

  ofText(uri: string, text: string): FileFacts {
    if (!mayHoldManifests(text)) return emptyFacts(uri, text);
    const docs: SourceDocument[] = [];
    // Read from the LF twin, as the engine reads files (a lone `\r` ends a line: line-breaks.ts).
    for (const chunk of splitDocuments(withLineFeeds(text))) {
      // Templates (Helm, Go) have placeholder values: facts read from them would be fiction.
      if (chunk.text.includes('{{') || !mayHoldManifests(chunk.text)) continue;
      const digest = textDigest(chunk.text);
      if (this.cachedFor(uri, digest)) {
        docs.push({ start: chunk.start, text: chunk.text, root: null, value: undefined, digest });
        continue;
      }
      const parsed = parseYaml(chunk.text);
      const clean = !parsed.problems.some((p) => p.severity === 'error');
      const items = listItemChunks(chunk.text, { root: parsed.root, value: parsed.value, clean });
      if (!items) {
        docs.push({ start: chunk.start, text: chunk.text, root: parsed.root, value: parsed.value, digest });
        continue;
      }
      const listEnd = chunk.start + chunk.text.length;
      for (const item of items) {
        const itemParsed = parseYaml(item.text);
        docs.push({ start: chunk.start + item.start, text: item.text, root: itemParsed.root, value: itemParsed.value, listEnd });
      }
    }
    return this.extract(uri, text, docs);
  }

  ofAnalysis(uri: string, text: string, analysis: FileAnalysis): FileFacts {
    const docs = analysis.documents
      .filter((d) => !d.text.includes('{{'))
      .map((d) => {
        const doc: SourceDocument = { start: d.start, text: d.text, root: d.result.parsed.root, value: d.result.parsed.value };
        doc.identity = d.result;
        if (d.listEnd !== undefined) doc.listEnd = d.listEnd;
        return doc;
      });
    return this.extract(uri, text, docs);
  }

  private extract(uri: string, text: string, docs: readonly SourceDocument[]): FileFacts {
    const parts: Fact[][] = [];
    // Documents start at line starts: count the lines before each once, in one pass (LF twin).
    const lf = withLineFeeds(text);
    let line = 0;
    let at = 0;
    const signature: string[] = [];
    for (const doc of docs) {
      for (let nl = lf.indexOf('\n', at); nl !== -1 && nl < doc.start; nl = lf.indexOf('\n', nl + 1)) line++;
      at = doc.start;
      const extracted = this.extracted(uri, doc, line);
      if (extracted.facts.length === 0) continue;
      const id = (extracted.id ??= this.nextId++);
      const listEnd = doc.listEnd;
      // A List item's facts end where the List ends (`docEnd`, where a fix adds a document), which its
      // own text and start do not fix: text after the items can change length on its own.
      signature.push(listEnd === undefined ? `${id}@${doc.start}:${line}` : `${id}@${doc.start}:${line}-${listEnd}`);
      const placed = this.place(extracted, doc.start, line);
      parts.push(listEnd === undefined ? placed : placed.map((f) => Object.assign(onBase<Fact>(f, f), { docEnd: listEnd })));
    }
    const fileShape = shape(text);
    signature.push(`${fileShape.length}${fileShape.eol}${fileShape.endsWithNewline}`);
    return { uri, facts: joined(parts), signature: signature.join(','), ...fileShape };
  }

  /** The facts where the document now starts: as extracted when it has not moved since (a one-shot run never moves one). */
  private place(extracted: Extracted, start: number, line: number): Fact[] {
    if (extracted.start === start && extracted.line === line) return extracted.facts;
    const last = this.placed.get(extracted.facts);
    if (last && last.start === start && last.line === line) return last.facts;
    const facts = extracted.facts.map((f) => moved(f, start - extracted.start, line - extracted.line));
    this.placed.set(extracted.facts, { start, line, facts });
    return facts;
  }

  private extracted(uri: string, doc: SourceDocument, line: number): Extracted {
    if (doc.identity) {
      // Per file: the engine shares one result between identical documents of different files,
      // and facts carry their file's URI.
      let forUri = this.byResult.get(uri);
      if (!forUri) this.byResult.set(uri, (forUri = new WeakMap()));
      let extracted = forUri.get(doc.identity);
      if (!extracted) forUri.set(doc.identity, (extracted = { start: doc.start, line, facts: this.documentFacts(uri, doc, line) }));
      return extracted;
    }
    const digest = doc.digest ?? textDigest(doc.text);
    let extracted = this.cachedFor(uri, digest);
    if (!extracted) {
      // A document skipped as cached in `ofText` may have been evicted since: parse it after all.
      const source = doc.root === null && doc.value === undefined ? { ...doc, ...reparse(doc.text) } : doc;
      extracted = { uri, start: doc.start, line, facts: this.documentFacts(uri, source, line) };
      this.cache.set(this.keyOf(uri, digest), extracted);
    }
    return extracted;
  }

  /**
   * This file's cached facts of a document text (facts carry their file's URI). Equal documents of
   * different files (a base copied per environment) get entries of their own: were they to share
   * one, reading either file would make the other's facts new, and the index would take it as changed.
   */
  private cachedFor(uri: string, digest: string): Extracted | undefined {
    const extracted = this.cache.get(this.keyOf(uri, digest));
    return extracted?.uri === uri ? extracted : undefined;
  }

  /** The digest and a small number for the file: the URI itself would make every key long. */
  private keyOf(uri: string, digest: string): string {
    let n = this.fileNumbers.get(uri);
    // Never reused: a number freed by `forget` may still key cache entries until they are evicted.
    if (n === undefined) this.fileNumbers.set(uri, (n = this.nextFileNumber++));
    return `${digest}#${n}`;
  }

  private documentFacts(uri: string, doc: SourceDocument, line: number): Fact[] {
    const facts = documentFacts(uri, doc, line);
    this.strings?.adopt(facts);
    return facts;
  }
}

export function factsOfText(uri: string, text: string): FileFacts {
  return new FactsExtractor().ofText(uri, text);
}

export function factsOfAnalysis(uri: string, text: string, analysis: FileAnalysis): FileFacts {
  return new FactsExtractor().ofAnalysis(uri, text, analysis);
}

export function emptyFacts(uri: string, text = ''): FileFacts {
  return { uri, facts: [], signature: '', ...shape(text) };
}

function reparse(text: string): { root: YNode | null; value: unknown } {
  const parsed = parseYaml(text);
  return { root: parsed.root, value: parsed.value };
}

/** The documents' facts in one list of its exact length; a one-document file's is the document's own. */
function joined(parts: readonly Fact[][]): Fact[] {
  if (parts.length === 1) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Array<Fact>(n);
  let i = 0;
  for (const p of parts) for (const f of p) out[i++] = f;
  return out;
}

/** The facts of one document, which starts on file line `line`. */
function documentFacts(uri: string, doc: SourceDocument, line: number): Fact[] {
  const ref = identify(doc.value);
  const value = asRecord(doc.value);
  // meshlint's own documents (AccessTests) are not cluster resources: no facts, no namespace evidence.
  if (!value || ref?.group === 'meshlint.dev') return [];
  let lines: LineIndex | undefined;
  const r = new DocReader(uri, value, doc.root, doc.start, () => (lines ??= new LineIndex(doc.text)), line);
  const docEnd = doc.start + doc.text.length;
  if (!ref) {
    if (value.kind !== undefined || value.apiVersion !== undefined) return [];
    const helm = helmValuesMesh(r, { uri, group: '', kind: 'HelmValues', site: r.nearest([]), docEnd });
    return helm ? [helm] : [];
  }
  const created = r.str(['metadata', 'creationTimestamp']);
  const base = {
    uri,
    group: ref.group,
    kind: ref.kind,
    name: ref.name,
    namespace: ref.namespace,
    site: r.site(['metadata', 'name']) ?? r.nearest(['kind']),
    namespaceSite: r.site(['metadata', 'namespace']),
    docEnd,
    ...(created !== undefined ? { created } : {}),
  };
  const gateway = kubernetesGateway(r, base);
  const fact =
    (ref.group.endsWith('istio.io') && ref.group !== 'install.istio.io' ? istioFact(r, base) : undefined) ??
    clusterFact(r, base) ??
    onBase<OtherFact>(base, { type: 'other' });
  return gateway ? [fact, gateway] : [fact];
}

function isSite(v: object): v is Site {
  const s = v as Partial<Site>;
  return typeof s.uri === 'string' && typeof s.start === 'number' && typeof s.endLine === 'number';
}

/** Whether a value holds a site or a document end (what moving changes); cached, as cached facts are moved at every edit. */
const positional = new WeakMap<object, boolean>();

function holdsPosition(v: object): boolean {
  let known = positional.get(v);
  if (known === undefined) {
    known =
      isSite(v) ||
      (Array.isArray(v)
        ? v.some((x: unknown) => x !== null && typeof x === 'object' && holdsPosition(x))
        : Object.entries(v).some(([k, x]) => k === 'docEnd' || (x !== null && typeof x === 'object' && holdsPosition(x as object))));
    positional.set(v, known);
  }
  return known;
}

/**
 * Facts moved by this many characters and lines (their document moved). Only the objects on the way to a
 * site are copied: labels, selectors and lists of names are shared with the document's own facts,
 * which nobody changes, so an edit before many documents does not deep-copy all of theirs.
 */
function moved<T>(v: T, offset: number, line: number): T {
  if (v === null || typeof v !== 'object' || !holdsPosition(v)) return v;
  if (Array.isArray(v)) return v.map((x: unknown) => moved(x, offset, line)) as T;
  if (isSite(v)) return { ...v, start: v.start + offset, end: v.end + offset, line: v.line + line, endLine: v.endLine + line };
  // A fact starts as a copy with the same hidden class: set key by key, one with many fields would turn into a slow dictionary.
  const out = ('docEnd' in v ? onBase<Fact>(v as unknown as Fact, v as unknown as Fact) : {}) as Record<string, unknown>;
  for (const [k, x] of Object.entries(v)) out[k] = k === 'docEnd' && typeof x === 'number' ? x + offset : moved(x, offset, line);
  return out as T;
}

function shape(text: string): Pick<FileFacts, 'length' | 'eol' | 'endsWithNewline'> {
  // A last `\r` is a line end of its own (line-breaks.ts): a new document goes right after it.
  const endsWithNewline = text.length === 0 || text.endsWith('\n') || text.endsWith('\r');
  return { length: text.length, eol: text.includes('\r\n') ? '\r\n' : '\n', endsWithNewline };
}
