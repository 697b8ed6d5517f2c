// Which files of a folder the workspace index reads: YAML files outside dependency, build, VCS and
// generated folders, not larger than a limit, not matching the user's exclude globs. Shared by the
// editor's scan, its file-change handling and the CLI. Globs (see glob.ts): `**`, `*`, `?`, `{a,b}`,
// `[abc]`; a pattern without `/` matches a file or folder name at any depth (as in .gitignore).
import { Glob } from './glob';

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  '.cache',
  'vendor',
  'target',
  'coverage',
  '.terraform',
  '.venv',
  'venv',
  '__pycache__',
  '.next',
  'generated',
  '.generated',
]);

export interface ScanLimits {
  /** Files larger than this are not indexed (bytes). */
  maxFileBytes: number;
  /** The scan stops after this many files. */
  maxFiles: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFileBytes: 2 * 1024 * 1024, maxFiles: 20_000 };

const YAML_FILE = /\.ya?ml$/i;

export function isYamlFile(name: string): boolean {
  return YAML_FILE.test(name);
}

/** A compiled exclude list, tested against paths relative to the folder root (with `/`). */
export class ExcludeMatcher {
  private readonly patterns: { glob: Glob; anyDepth: boolean }[];

  constructor(globs: readonly string[]) {
    this.patterns = globs
      .map((g) => trimTrailingSlashes(g.trim().replace(/^\.\//, '')))
      .filter((g) => g !== '')
      .map((g) => ({ glob: new Glob(g.replace(/^\//, '')), anyDepth: !g.includes('/') }));
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** True when the path, or a folder it is in, matches a pattern. */
  excludes(relativePath: string): boolean {
    if (this.patterns.length === 0) return false;
    const parts = relativePath.split('/').filter((p) => p !== '');
    const path = parts.join('/');
    // Each pattern reads the path once: a name pattern each name, a path pattern the whole path
    // (stopping at each `/` to try the folder so far).
    return this.patterns.some((p) => (p.anyDepth ? parts.some((name) => p.glob.matches(name)) : p.glob.matchesPrefix(path)));
  }
}

function trimTrailingSlashes(g: string): string {
  let end = g.length;
  while (end > 0 && g[end - 1] === '/') end--;
  return g.slice(0, end);
}

/** Whether a path relative to the folder root is one the index reads (skipped folders, YAML only, excludes). */
export function isIndexable(relativePath: string, exclude: ExcludeMatcher): boolean {
  const parts = relativePath.split('/').filter((p) => p !== '');
  if (parts.length === 0 || !isYamlFile(parts[parts.length - 1])) return false;
  if (parts.slice(0, -1).some((p) => SKIPPED_FOLDERS.has(p))) return false;
  return !exclude.excludes(parts.join('/'));
}
