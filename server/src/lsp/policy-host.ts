// The workspace host as the policy model needs it: the index snapshot of a file's folder (or of
// every folder, for a workload asked for by name), and a call whenever some folder's facts change.
import type { WorkspaceView } from '../core/workspace/view';
import { WorkspaceHost, type WorkspaceHostDeps } from './workspace-host';

/** A folder's index snapshot and the folder it belongs to. */
export interface FolderView {
  view: WorkspaceView;
  folderUri: string;
}

/** What the policy requests need of the host: the running server's host has it, so they need no type test. */
export interface PolicyViews {
  views(uri?: string): FolderView[];
}

export class PolicyWorkspaceHost extends WorkspaceHost implements PolicyViews {
  constructor(deps: WorkspaceHostDeps & { indexChanged?(): void }) {
    super(deps);
    this.index.onFactsChanged = () => deps.indexChanged?.();
  }

  /** The folder of `uri`, or every folder and then the documents outside all folders. */
  views(uri?: string): FolderView[] {
    const folders = uri !== undefined ? [this.folderOf(uri)] : [...this.index.folders, this.index.loose];
    return folders.map((f) => ({ view: this.flushed(f).index.view(), folderUri: f.uri }));
  }
}
