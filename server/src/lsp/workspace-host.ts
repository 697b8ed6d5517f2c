// Keeps one workspace index per workspace folder current, and says which open files need their
// diagnostics published again. Sources, strongest first: open documents (their text, reusing the
// engine's parse), then the disk (initial scan, file-change notifications). Each folder has its
// `.meshlint.yaml`; files outside every folder share a folder-less index of open documents.
import { DEFAULT_CONFIG, configFingerprint, type Config } from '../core/config';
import { CONFIG_FILE_NAME, parseConfigFile, type ConfigFile } from '../core/config-file';
import { applyPolicy, type FileAnalysis } from '../core/engine';
import type { Finding } from '../core/types';
import { FactsExtractor } from '../core/workspace/extract';
import type { FileFacts } from '../core/workspace/facts';
import { runWorkspaceRules } from '../core/workspace/run';
import { ExcludeMatcher, isIndexable } from '../core/workspace/scan-policy';
import { WorkspaceIndex } from '../core/workspace/workspace-index';
import { WORKSPACE_RULES } from '../core/workspace/workspace-rules';
import { workspaceNames, type WorkspaceNames } from '../core/workspace/queries';
import { offsetMapBetween, shiftFindings } from '../core/shift-findings';
import type { MeshlintSettings } from './protocol';
import { toConfig } from './settings';
import type { WorkspaceFiles } from './workspace-files';

export interface WorkspaceHostDeps {
  /** Disk access; without it only open documents are indexed. */
  files?: WorkspaceFiles;
  settingsFor(uri: string): Promise<MeshlintSettings>;
  /** The `meshlint.exclude` globs for a folder. */
  excludeFor(folderUri: string): Promise<string[]>;
  /** Ask for an open document's diagnostics to be published again (by its client URI). */
  republish(uri: string): void;
  /** Publish the problems of a config file that is not open in the editor. */
  publishConfigFile(uri: string, text: string, findings: Finding[]): void;
  knownRuleIds(): readonly string[];
  log(message: string): void;
  /** Wall clock in ms; with it, a workspace whose rules take long is re-checked after typing pauses. */
  now?: () => number;
}

const NO_CONFIG: ConfigFile = { config: DEFAULT_CONFIG, exclude: [], findings: [] };
const SCAN_BATCH = 16;
/** A rules run cheaper than this happens on every edit; a dearer one waits for a pause in typing. */
const INLINE_BUDGET_MS = 30;

interface Folder {
  /** Normalised, without a trailing slash; '' for the folder-less index. */
  uri: string;
  index: WorkspaceIndex;
  config: ConfigFile;
  configOpen: boolean;
  exclude: ExcludeMatcher;
  excludeKey: string;
  /** False while the first scan runs: findings from half a workspace would come and go. */
  ready: boolean;
  results?: { key: string; byUri: Map<string, Finding[]> };
  /** Signature of the workspace findings last published per open file. */
  published: Map<string, string>;
  /** The workspace findings last computed for each open file, with the text they were computed on. */
  given: Map<string, { text: string; findings: Finding[] }>;
  /** Cost of the last rules run (ms), and the pending deferred run. */
  lastCost: number;
  timer?: ReturnType<typeof setTimeout>;
  /** The scan in progress, if any. */
  scanning?: Promise<void>;
  names?: { generation: number; names: WorkspaceNames };
}

export class WorkspaceHost {
  private folders: Folder[] = [];
  private readonly loose: Folder = newFolder('', true);
  /** Open documents: normalised URI -> the client's URI. */
  private readonly open = new Map<string, string>();
  private readonly factsKeys = new Map<string, string>();
  private readonly extractor = new FactsExtractor();

