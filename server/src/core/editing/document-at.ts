// Finds the YAML document of a multi-document file that holds a file offset.
import type { AnalyzedDocument, FileAnalysis } from '../engine';

export function documentAt(analysis: FileAnalysis, offset: number): AnalyzedDocument | undefined {
  const docs = analysis.documents;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    // The end of one document is the start of the next; the cursor at the very end of the file
    // still belongs to the last document.
    if (offset >= d.start && (offset < d.end || (i === docs.length - 1 && offset <= d.end))) return d;
  }
  return undefined;
}
