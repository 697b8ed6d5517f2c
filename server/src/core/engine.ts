// The file-level entry point of the core: splits a file into documents, reuses cached results for
// documents whose text has not changed, and applies configured levels and suppression comments.
import { splitDocuments, type Chunk } from './split';
import { firstLineSpan, withLineFeeds } from './line-breaks';
import { listItemChunks } from './list-items';
import { analyzeDocument, YAML_RULE_ID, type DocumentResult } from './analyze-document';
import { kubectlSplitFindings } from './kubectl-split';
import { DocumentCache } from './document-cache';
import { checkFingerprint, type Config } from './config';
import { mentionsMeshApi } from './resources';
import type { SchemaRegistry } from './schema';
import type { DocumentRule } from './rules/lib/rule';
import { DOCUMENT_RULES } from './rules/index';
import { directivesOf, isSuppressed } from './suppressions';
import { shiftFinding, type Finding } from './types';

export interface AnalyzedDocument {
  /** Offset of the document's text in the file. */
  start: number;
  end: number;
  text: string;
  result: DocumentResult;
  /** True when the result came from the cache. */
  reused: boolean;
  /** Set for an item of a List: where the List document ends (a new document goes after it, not inside). */
  listEnd?: number;
}

export interface FileAnalysis {
  documents: AnalyzedDocument[];
  /** Findings with file offsets, after config levels and suppressions. */
  findings: Finding[];
  internalErrors: string[];
  /** True when the file holds at least one Istio or cert-manager resource. */
  isMeshFile: boolean;
  /** Set when `shouldStop` ended the run early: only the first `checked` of `total` documents are in. */
  partial?: { checked: number; total: number };
}

export interface AnalyzeOptions {
  /**
   * Asked before each document that is not cached yet, except the first of a run (so repeated runs
   * always make progress); true leaves the rest of the file unchecked. Lets a caller honour
   * cancellation and time budgets while the core stays free of clocks.
   */
  shouldStop?: () => boolean;
  /**
   * The file already split by `splitDocuments(text)`: a caller that runs the same text in several
   * steps passes the same chunks each time, so they are not split and hashed again.
   */
  chunks?: readonly Chunk[];
}

export interface EngineOptions {
  rules?: readonly DocumentRule[];
  /** Documents kept per config; beyond it the least recently used are dropped. */
  cacheLimit?: number;
  /**
   * Which documents to keep (all by default): a one-pass caller (the CLI) keeps only the texts it
   * will meet again. A run stopped by `shouldStop` then starts over on documents not kept, so
   * callers that restrict the cache pass no `shouldStop`.
   */
  cacheOnly?: (documentText: string) => boolean;
  /** Files longer than this (UTF-16 units) are not checked, to keep the editor responsive. */
  maxFileLength?: number;
}

export const TOO_LARGE_RULE_ID = 'file-too-large';

/** Configs whose results are cached at once (one per workspace folder, typically one). */
const MAX_CONFIGS = 4;

export class Engine {
  readonly rules: readonly DocumentRule[];
  /** Per config fingerprint, results by document text (keys are the texts themselves: no concatenation per keystroke). */
  private readonly caches = new Map<string, DocumentCache<DocumentResult>>();
  private readonly cacheLimit: number;
  private readonly cacheOnly: ((documentText: string) => boolean) | undefined;
  private readonly maxFileLength: number;

  constructor(
    readonly schemas: SchemaRegistry,
    options: EngineOptions = {},
  ) {
    this.rules = options.rules ?? DOCUMENT_RULES;
    // The cache bounds the text it holds (document-cache.ts); the count must let every document of
    // the largest file checked (8M characters of small documents) stay, or a check spread over
    // several runs would evict its own first documents and start over each time.
    this.cacheLimit = options.cacheLimit ?? 200_000;
    this.cacheOnly = options.cacheOnly;
    this.maxFileLength = options.maxFileLength ?? 8_000_000;
  }