  constructor(private readonly deps: WorkspaceHostDeps) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map((u) => newFolder(this.normalize(u).replace(/\/+$/, ''), false));
  }

  /** Loads each folder's config and scans it; resolves when every folder is indexed. */
  async start(): Promise<void> {
    await Promise.all(
      this.folders.map(async (f) => {
        await this.loadConfigFromDisk(f, false);
        await this.scan(f);
      }),
    );
  }

  /** The config file's settings for a document (VS Code settings are merged over it by the caller). */
  fileConfig(uri: string): Config {
    return this.folderOf(this.normalize(uri)).config.config;
  }

  /** Workspace findings of an open document after its analysis, with levels and suppressions applied. */
  async forDocument(uri: string, text: string, analysis: FileAnalysis, docConfig: Config): Promise<Finding[]> {
    const key = this.normalize(uri);
    const folder = this.folderOf(key);
    this.open.set(key, uri);
    const changed = this.indexable(folder, key) ? this.setFacts(folder, this.extractor.ofAnalysis(key, text, analysis)) : this.removeFacts(folder, key);
    if (!folder.ready) return [];
    if (changed && folder.lastCost > INLINE_BUDGET_MS) {
      // A large workspace: keep typing fast. The last findings follow the edit now; the rules run
      // again once typing pauses, and every open file whose findings changed is published then.
      this.deferRun(folder, uri);
      const last = folder.given.get(key);
      return last ? applyPolicy(text, shiftFindings(last.findings, key, offsetMapBetween(last.text, text)), docConfig) : [];
    }
    const byUri = await this.resultsOf(folder, uri);
    const mine = byUri.get(key) ?? [];
    // Closed while the rules ran: nothing is published for it, so nothing is remembered either.
    if (!this.open.has(key)) return applyPolicy(text, mine, docConfig);
    folder.published.set(key, signature(mine));
    folder.given.set(key, { text, findings: mine });
    if (changed) this.republishAffected(folder, byUri, key);
    return applyPolicy(text, mine, docConfig);
  }

  /** A document was closed: the disk copy takes over again. */
  async closed(uri: string): Promise<void> {
    const key = this.normalize(uri);
    const folder = this.folderOf(key);
    this.open.delete(key);
    folder.published.delete(key);
    folder.given.delete(key);
    if (this.isConfigUri(folder, key)) {
      folder.configOpen = false;
      await this.loadConfigFromDisk(folder, true);
      return;
    }
    const text = folder.uri !== '' && this.indexable(folder, key) ? await this.deps.files?.read(key) : undefined;
    const changed = text === undefined ? this.removeFacts(folder, key) : this.setFacts(folder, this.extractor.ofText(key, text));
    if (changed) await this.refresh(folder);
  }

  /** `workspace/didChangeWatchedFiles`: 1 created, 2 changed, 3 deleted. */
  async watched(changes: readonly { uri: string; type: number }[]): Promise<void> {
    const touched = new Set<Folder>();
    for (const change of changes) {
      const key = this.normalize(change.uri);
      const folder = this.folderOf(key);
      if (folder.uri === '') continue;
      if (this.isConfigUri(folder, key)) {
        if (!folder.configOpen) await this.loadConfigFromDisk(folder, true);
        continue;
      }
      if (this.open.has(key)) continue; // the editor's text wins over the disk
      if (change.type === 3) {
        const before = folder.index.size;
        folder.index.deleteUnder(key);
        if (this.removeFacts(folder, key) || folder.index.size !== before) touched.add(folder);
        continue;
      }
      if (!this.indexable(folder, key)) continue;
      const text = await this.deps.files?.read(key);
      const changed = text === undefined ? this.removeFacts(folder, key) : this.setFacts(folder, this.extractor.ofText(key, text));
      if (changed) touched.add(folder);
    }
    for (const folder of touched) await this.refresh(folder);
  }

  /** Settings changed: the exclude list may differ (rescan), and levels may (results are keyed by config). */
  async settingsChanged(): Promise<void> {
    for (const folder of this.folders) await this.applyExclude(folder);
  }

  /** The config file of a folder, opened in the editor: its text replaces the disk copy. Returns its findings. */
  configOpened(uri: string, text: string): Finding[] | undefined {
    const key = this.normalize(uri);
    const folder = this.folderOf(key);
    if (!this.isConfigUri(folder, key)) return undefined;
    folder.configOpen = true;
    this.open.set(key, uri);
    if (this.setConfig(folder, text)) this.applyExclude(folder).catch((err: unknown) => this.deps.log(`workspace scan failed: ${(err as Error).stack ?? String(err)}`));
    return folder.config.findings;
  }

  /** Resolves once no folder is being scanned (tests, and callers that need a complete index). */
  async whenIdle(): Promise<void> {
    for (const f of this.folders) {
      // A scan may start another (an exclude change found on the way): wait until none is left.
      for (let p = f.scanning; p; p = f.scanning === p ? undefined : f.scanning) await p;
    }
  }

  /** Names the workspace knows around a document, for completion. */
  names(uri: string): WorkspaceNames {
    const folder = this.folderOf(this.normalize(uri));
    const generation = folder.index.generation;
    if (folder.names?.generation !== generation) folder.names = { generation, names: workspaceNames(folder.index.view()) };
    return folder.names.names;
  }

  normalize(uri: string): string {
    return this.deps.files ? this.deps.files.normalize(uri) : uri;
  }

  private folderOf(key: string): Folder {
    let best: Folder | undefined;
    for (const f of this.folders) if (key.startsWith(`${f.uri}/`) && (!best || f.uri.length > best.uri.length)) best = f;
    return best ?? this.loose;
  }

  private isConfigUri(folder: Folder, key: string): boolean {
    return folder.uri !== '' && key === `${folder.uri}/${CONFIG_FILE_NAME}`;
  }

  private indexable(folder: Folder, key: string): boolean {
    if (folder.uri === '') return true;
    const rel = key
      .slice(folder.uri.length + 1)
      .split('/')
      .map(safeDecode)
      .join('/');
    return isIndexable(rel, folder.exclude);
  }

  /** Replaces a file's facts; false when nothing a rule could see changed. */
  private setFacts(folder: Folder, facts: FileFacts): boolean {
    if (this.factsKeys.get(facts.uri) === facts.signature && folder.index.has(facts.uri) === facts.facts.length > 0) return false;
    this.factsKeys.set(facts.uri, facts.signature);
    folder.index.set(facts);
    return true;
  }

  private removeFacts(folder: Folder, key: string): boolean {
    this.factsKeys.delete(key);
    if (!folder.index.has(key)) return false;
    folder.index.delete(key);
    return true;
  }

  private async workspaceConfig(folder: Folder, fallbackUri: string): Promise<Config> {
    return toConfig(await this.deps.settingsFor(folder.uri || fallbackUri), folder.config.config);
  }

  private async resultsOf(folder: Folder, fallbackUri: string): Promise<Map<string, Finding[]>> {
    const config = await this.workspaceConfig(folder, fallbackUri);
    const key = `${folder.index.generation}|${configFingerprint(config)}`;
    if (folder.results?.key === key) return folder.results.byUri;
    const started = this.deps.now?.() ?? 0;
    const result = runWorkspaceRules(folder.index.view(), config, WORKSPACE_RULES);
    folder.lastCost = (this.deps.now?.() ?? 0) - started;
    for (const e of result.internalErrors) this.deps.log(e);
    folder.results = { key, byUri: result.byUri };
    return result.byUri;
  }

  private deferRun(folder: Folder, fallbackUri: string): void {
    if (folder.timer) clearTimeout(folder.timer);
    const delay = Math.min(2000, Math.max(150, folder.lastCost * 2));
    folder.timer = setTimeout(() => {
      folder.timer = undefined;
      this.resultsOf(folder, fallbackUri).then(
        (byUri) => this.republishAffected(folder, byUri, undefined),
        (err: unknown) => this.deps.log(`workspace rules failed: ${(err as Error).stack ?? String(err)}`),
      );
    }, delay);
  }

  /** After a change that did not come through a publish: re-publish the open files whose findings moved. */
  private async refresh(folder: Folder): Promise<void> {
    if (!folder.ready) return;
    const first = [...this.open.values()].find((u) => this.folderOf(this.normalize(u)) === folder);
    if (first === undefined) return;
    this.republishAffected(folder, await this.resultsOf(folder, first), undefined);
  }

  private republishAffected(folder: Folder, byUri: Map<string, Finding[]>, except: string | undefined): void {
    for (const [key, clientUri] of this.open) {
      if (key === except || this.folderOf(key) !== folder || this.isConfigUri(folder, key)) continue;
      if (signature(byUri.get(key) ?? []) !== folder.published.get(key)) this.deps.republish(clientUri);
    }
  }

  private republishAll(folder: Folder): void {
    for (const [key, clientUri] of this.open) if (this.folderOf(key) === folder && !this.isConfigUri(folder, key)) this.deps.republish(clientUri);
  }

  private async loadConfigFromDisk(folder: Folder, announce: boolean): Promise<void> {
    const uri = `${folder.uri}/${CONFIG_FILE_NAME}`;
    const text = await this.deps.files?.read(uri);
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
      const globs = [...(await this.deps.excludeFor(folder.uri)), ...folder.config.exclude];
      if (JSON.stringify(globs) !== folder.excludeKey) await this.scanNow(folder);
    });
  }

  private scan(folder: Folder): Promise<void> {
    return this.track(folder, () => this.scanNow(folder));
  }

  /** Runs a (re)scan of the folder after the one in progress, and records it for `whenIdle`. */
  private track(folder: Folder, op: () => Promise<void>): Promise<void> {
    const run = (folder.scanning ?? Promise.resolve()).then(op, op);
    folder.scanning = run;
    return run;
  }

  private async scanNow(folder: Folder): Promise<void> {
    const globs = [...(await this.deps.excludeFor(folder.uri)), ...folder.config.exclude];
    folder.exclude = new ExcludeMatcher(globs);
    folder.excludeKey = JSON.stringify(globs);
    const files = this.deps.files;
    if (!files) {
      folder.ready = true;
      this.republishAll(folder);
      return;
    }
    folder.ready = false;
    for (const uri of folder.index.uris()) if (!this.open.has(uri)) this.removeFacts(folder, uri);
    const uris = await files.list(folder.uri, globs);
    for (let i = 0; i < uris.length; i += SCAN_BATCH) {
      const batch = uris.slice(i, i + SCAN_BATCH).map((u) => this.normalize(u));
      const texts = await Promise.all(batch.map((u) => (this.open.has(u) ? Promise.resolve(undefined) : files.read(u))));
      batch.forEach((u, j) => {
        const text = texts[j];
        if (text !== undefined && !this.open.has(u)) this.setFacts(folder, this.extractor.ofText(u, text));
      });
    }
    folder.ready = true;
    this.republishAll(folder);
  }
}

function newFolder(uri: string, ready: boolean): Folder {
  return { uri, index: new WorkspaceIndex(), config: NO_CONFIG, configOpen: false, exclude: new ExcludeMatcher([]), excludeKey: '[]', ready, published: new Map(), given: new Map(), lastCost: 0 };
}

/** What a client would see of a file's workspace findings: enough to tell whether to publish again. */
function signature(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => [f.ruleId, f.severity, f.message, f.start, f.end, f.related?.map((r) => [r.uri, r.start, r.end])]));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
