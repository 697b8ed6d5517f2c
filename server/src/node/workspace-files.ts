// The file-system side of the workspace index: lists a folder's YAML files (skipping dependency,
// build and generated folders, excluded globs, and huge files) and reads them, for the server.
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SCAN_LIMITS, ExcludeMatcher, isYamlFile, SKIPPED_FOLDERS, type ScanLimits } from '../core/workspace/scan-policy';
import type { WorkspaceFiles } from '../lsp/workspace-files';
import { decodeText, MAX_FILE_BYTES } from './text-file';

export class NodeWorkspaceFiles implements WorkspaceFiles {
  constructor(private readonly limits: ScanLimits = DEFAULT_SCAN_LIMITS) {}

  async list(folderUri: string, exclude: readonly string[], maxFiles = this.limits.maxFiles): Promise<string[]> {
    const root = toPath(folderUri);
    if (!root) return [];
    const matcher = new ExcludeMatcher(exclude);
    const out: string[] = [];
    const limits = { ...this.limits, maxFiles };
    // Breadth-first, so a huge tree fills the budget with its shallow (usually hand-written) files first.
    const queue: string[] = [''];
    while (queue.length > 0 && out.length < limits.maxFiles) {
      const rel = queue.shift() as string;
      let entries;
      try {
        entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const childRel = rel ? `${rel}/${e.name}` : e.name;
        // Symbolic links are not followed: they can loop, or leave the folder.
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name) && !matcher.excludes(childRel)) queue.push(childRel);
        } else if (e.isFile() && isYamlFile(e.name) && !matcher.excludes(childRel)) {
          out.push(pathToFileURL(path.join(root, childRel)).href);
          if (out.length >= limits.maxFiles) break;
        }
      }
    }
    return out;
  }

  async read(uri: string, within?: string, maxBytes = this.limits.maxFileBytes): Promise<string | undefined> {
    const file = toPath(uri);
    if (!file) return undefined;
    try {
      if (within !== undefined && !(await insideFolder(file, within))) return undefined;
      return await readUpTo(file, maxBytes, true);
    } catch {
      return undefined;
    }
  }

  /**
   * A file this scan listed: it met the file itself in its folder's listing (never through a link),
   * so it is inside the folder without resolving real paths, and the scan makes three calls a file.
   */
  async readListed(uri: string): Promise<string | undefined> {
    const file = toPath(uri);
    if (!file) return undefined;
    try {
      return await readUpTo(file, this.limits.maxFileBytes);
    } catch {
      return undefined;
    }
  }

  async readTree(uri: string, within: string): Promise<{ uri: string; text: string }[]> {
    const file = toPath(uri);
    if (!file) return [];
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) return [];
    // A folder reached through a link out of the workspace is refused here; its files would be one by one below.
    if (stat.isDirectory() && !(await insideFolder(file, within).catch(() => false))) return [];
    const uris = stat.isDirectory() ? await this.list(uri, []) : [uri];
    // Named CRD files are read up to the CLI's limit: `kubectl get crd -o yaml` exports of a whole
    // release outgrow the 2 MB the workspace scan allows for one manifest.
    const texts = await Promise.all(uris.map((u) => this.read(u, within, MAX_FILE_BYTES)));
    return uris.flatMap((u, i) => {
      const text = texts[i];
      return text === undefined ? [] : [{ uri: u, text }];
    });
  }

  normalize(uri: string): string {
    const file = toPath(uri);
    return file ? pathToFileURL(file).href : uri;
  }
}

/** A regular file's text through one handle (open, size, read); undefined when too large or unsupported. */
async function readUpTo(file: string, maxBytes: number, followLinks = false): Promise<string | undefined> {
  // A listed file is not read through a link put there since the listing: the listing never follows links either.
  const handle = await fs.open(file, constants.O_RDONLY | (followLinks ? 0 : (constants.O_NOFOLLOW ?? 0)));
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const decoded = decodeText(await handle.readFile());
    // A file kubectl cannot read either (UTF-32...) is left out of the index rather than read as garbage.
    return decoded.unsupported ? undefined : decoded.text;
  } finally {
    await handle.close();
  }
}

/** Whether a file, after symbolic links, is inside the folder (itself after symbolic links). */
async function insideFolder(file: string, folderUri: string): Promise<boolean> {
  const folder = toPath(folderUri);
  if (!folder) return false;
  const [real, root] = await Promise.all([fs.realpath(file), fs.realpath(folder)]);
  const rel = path.relative(root, real);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
