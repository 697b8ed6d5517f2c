// Turns a file's parsed documents into the facts the workspace index keeps. Open files reuse the
// engine's parse (`factsOfAnalysis`); files read from disk are split and parsed here (`factsOfText`).
import { splitDocuments } from '../split';
import { parseYaml, type YNode } from '../parse';
import { asRecord, identify } from '../resources';
import { LineIndex } from '../line-index';
import type { FileAnalysis } from '../engine';
import { DocReader } from './doc-reader';
import { istioFact } from './extract-istio';
import { clusterFact } from './extract-cluster';
import type { Fact, FileFacts } from './facts';

export interface SourceDocument {
  /** Offset of the document in its file, and its own text. */
  start: number;
  text: string;
  root: YNode | null;
  value: unknown;
}

/** Cheap text test before parsing a file from disk: does it look like a Kubernetes manifest at all? */
export function mayHoldManifests(text: string): boolean {
  return text.includes('kind') && text.includes('apiVersion');
}

export function factsOfText(uri: string, text: string): FileFacts {
  if (!mayHoldManifests(text)) return emptyFacts(uri, text);
  const docs: SourceDocument[] = [];
  for (const chunk of splitDocuments(text)) {
    // Templates (Helm, Go) have placeholder values: facts read from them would be fiction.
    if (chunk.text.includes('{{') || !mayHoldManifests(chunk.text)) continue;
    const parsed = parseYaml(chunk.text);
    docs.push({ start: chunk.start, text: chunk.text, root: parsed.root, value: parsed.value });
  }
  return extractFileFacts(uri, text, docs);
}

export function factsOfAnalysis(uri: string, text: string, analysis: FileAnalysis): FileFacts {
  const docs = analysis.documents
    .filter((d) => !d.text.includes('{{'))
    .map((d) => ({ start: d.start, text: d.text, root: d.result.parsed.root, value: d.result.parsed.value }));
  return extractFileFacts(uri, text, docs);
}

export function extractFileFacts(uri: string, text: string, docs: readonly SourceDocument[]): FileFacts {
  let lines: LineIndex | undefined;
  const lineIndex = (): LineIndex => (lines ??= new LineIndex(text));
  const facts: Fact[] = [];
  for (const doc of docs) {
    const ref = identify(doc.value);
    const value = asRecord(doc.value);
    if (!ref || !value) continue;
    const r = new DocReader(uri, value, doc.root, doc.start, lineIndex);
    const base = {
      uri,
      group: ref.group,
      kind: ref.kind,
      name: ref.name,
      namespace: ref.namespace,
      site: r.site(['metadata', 'name']) ?? r.nearest(['kind']),
      namespaceSite: r.site(['metadata', 'namespace']),
      docEnd: doc.start + doc.text.length,
    };
    const fact = (ref.group.endsWith('istio.io') && ref.group !== 'install.istio.io' ? istioFact(r, base) : undefined) ?? clusterFact(r, base) ?? { ...base, type: 'other' as const };
    facts.push(fact);
  }
  return { uri, facts, ...shape(text) };
}

export function emptyFacts(uri: string, text = ''): FileFacts {
  return { uri, facts: [], ...shape(text) };
}

function shape(text: string): Pick<FileFacts, 'length' | 'eol' | 'endsWithNewline'> {
  return { length: text.length, eol: text.includes('\r\n') ? '\r\n' : '\n', endsWithNewline: text.length === 0 || text.endsWith('\n') };
}
