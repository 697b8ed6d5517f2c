// What the workspace host needs from the server around it: disk access, settings, publishing and
// logging, passed in so tests can drive the host without a connection.
import type { Finding } from '../core/types';
import type { MeshlintSettings } from './protocol';
import type { RulesClock } from './rules-cache';
import type { WorkspaceFiles } from './workspace-files';

export interface WorkspaceHostDeps {
  /** Disk access; without it only open documents are indexed. */
  files?: WorkspaceFiles;
  settingsFor(uri: string): Promise<MeshlintSettings>;
  /** The `meshlint.exclude` globs for a folder. */
  excludeFor(folderUri: string): Promise<string[]>;
  /** The `meshlint.maxWorkspaceFiles` setting for a folder (the scan's file cap), when set. */
  maxFilesFor?(folderUri: string): Promise<number | undefined>;
  /** Show a warning to the user (status item), beside the log. */
  notice?(message: string): void;
  /** Ask for an open document's diagnostics to be published again (by its client URI). */
  republish(uri: string): void;
  /** Publish the problems of a config file that is not open in the editor. */
  publishConfigFile(uri: string, text: string, findings: Finding[]): void;
  knownRuleIds(): readonly string[];
  log(message: string): void;
  /** Wall clock in ms; with it, a workspace whose rules take long is re-checked after typing pauses. */
  now?: () => number;
  /** The pause in typing that run waits for (ms), when not the default. */
  typingPauseMs?: () => number;
  /** Timers for that deferred run (tests may drive them); Node's by default. */
  timers?: Pick<RulesClock, 'setTimer' | 'clearTimer'>;
  /** The CRD texts (`crdTexts()`) may have changed. */
  crdsChanged?(): void;
}
