// The workspace folders and the facts index of each: which folder a file belongs to, whether the
// folder's scan policy indexes it, and replacing a file's facts only when a rule could tell.
import { DEFAULT_CONFIG } from '../core/config';
import { CONFIG_FILE_NAME, type ConfigFile } from '../core/config-file';
import type { FileAnalysis } from '../core/engine';
import { mayHoldCrd, type CrdText } from '../core/crd/read-crds';
import { FactsExtractor } from '../core/workspace/extract';
import { FactStrings } from '../core/workspace/fact-strings';
import type { FileFacts } from '../core/workspace/facts';
import { workspaceNames, type WorkspaceNames } from '../core/workspace/queries';
import { ExcludeMatcher, isIndexable } from '../core/workspace/scan-policy';
import { WorkspaceIndex } from '../core/workspace/workspace-index';
import { PublishTracker } from './publish-tracker';
import type { RulesRunCache } from './rules-cache';

export const NO_CONFIG: ConfigFile = { config: DEFAULT_CONFIG, exclude: [], findings: [] };

export interface Folder {
  /** Normalised, without a trailing slash; '' for the folder-less index of open documents. */
  uri: string;
  index: WorkspaceIndex;
  config: ConfigFile;
  configOpen: boolean;
  /** Reads of the config file from disk started so far: only the latest one may decide (they can overlap). */
  configReads: number;
  exclude: ExcludeMatcher;
  excludeKey: string;
  /** False while the first scan runs: findings from half a workspace would come and go. */
  ready: boolean;
  rules: RulesRunCache;
  published: PublishTracker;
  /** The scan in progress, if any. */
  scanning?: Promise<void>;
  names?: { generation: number; names: WorkspaceNames };
  /** Texts of the indexed files that may hold CRDs, by URI. */
  crdTexts: Map<string, string>;
  /** The CRD files `crds:` and `meshlint.crds` name (`uris`, normalised), read. */
  configured: { uris: string[]; texts: CrdText[] };
  /** Open documents' analyses waiting for a pause in typing to be indexed (`deferAnalysis`). */
  pending: Map<string, { text: string; analysis: FileAnalysis }>;
  /** The analysis (and text) each open document was last indexed from: the same again changes nothing. */
  analyses: Map<string, { analysis: FileAnalysis; text: string }>;
}

export class FolderIndex {
  folders: Folder[] = [];
  readonly loose: Folder;
  private readonly factsKeys = new Map<string, string>();
  private readonly extractor = new FactsExtractor(new FactStrings());
  /** Some folder's facts changed (the policy model's answers may have): set by the host that reports it. */
  onFactsChanged: () => void = () => undefined;

  /** `crdsChanged` hears of every change to the CRD texts among the indexed files. */
  constructor(
    private readonly newRulesCache: () => RulesRunCache,
    private readonly crdsChanged: () => void = () => undefined,
  ) {
    this.loose = this.newFolder('', true);
  }

  /** `uris` already normalised. Folders kept keep their index; returns the folders that are new. */
  setFolders(uris: readonly string[]): Folder[] {
    const old = new Map(this.folders.map((f) => [f.uri, f]));
    this.folders = uris.map((u) => old.get(u.replace(/\/+$/, '')) ?? this.newFolder(u.replace(/\/+$/, ''), false));
    const fresh = this.folders.filter((f) => !old.has(f.uri));
    for (const f of this.folders) old.delete(f.uri);
    // A dropped folder's facts go with its index; forget which files it held.
    for (const dropped of old.keys())
      for (const key of [...this.factsKeys.keys()])
        if (key.startsWith(`${dropped}/`)) {
          this.factsKeys.delete(key);
          this.extractor.forget(key);
        }
    return fresh;
  }

  /** `added` and `removed` already normalised; returns the new folders, to be scanned. */
  changeFolders(added: readonly string[], removed: readonly string[]): Folder[] {
    const gone = new Set(removed.map((u) => u.replace(/\/+$/, '')));
    return this.setFolders([...this.folders.map((f) => f.uri).filter((u) => !gone.has(u)), ...added]);
  }

  folderOf(key: string): Folder {
    let best: Folder | undefined;
    for (const f of this.folders) if (key.startsWith(`${f.uri}/`) && (!best || f.uri.length > best.uri.length)) best = f;
    return best ?? this.loose;
  }

  isConfigUri(folder: Folder, key: string): boolean {
    return folder.uri !== '' && key === `${folder.uri}/${CONFIG_FILE_NAME}`;
  }

  indexable(folder: Folder, key: string): boolean {
    if (folder.uri === '') return true;
    const rel = key
      .slice(folder.uri.length + 1)
      .split('/')
      .map(safeDecode)
      .join('/');
    return isIndexable(rel, folder.exclude);
  }

  /** Indexes a file's text read from disk; false when nothing a rule could see changed. */
  setText(folder: Folder, key: string, text: string | undefined): boolean {
    this.forgetAnalysis(folder, key);
    this.setCrdText(folder, key, text);
    return text === undefined ? this.removeFacts(folder, key) : this.setFacts(folder, this.extractor.ofText(key, text));
  }

  /** Indexes an open document from its analysis (reusing the engine's parse). */
  setAnalysis(folder: Folder, key: string, text: string, analysis: FileAnalysis): boolean {
    folder.pending.delete(key);
    this.setCrdText(folder, key, text);
    return this.applyAnalysis(folder, key, text, analysis);
  }

