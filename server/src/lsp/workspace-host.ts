// Keeps one workspace index per workspace folder current, and says which open files need their
// diagnostics published again. Sources, strongest first: open documents (their text, reusing the
// engine's parse), then the disk (initial scan, file-change notifications). Each folder has its
// `.meshlint.yaml`; files outside every folder share a folder-less index of open documents.
import type { Config } from '../core/config';
import { CONFIG_FILE_NAME, parseConfigFile } from '../core/config-file';
import { applyPolicy, type FileAnalysis } from '../core/engine';
import type { Finding } from '../core/types';
import type { CrdText } from '../core/crd/read-crds';
import { ExcludeMatcher } from '../core/workspace/scan-policy';
import type { WorkspaceNames } from '../core/workspace/queries';
import { FolderIndex, NO_CONFIG, type Folder } from './folder-index';
import { LARGE_OPEN_DOCUMENTS, NODE_TIMERS, RulesRunCache, type RulesClock } from './rules-cache';
import { toConfig } from './settings';
import { loadConfiguredCrds } from './configured-crds';
import type { WorkspaceHostDeps } from './workspace-host-deps';
import { reportScan, scanFolder, scanSettings } from './folder-scan';

export type { WorkspaceHostDeps } from './workspace-host-deps';

export class WorkspaceHost {
  protected readonly index: FolderIndex;
  /** Open documents: normalised URI -> the client's URI. */
  private readonly open = new Map<string, string>();

  constructor(private readonly deps: WorkspaceHostDeps) {
    const clock: RulesClock = { now: deps.now, ...(deps.timers ?? NODE_TIMERS), pauseMs: deps.typingPauseMs };
    this.index = new FolderIndex(
      () => new RulesRunCache(clock, (m) => deps.log(m)),
      () => deps.crdsChanged?.(),
    );
  }

  setFolders(uris: readonly string[]): void {
    this.index.setFolders(uris.map((u) => this.normalize(u)));
  }

  /** Loads each folder's config and scans it; resolves when every folder is indexed. */
  async start(folders: readonly Folder[] = this.index.folders): Promise<void> {
    const load = async (f: Folder): Promise<void> => {
      await this.loadConfigFromDisk(f, false);
      await this.track(f, () => loadConfiguredCrds(f, this.deps).then(() => this.scanNow(f)));
    };
    await Promise.all(folders.map(load));
  }

