// Reads the CRD files a user names (`crds:` in `.meshlint.yaml`, the `meshlint.crds` setting):
// paths relative to the workspace folder, files or folders, read only inside that folder.
import type { CrdText } from '../core/crd/read-crds';
import type { Folder } from './folder-index';
import type { WorkspaceFiles } from './workspace-files';
import type { WorkspaceHostDeps } from './workspace-host-deps';

export interface ConfiguredCrds {
  /** The named paths as normalised URIs, so file events under them can be recognised. */
  uris: string[];
  texts: CrdText[];
}

/** `previous` are the URIs of the last read: a path that reads as nothing is logged only when newly named. */
export async function readConfiguredCrds(
  files: WorkspaceFiles,
  folderUri: string,
  paths: readonly string[],
  previous: readonly string[],
  log: (message: string) => void,
): Promise<ConfiguredCrds> {
  const uris = paths.map((p) => files.normalize(resolveIn(folderUri, p)).replace(/\/+$/, ''));
  const texts: CrdText[] = [];
  if (!files.readTree) return { uris, texts };
  for (const [i, uri] of uris.entries()) {
    const read = await files.readTree(uri, folderUri);
    if (read.length === 0 && !previous.includes(uri))
      log(`CRD path ${paths[i]}: nothing readable there inside the workspace folder ${folderUri}`);
    texts.push(...read.map((r) => ({ source: r.uri, text: r.text })));
  }
  return { uris, texts };
}

/** Reads a folder's CRD files that `crds:` in its config file and the `meshlint.crds` setting name. */
export async function loadConfiguredCrds(folder: Folder, deps: WorkspaceHostDeps): Promise<void> {
  const files = deps.files;
  if (folder.uri === '' || !files) return;
  const paths = [...(folder.config.crds ?? []), ...(await deps.settingsFor(folder.uri)).crds];
  folder.configured = await readConfiguredCrds(files, folder.uri, paths, folder.configured.uris, (m) => deps.log(m));
  deps.crdsChanged?.();
}

/** A path a user wrote, relative to the folder (or absolute), as a URI. */
function resolveIn(folderUri: string, path: string): string {
  try {
    return new URL(path.replace(/\\/g, '/'), `${folderUri}/`).href;
  } catch {
    return `${folderUri}/${path}`;
  }
}
