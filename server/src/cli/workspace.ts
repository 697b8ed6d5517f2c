// The CLI's workspace support: finds and reads `.meshlint.yaml` (--config, else upwards from the
// checked folder, else upwards from the current folder), drops excluded files, and adds the
// workspace rules' findings (and the config file's own problems) to the per-file results.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../core/config';
import { CONFIG_FILE_NAME, isConfigFile, parseConfigFile } from '../core/config-file';
import { allRuleMetas } from '../core/rules/index';
import { checkWorkspace, mergeFindings } from '../core/workspace/check-workspace';
import { ExcludeMatcher } from '../core/workspace/scan-policy';
import type { Linted } from './lint';
import { readTextFile } from './read-text';

export interface CliWorkspace {
  config: Config;
  /** The config file used, with its text and problems (undefined when there is none). */
  configFile?: Linted;
  /** Files found under folders that the config's `exclude` globs skip (explicit paths are kept). */
  keep(file: string, explicit: boolean): boolean;
  /** CRD files or folders named by the config's `crds:`, resolved from the config file's folder. */
  crds: string[];
  /** Kustomize overlays named by the config's `kustomize:`, resolved from the config file's folder. */
  kustomize?: string[];
  /** A readable explanation when --config names a file that cannot be read. */
  problem?: { path: string; message: string };
}

export function loadWorkspace(paths: readonly string[], explicitConfig: string | undefined, cwd: string = process.cwd()): CliWorkspace {
  const file = explicitConfig ?? discover(paths, cwd);
  if (!file) return { config: DEFAULT_CONFIG, keep: () => true, crds: [] };
  const read = readTextFile(file);
  if (!read.ok) return { config: DEFAULT_CONFIG, keep: () => true, crds: [], problem: { path: file, message: read.message } };
  const text = read.text;
  const parsed = parseConfigFile(
    text,
    allRuleMetas().map((m) => m.id),
  );
  const root = path.dirname(path.resolve(file));
  const exclude = new ExcludeMatcher(parsed.exclude);
  return {
    config: parsed.config,
    configFile: { path: file, text, findings: parsed.findings },
    crds: (parsed.crds ?? []).map((c) => path.relative(cwd, path.resolve(root, c)) || '.'),
    kustomize: (parsed.kustomize ?? []).map((c) => path.relative(cwd, path.resolve(root, c)) || '.'),
    keep: (f, explicit) => {
      if (explicit || exclude.empty) return true;
      const rel = path.relative(root, path.resolve(f));
      // `..staging/x.yaml` is inside the root; only `..` itself or `../...` leaves it.
      const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
      return outside || !exclude.excludes(rel.split(path.sep).join('/'));
    },
  };
}

/** The first `.meshlint.yaml` upwards from the first checked path, then from the current folder. */
function discover(paths: readonly string[], cwd: string): string | undefined {
  const first = paths.find((p) => p !== '-');
  const starts: string[] = [];
  if (first !== undefined) {
    const abs = path.resolve(cwd, first);
    starts.push(isDirectory(abs) ? abs : path.dirname(abs));
  }
  starts.push(path.resolve(cwd));
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      // A folder of that name is not a config file: keep looking above it.
      if (isFile(candidate)) return path.relative(cwd, candidate) || candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Adds the workspace rules' findings to each file's own, treating every checked file as one
 * workspace; config files are not manifests, so the one in use is reported on its own.
 */
export function withWorkspaceFindings(linted: readonly Linted[], ws: CliWorkspace): Linted[] {
  const manifests = linted.filter((l) => !isConfigFile(l.path));
  const check = checkWorkspace(
    manifests.map((l) => ({ uri: l.path, text: l.text, facts: l.facts })),
    ws.config,
  );
  const out = manifests.map((l) => ({ path: l.path, text: l.text, findings: mergeFindings(l.findings, check.byUri.get(l.path) ?? []) }));
  return ws.configFile && ws.configFile.findings.length > 0 ? [ws.configFile, ...out] : out;
}