  analyze(written: string, config: Config, options: AnalyzeOptions = {}): FileAnalysis {
    if (written.length > this.maxFileLength) return this.tooLarge(written, config);
    // Rules, fixes and comment directives read lines; a lone `\r` ends one (line-breaks.ts), so they
    // all get the LF twin, whose offsets are the file's. Chunks cut from the file as written are
    // not used for it.
    const text = withLineFeeds(written);
    const given = text === written ? options.chunks : undefined;
    const cache = this.cacheFor(checkFingerprint(config));
    const documents: AnalyzedDocument[] = [];
    const internalErrors: string[] = [];
    let isMeshFile = false;
    let fresh = 0;
    let partial: FileAnalysis['partial'];
    const chunks = given ?? splitDocuments(text);
    /** The next document's result, cached or checked now; undefined when `shouldStop` ends the run. */
    const resultOf = (docText: string): { result: DocumentResult; reused: boolean } | undefined => {
      const cached = cache.get(docText);
      if (cached) return { result: cached, reused: true };
      if (fresh++ > 0 && options.shouldStop?.()) return undefined;
      const result = analyzeDocument(docText, { schemas: this.schemas, rules: this.rules, config });
      if (this.cacheOnly?.(docText) ?? true) cache.set(docText, result);
      internalErrors.push(...result.internalErrors);
      return { result, reused: false };
    };
    const add = (start: number, docText: string, result: DocumentResult, reused: boolean, listEnd?: number): void => {
      if (result.resource?.mesh || (result.syntax.length > 0 && mentionsMeshApi(docText))) isMeshFile = true;
      const doc: AnalyzedDocument = { start, end: start + docText.length, text: docText, result, reused };
      if (listEnd !== undefined) doc.listEnd = listEnd;
      documents.push(doc);
    };
    /** Where each document that holds something begins (kubectl-split.ts). */
    const contentStarts: number[] = [];
    // Counted in chunks (a List is one of them, however many items it has), as the note tells people.
    run: for (const [index, chunk] of chunks.entries()) {
      const checked = resultOf(chunk.text);
      if (!checked) {
        partial = { checked: index, total: chunks.length };
        break;
      }
      const { root, value } = checked.result.parsed;
      if (root && value !== null && value !== undefined) contentStarts.push(chunk.start + root.start);
      const items = listItemChunks(chunk.text, listShape(checked.result));
      if (!items) {
        add(chunk.start, chunk.text, checked.result, checked.reused);
        continue;
      }
      // A List (`kubectl get -o yaml`) is checked item by item, each at its place in the file.
      for (const item of items) {
        const itemChecked = resultOf(item.text);
        if (!itemChecked) {
          partial = { checked: index, total: chunks.length };
          break run;
        }
        add(chunk.start + item.start, item.text, itemChecked.result, itemChecked.reused, chunk.start + chunk.text.length);
      }
    }
    const raw: Finding[] = [];
    for (const d of documents) {
      for (const f of d.result.findings) raw.push(shiftFinding(f, d.start));
      if (isMeshFile) for (const f of d.result.syntax) raw.push(shiftFinding(f, d.start));
    }
    // What kubectl's own document splitter loses, read from the file as written (lone `\r` included).
    if (isMeshFile && !partial) raw.push(...kubectlSplitFindings(written, contentStarts, YAML_RULE_ID));
    const analysis: FileAnalysis = { documents, findings: applyPolicy(text, raw, config), internalErrors, isMeshFile };
    if (partial) analysis.partial = partial;
    return analysis;
  }

  private cacheFor(fingerprint: string): DocumentCache<DocumentResult> {
    let cache = this.caches.get(fingerprint);
    if (!cache) {
      // Folders may differ in config, so a few configs live side by side; an old one (the config
      // before a settings change) goes first.
      if (this.caches.size >= MAX_CONFIGS) this.caches.delete(this.caches.keys().next().value as string);
      this.caches.set(fingerprint, (cache = new DocumentCache<DocumentResult>(this.cacheLimit)));
    }
    return cache;
  }

  private tooLarge(text: string, config: Config): FileAnalysis {
    const message = `This file is too large to check while editing (${text.length} characters). Run \`meshlint\` on it from the command line.`;
    return { documents: [], findings: fileNote(TOO_LARGE_RULE_ID, message, text, config), internalErrors: [], isMeshFile: false };
  }
}

function listShape(result: DocumentResult): Parameters<typeof listItemChunks>[1] {
  const parsed = result.parsed;
  return { root: parsed.root, value: parsed.value, clean: !parsed.problems.some((p) => p.severity === 'error') };
}

/**
 * A note about the whole file (too large, checked only in part), on its first line, under the same
 * levels and suppressions as every finding: `off` in the config switches it off.
 */
export function fileNote(ruleId: string, message: string, text: string, config: Config): Finding[] {
  return applyPolicy(text, [{ ruleId, severity: 'info', message, ...firstLineSpan(text) }], config);
}

/** Applies configured rule levels ("off" drops) and suppression comments to a file's findings. */
export function applyPolicy(text: string, findings: Finding[], config: Config): Finding[] {
  const directives = config.noInlineConfig ? undefined : directivesOf(text);
  const out: Finding[] = [];
  for (const f of findings) {
    const level = config.rules[f.ruleId];
    if (level === 'off') continue;
    const leveled = level ? { ...f, severity: level } : f;
    if (directives && isSuppressed(leveled, directives.blocks, directives.lines)) continue;
    out.push(leveled);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