  /** Folders added or removed at run time (didChangeWorkspaceFolders): new ones scanned, open files checked again. */
  async changeFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
    const [add, remove] = [added, removed].map((list) => list.map((u) => this.normalize(u)));
    await this.start(this.index.changeFolders(add, remove));
    for (const uri of this.open.values()) this.deps.republish(uri);
  }

  /** Every CRD text of the workspace, later ones winning; undefined while a folder is being scanned (half a set). */
  crdTexts(): CrdText[] | undefined {
    return this.index.folders.every((f) => f.ready) ? this.index.crdTexts() : undefined;
  }

  /** The config file's settings for a document (VS Code settings are merged over it by the caller). */
  fileConfig(uri: string): Config {
    return this.folderOf(uri).config.config;
  }

  /** Workspace findings of an open document after its analysis, with levels and suppressions applied. */
  async forDocument(uri: string, text: string, analysis: FileAnalysis, docConfig: Config): Promise<Finding[]> {
    const key = this.normalize(uri);
    const folder = this.index.folderOf(key);
    const opening = !this.open.has(key);
    this.open.set(key, uri);
    const indexable = this.index.indexable(folder, key);
    // A costly workspace or file (by the cost known before this edit, or a large file just opened: LARGE_OPEN_DOCUMENTS): the edit
    // reaches the index and rules once typing pauses or the index is read; open files whose findings changed are published then.
    const costly = folder.rules.costly || (opening && analysis.documents.length >= LARGE_OPEN_DOCUMENTS);
    const later = indexable && folder.ready && costly && !this.index.holds(folder, key, analysis, text);
    if (later) this.index.deferAnalysis(folder, key, text, analysis);
    const changed =
      later ||
      this.timedIndexing(folder, () =>
        indexable ? this.index.setAnalysis(folder, key, text, analysis) : this.index.removeFacts(folder, key),
      );
    if (!folder.ready) return [];
    if (changed && costly) {
      const rerun = async (): Promise<void> => this.republishAffected(folder, await this.resultsOf(folder, uri), undefined);
      folder.rules.defer(rerun, opening ? key : undefined); // the run of a file just opened starts when its publish is sent
      const moved = folder.published.following(key, text) ?? []; // recorded as given: the pause sees what moving dropped
      folder.published.record(key, text, moved);
      return applyPolicy(text, moved, docConfig);
    }
    const byUri = await this.resultsOf(folder, uri);
    const mine = byUri.get(key) ?? [];
    // Closed while the rules ran: nothing is published for it, so nothing is remembered either.
    if (!this.open.has(key)) return applyPolicy(text, mine, docConfig);
    folder.published.record(key, text, mine);
    if (changed) this.republishAffected(folder, byUri, key);
    return applyPolicy(text, mine, docConfig);
  }

  /** A publish was sent: a file just opened has not been typed in, so its deferred run need not wait. */
  published(uri: string): void {
    const key = this.normalize(uri);
    this.index.folderOf(key).rules.published(key);
  }

  /** The last published workspace findings of a document, moved onto its text: code actions read it and change nothing. */
  lastFindings(uri: string, text: string, docConfig: Config): Finding[] {
    const key = this.normalize(uri);
    const folder = this.index.folderOf(key);
    if (this.index.isConfigUri(folder, key)) return folder.config.findings;
    return applyPolicy(text, folder.published.following(key, text) ?? [], docConfig);
  }

  /** A document was closed: the disk copy takes over again. */
  async closed(uri: string): Promise<void> {
    const key = this.normalize(uri);
    const folder = this.index.folderOf(key);
    this.open.delete(key);
    folder.published.forget(key);
    if (this.index.isConfigUri(folder, key)) {
      folder.configOpen = false;
      await this.loadConfigFromDisk(folder, true);
      return;
    }
    const text = folder.uri !== '' && this.index.indexable(folder, key) ? await this.deps.files?.read(key, folder.uri) : undefined;
    if (this.index.setText(folder, key, text)) await this.refresh(folder);
  }

  /**
   * `workspace/didChangeWatchedFiles`: 1 created, 2 changed, 3 deleted. A file reached through a
   * symbolic link that leads out of its folder reads as absent (the disk side checks real paths).
   */
  async watched(changes: readonly { uri: string; type: number }[]): Promise<void> {
    const touched = new Set<Folder>();
    const crdPaths = new Set<Folder>();
    for (const change of changes) {
      const key = this.normalize(change.uri);
      const folder = this.index.folderOf(key);
      if (folder.uri === '') continue;
      if (folder.configured.uris.some((u) => key === u || key.startsWith(`${u}/`))) crdPaths.add(folder);
      if (this.index.isConfigUri(folder, key)) {
        if (!folder.configOpen) await this.loadConfigFromDisk(folder, true);
        continue;
      }
      if (this.open.has(key)) continue; // the editor's text wins over the disk
      if (change.type === 3) {
        const under = this.index.removeUnder(folder, key, (u) => this.open.has(u));
        if (this.index.removeFacts(folder, key) || under) touched.add(folder);
        continue;
      }
      if (!this.index.indexable(folder, key)) continue;
      if (this.index.setText(folder, key, await this.deps.files?.read(key, folder.uri))) touched.add(folder);
    }
    for (const folder of touched) await this.refresh(folder);
    for (const folder of crdPaths) await this.track(folder, () => loadConfiguredCrds(folder, this.deps));
  }

  /** Settings changed: the exclude list may differ (rescan), and levels may (results are keyed by config). */
  async settingsChanged(): Promise<void> {
    for (const folder of this.index.folders) await this.applyExclude(folder);
  }

  /** The config file of a folder, opened in the editor: its text replaces the disk copy. Returns its findings. */
  configOpened(uri: string, text: string): Finding[] | undefined {
    const key = this.normalize(uri);
    const folder = this.index.folderOf(key);
    if (!this.index.isConfigUri(folder, key)) return undefined;
    folder.configOpen = true;
    this.open.set(key, uri);
    if (this.setConfig(folder, text))
      this.applyExclude(folder).catch((err: unknown) => this.deps.log(`workspace scan failed: ${(err as Error).stack ?? String(err)}`));
    return folder.config.findings;
  }

  /** Resolves once no folder is being scanned (tests, and callers that need a complete index). */
  async whenIdle(): Promise<void> {
    for (const f of this.index.folders) {
      // A scan may start another (an exclude change found on the way): wait until none is left.
      for (let p = f.scanning; p; p = f.scanning === p ? undefined : f.scanning) await p;
    }
  }

  /** Names the workspace knows around a document, for completion. */
  names(uri: string): WorkspaceNames {
    return this.index.names(this.flushed(this.folderOf(uri)));
  }

  normalize(uri: string): string {
    return this.deps.files ? this.deps.files.normalize(uri) : uri;
  }

  protected folderOf(uri: string): Folder {
    return this.index.folderOf(this.normalize(uri));
  }

  /** The folder with the open documents' deferred edits indexed: what every reader of its index must see. */
  protected flushed(folder: Folder): Folder {
    this.timedIndexing(folder, () => this.index.flush(folder));
    return folder;
  }

  /** Runs an index change, and when it changed facts, tells the rules cache what it cost. */
  private timedIndexing(folder: Folder, change: () => boolean): boolean {
    const started = this.deps.now?.();
    const changed = change();
    if (changed && started !== undefined && this.deps.now) folder.rules.noteIndexCost(this.deps.now() - started);
    return changed;
  }

  private async resultsOf(folder: Folder, fallbackUri: string): Promise<Map<string, Finding[]>> {
    const config = toConfig(await this.deps.settingsFor(folder.uri || fallbackUri), folder.config.config);
    return folder.rules.resultsOf(this.flushed(folder).index, config);
  }

  /** After a change that did not come through a publish: re-publish the open files whose findings moved. */
  private async refresh(folder: Folder): Promise<void> {
    if (!folder.ready) return;
    const first = [...this.open.values()].find((u) => this.folderOf(u) === folder);
    if (first === undefined) return;
    this.republishAffected(folder, await this.resultsOf(folder, first), undefined);
  }

  private openIn(folder: Folder): [string, string][] {
    return [...this.open].filter(([key]) => this.index.folderOf(key) === folder && !this.index.isConfigUri(folder, key));
  }

  private republishAffected(folder: Folder, byUri: Map<string, Finding[]>, except: string | undefined): void {
    for (const [key, clientUri] of this.openIn(folder)) {
      if (key !== except && folder.published.differs(key, byUri.get(key) ?? [])) this.deps.republish(clientUri);
    }
  }

  private republishAll(folder: Folder): void {
    for (const [, clientUri] of this.openIn(folder)) this.deps.republish(clientUri);
  }

  private async loadConfigFromDisk(folder: Folder, announce: boolean): Promise<void> {
    const [uri, read] = [`${folder.uri}/${CONFIG_FILE_NAME}`, ++folder.configReads];
    const text = await this.deps.files?.read(uri, folder.uri);
    if (read !== folder.configReads) return; // a read started after this one (a later file event) decides
    const hadFindings = folder.config.findings.length > 0;
    this.setConfig(folder, text);
    if (text !== undefined || hadFindings) this.deps.publishConfigFile(uri, text ?? '', folder.config.findings);
    if (announce) await this.applyExclude(folder);
  }

  /** Returns whether the config changed. */
  private setConfig(folder: Folder, text: string | undefined): boolean {
    const before = JSON.stringify(folder.config);
    folder.config = text === undefined ? NO_CONFIG : parseConfigFile(text, this.deps.knownRuleIds());
    if (JSON.stringify(folder.config) === before) return false;
    // Levels, root namespace and limits change every open file's findings, not only the workspace ones.
    this.republishAll(folder);
    return true;
  }

  /** Re-reads the exclude globs; a change means another set of files, so the folder is scanned again. */
  private applyExclude(folder: Folder): Promise<void> {
    return this.track(folder, async () => {
      // `crds:` and `meshlint.crds` may have changed with the exclude globs.
      await loadConfiguredCrds(folder, this.deps);
      if ((await scanSettings(folder.uri, folder.config.exclude, this.deps)).key !== folder.excludeKey) await this.scanNow(folder);
    });
  }

  /** Runs a (re)scan of the folder after the one in progress, and records it for `whenIdle`. */
  private track(folder: Folder, op: () => Promise<void>): Promise<void> {
    const run = (folder.scanning ?? Promise.resolve()).then(op, op);
    folder.scanning = run;
    return run;
  }

  private async scanNow(folder: Folder): Promise<void> {
    const { globs, maxFiles, key } = await scanSettings(folder.uri, folder.config.exclude, this.deps);
    folder.exclude = new ExcludeMatcher(globs);
    folder.excludeKey = key;
    const files = this.deps.files;
    if (!files) {
      folder.ready = true;
      this.republishAll(folder);
      return;
    }
    folder.ready = false;
    // Each file is read again at once: the extractor keeps its facts of unchanged documents meanwhile.
    const before = folder.index.uris().filter((uri) => !this.open.has(uri));
    for (const uri of before) this.index.removeFacts(folder, uri, false);
    const outcome = await scanFolder(files, {
      folderUri: folder.uri,
      globs,
      maxFiles,
      skip: (u) => this.open.has(u),
      normalize: (u) => this.normalize(u),
      take: (u, text) => this.index.setText(folder, u, text),
    });
    reportScan(folder.uri, maxFiles, outcome, this.deps);
    this.index.forgetGone(before);
    folder.ready = true;
    this.republishAll(folder);
    this.deps.crdsChanged?.();
  }
}
