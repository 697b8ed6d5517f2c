// Reads a workspace folder's files for the index, in small batches, and says what it left out:
// whether the file cap stopped the listing, and which listed files could not be read (too large,
// unreadable, an unsupported encoding), so the log and the status item can report them.
import { DEFAULT_SCAN_LIMITS } from '../core/workspace/scan-policy';
import type { WorkspaceFiles } from './workspace-files';

const SCAN_BATCH = 16;

export interface ScanRequest {
  folderUri: string;
  globs: string[];
  maxFiles: number;
  /** Files the scan leaves alone (open in the editor, whose text wins). */
  skip(uri: string): boolean;
  normalize(uri: string): string;
  /** A file's text, as read. */
  take(uri: string, text: string): void;
}

export interface ScanOutcome {
  /** The listing stopped at the cap. */
  capped: boolean;
  /** Listed files that could not be read. */
  unread: string[];
}

export async function scanFolder(files: WorkspaceFiles, req: ScanRequest): Promise<ScanOutcome> {
  const uris = await files.list(req.folderUri, req.globs, req.maxFiles);
  const read = (u: string): Promise<string | undefined> => (files.readListed ? files.readListed(u) : files.read(u, req.folderUri));
  const unread: string[] = [];
  for (let i = 0; i < uris.length; i += SCAN_BATCH) {
    const batch = uris.slice(i, i + SCAN_BATCH).map((u) => req.normalize(u));
    const texts = await Promise.all(batch.map((u) => (req.skip(u) ? Promise.resolve(undefined) : read(u))));
    batch.forEach((u, j) => {
      if (req.skip(u)) return;
      const text = texts[j];
      if (text === undefined) unread.push(u);
      else req.take(u, text);
    });
  }
  return { capped: uris.length >= req.maxFiles, unread };
}

/** The cap is a choice the user may want to change: said in the status item too, not only the log. */
export function reportScan(
  folderUri: string,
  maxFiles: number,
  outcome: ScanOutcome,
  say: { log(message: string): void; notice?(message: string): void },
): void {
  if (outcome.capped) {
    say.log(capMessage(folderUri, maxFiles));
    say.notice?.(capMessage(folderUri, maxFiles));
  }
  if (outcome.unread.length > 0) say.log(unreadMessage(folderUri, outcome.unread));
}

function capMessage(folderUri: string, maxFiles: number): string {
  return `the scan of ${folderUri} stopped at ${maxFiles} YAML files (setting meshlint.maxWorkspaceFiles); files past it are not indexed, so cross-file checks see part of the workspace.`;
}

function unreadMessage(folderUri: string, unread: readonly string[]): string {
  const shown = unread.slice(0, 10).join(', ');
  return `the scan of ${folderUri} skipped ${unread.length} file(s) that could not be read, are over the size limit or use an unsupported encoding: ${shown}${unread.length > 10 ? ', ...' : ''}`;
}

export interface ScanSettings {
  globs: string[];
  maxFiles: number;
  /** Changes whenever the set of files to scan may: a new key means a new scan. */
  key: string;
}

/** What decides the set of files scanned: the exclude globs (settings, then the config file) and the file cap. */
export async function scanSettings(
  folderUri: string,
  configExclude: readonly string[],
  deps: { excludeFor(uri: string): Promise<string[]>; maxFilesFor?(uri: string): Promise<number | undefined> },
): Promise<ScanSettings> {
  const globs = [...(await deps.excludeFor(folderUri)), ...configExclude];
  const asked = await deps.maxFilesFor?.(folderUri);
  const maxFiles = asked !== undefined && Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_SCAN_LIMITS.maxFiles;
  return { globs, maxFiles, key: JSON.stringify([globs, maxFiles]) };
}
