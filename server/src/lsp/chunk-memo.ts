// The last split of each open document into YAML documents, so the next version is split only
// around its edits (core/split-edit.ts): the unchanged documents keep their chunks and text strings,
// which the engine's cache then finds without hashing and comparing them again. The editor's change
// events say where the edits are, so not even the unchanged text is compared.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { splitDocuments, type Chunk } from '../core/split';
import { resplitDocuments, type KnownSame } from '../core/split-edit';

interface Split {
  text: string;
  chunks: readonly Chunk[];
  /** What the edits since `text` left alone, and the version and length they lead to. */
  same?: KnownSame & { version: number; length: number };
}

export class ChunkMemo {
  private readonly last = new Map<string, Split>();

  /**
   * One change event applied to a document (before the next one is): `start`-`end` of its text of
   * `length` characters were replaced by `inserted` characters; undefined `start` is a whole-text
   * replacement.
   */
  changed(uri: string, version: number, length: number, change?: { start: number; end: number; inserted: number }): void {
    const split = this.last.get(uri);
    if (!split) return;
    const lengthAfter = change ? length - (change.end - change.start) + change.inserted : 0;
    const whole = split.text.length;
    const before = split.same ?? { prefix: whole, suffix: whole, version, length: whole };
    if (before.length !== length) {
      // Events we did not see: the edits are unknown.
      split.same = { prefix: 0, suffix: 0, version, length: lengthAfter };
      return;
    }
    split.same = change
      ? {
          prefix: Math.min(before.prefix, change.start),
          suffix: Math.min(before.suffix, lengthAfter - (change.start + change.inserted)),
          version,
          length: lengthAfter,
        }
      : { prefix: 0, suffix: 0, version, length: lengthAfter };
  }

  chunksOf(uri: string, version: number, text: string): readonly Chunk[] {
    const known = this.last.get(uri);
    if (known?.text === text) return known.chunks;
    const same = known?.same?.version === version && known.same.length === text.length ? known.same : undefined;
    const chunks = known ? resplitDocuments(known.text, known.chunks, text, same) : splitDocuments(text);
    this.last.set(uri, { text, chunks });
    return chunks;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** The server's open documents, telling `splits` where each change event edits a document. */
export function trackedDocuments(splits: ChunkMemo): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (doc, changes, version) => {
      // One event at a time: each event's range is in the text the previous ones left.
      for (const change of changes) {
        const length = doc.getText().length;
        if ('range' in change) {
          const [a, b] = [doc.offsetAt(change.range.start), doc.offsetAt(change.range.end)];
          splits.changed(doc.uri, version, length, { start: Math.min(a, b), end: Math.max(a, b), inserted: change.text.length });
        } else {
          splits.changed(doc.uri, version, length);
        }
        TextDocument.update(doc, [change], version);
      }
      return doc;
    },
  });
}