  /**
   * Keeps an open document's analysis to index later (`flush`): indexing moves the facts of every
   * document after the edit and updates every list they are in, which in a file of thousands of
   * documents costs more than checking the edited one.
   */
  deferAnalysis(folder: Folder, key: string, text: string, analysis: FileAnalysis): void {
    this.setCrdText(folder, key, text);
    folder.pending.set(key, { text, analysis });
  }

  /** Whether the document is indexed from this analysis or text, or waits to be: indexing it again changes nothing. */
  holds(folder: Folder, key: string, analysis: FileAnalysis, text: string): boolean {
    const last = folder.pending.get(key) ?? folder.analyses.get(key);
    return last !== undefined && (last.analysis === analysis || last.text === text);
  }

  /** Indexes the deferred analyses; true when facts changed. */
  flush(folder: Folder): boolean {
    if (folder.pending.size === 0) return false;
    const pending = [...folder.pending];
    folder.pending.clear();
    let changed = false;
    for (const [key, p] of pending) if (this.applyAnalysis(folder, key, p.text, p.analysis)) changed = true;
    return changed;
  }

  /**
   * Removes a file's facts. `forget` false keeps what the extractor holds for it, for a file that
   * is read again at once (a rescan), so its unchanged documents are not parsed again.
   */
  removeFacts(folder: Folder, key: string, forget = true): boolean {
    this.forgetAnalysis(folder, key);
    this.setCrdText(folder, key, undefined);
    this.factsKeys.delete(key);
    if (forget) this.extractor.forget(key);
    if (!folder.index.has(key)) return false;
    folder.index.delete(key);
    this.onFactsChanged();
    return true;
  }

  /**
   * Removes every file under a deleted directory `dir` (facts, CRD texts, analyses), except those
   * `keep` names (open files: the editor's text wins); true when facts changed.
   */
  removeUnder(folder: Folder, dir: string, keep: (key: string) => boolean): boolean {
    const prefix = `${dir}/`;
    // Collected first: removing while iterating these would skip keys. Most deletes are of one file,
    // under which nothing is found, so only the matches are copied.
    const under = new Set<string>();
    for (const keys of [folder.index.uris(), folder.crdTexts.keys(), this.factsKeys.keys()])
      for (const key of keys) if (key.startsWith(prefix) && !keep(key)) under.add(key);
    let changed = false;
    for (const key of under) if (this.removeFacts(folder, key)) changed = true;
    return changed;
  }

  /** After a rescan: lets the extractor forget the files of `before` that did not come back. */
  forgetGone(before: readonly string[]): void {
    for (const key of before) if (!this.factsKeys.has(key)) this.extractor.forget(key);
  }

  names(folder: Folder): WorkspaceNames {
    const generation = folder.index.generation;
    if (folder.names?.generation !== generation) folder.names = { generation, names: workspaceNames(folder.index.view()) };
    return folder.names.names;
  }

  /**
   * All CRD texts of the workspace, in a stable order: each folder's files by URI, then its configured
   * ones. Open files outside every folder count only when there is no folder (an editor on loose files):
   * a CRD opened from elsewhere should not change how the workspace is checked.
   */
  crdTexts(): CrdText[] {
    return (this.folders.length > 0 ? this.folders : [this.loose]).flatMap((f) => [
      ...[...f.crdTexts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([source, text]) => ({ source, text })),
      ...f.configured.texts,
    ]);
  }

  private setCrdText(folder: Folder, key: string, text: string | undefined): void {
    const crd = text !== undefined && mayHoldCrd(text) ? text : undefined;
    if (folder.crdTexts.get(key) === crd) return;
    if (crd === undefined) folder.crdTexts.delete(key);
    else folder.crdTexts.set(key, crd);
    this.crdsChanged();
  }

  private applyAnalysis(folder: Folder, key: string, text: string, analysis: FileAnalysis): boolean {
    // An analysis is of one text: the same object again (a re-publish) has the same facts.
    if (folder.analyses.get(key)?.analysis === analysis && folder.index.has(key)) return false;
    folder.analyses.set(key, { analysis, text });
    return this.setFacts(folder, this.extractor.ofAnalysis(key, text, analysis));
  }

  private forgetAnalysis(folder: Folder, key: string): void {
    folder.pending.delete(key);
    folder.analyses.delete(key);
  }

  private setFacts(folder: Folder, facts: FileFacts): boolean {
    if (this.factsKeys.get(facts.uri) === facts.signature && folder.index.has(facts.uri) === facts.facts.length > 0) return false;
    this.factsKeys.set(facts.uri, facts.signature);
    folder.index.set(facts);
    this.onFactsChanged();
    return true;
  }

  private newFolder(uri: string, ready: boolean): Folder {
    return {
      uri,
      index: new WorkspaceIndex(),
      config: NO_CONFIG,
      configOpen: false,
      configReads: 0,
      exclude: new ExcludeMatcher([]),
      excludeKey: '[]',
      ready,
      rules: this.newRulesCache(),
      published: new PublishTracker(),
      crdTexts: new Map(),
      configured: { uris: [], texts: [] },
      pending: new Map(),
      analyses: new Map(),
    };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
