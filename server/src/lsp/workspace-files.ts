// What the language server needs from the file system to index a workspace. The node entry point
// provides it (server/src/node/workspace-files.ts); without it the index holds only open documents.

export interface WorkspaceFiles {
  /** URIs of the files under a folder worth indexing (see core/workspace/scan-policy.ts), at most `maxFiles`. */
  list(folderUri: string, exclude: readonly string[], maxFiles?: number): Promise<string[]>;
  /**
   * A file's text; undefined when it is missing, unreadable or over the size limit, or, with
   * `within` (a folder URI), when its real path (symbolic links resolved) lies outside that folder.
   */
  read(uri: string, within?: string): Promise<string | undefined>;
  /** A file `list` returned, read with fewer checks (the listing already placed it in its folder). */
  readListed?(uri: string): Promise<string | undefined>;
  /**
   * A file, or every YAML file under a folder (in name order), read as `read(uri, within)` reads:
   * for paths a user names, such as CRD files. Empty when there is nothing readable there.
   */
  readTree?(uri: string, within: string): Promise<{ uri: string; text: string }[]>;
  /**
   * One spelling per file, so the copy read from disk and the copy the editor opens share an index
   * entry (clients encode URIs differently, e.g. `%3A` for `:`).
   */
  normalize(uri: string): string;
}
