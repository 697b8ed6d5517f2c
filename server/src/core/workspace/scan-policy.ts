// Which files of a folder the workspace index reads: YAML files outside dependency, build, VCS and
// generated folders, not larger than a limit, not matching the user's exclude globs. Shared by the
// editor's scan, its file-change handling and the CLI. Globs: `**`, `*`, `?`, `{a,b}`, `[abc]`; a
// pattern without `/` matches a file or folder name at any depth (as in .gitignore).

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

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inClass = false;
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (inClass) {
      re += c === ']' ? ']' : c === '\\' ? '\\\\' : c;
      if (c === ']') inClass = false;
      continue;
    }
    switch (c) {
      case '*':
        if (glob[i + 1] === '*') {
          // `**/` matches zero or more folders; a trailing `**` matches everything below.
          const slash = glob[i + 2] === '/';
          re += slash ? '(?:.*/)?' : '.*';
          i += slash ? 2 : 1;
        } else {
          re += '[^/]*';
        }
        break;
      case '?':
        re += '[^/]';
        break;
      case '[':
        inClass = true;
        re += glob[i + 1] === '!' ? '[^' : '[';
        if (glob[i + 1] === '!') i++;
        break;
      case '{':
        braces++;
        re += '(?:';
        break;
      case '}':
        if (braces > 0) {
          braces--;
          re += ')';
        } else re += '\\}';
        break;
      case ',':
        re += braces > 0 ? '|' : ',';
        break;
      default:
        re += /[.+^$()|\\]/.test(c) ? `\\${c}` : c;
    }
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    // An unclosed `[` or `{`, or a range like `[z-a]`: the user's pattern is taken literally
    // rather than taking the scan (or the CLI) down.
    return new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  }
}

/** A compiled exclude list, tested against paths relative to the folder root (with `/`). */
export class ExcludeMatcher {
  private readonly patterns: { re: RegExp; anyDepth: boolean }[];

  constructor(globs: readonly string[]) {
    this.patterns = globs
      .map((g) => g.trim().replace(/^\.\//, '').replace(/\/+$/, ''))
      .filter((g) => g !== '')
      .map((g) => ({ re: globToRegExp(g.replace(/^\//, '')), anyDepth: !g.includes('/') }));
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** True when the path, or a folder it is in, matches a pattern. */
  excludes(relativePath: string): boolean {
    if (this.patterns.length === 0) return false;
    const parts = relativePath.split('/').filter((p) => p !== '');
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/');
      for (const p of this.patterns) if (p.re.test(p.anyDepth ? parts[n - 1] : prefix)) return true;
    }
    return false;
  }
}

/** Whether a path relative to the folder root is one the index reads (skipped folders, YAML only, excludes). */
export function isIndexable(relativePath: string, exclude: ExcludeMatcher): boolean {
  const parts = relativePath.split('/').filter((p) => p !== '');
  if (parts.length === 0 || !isYamlFile(parts[parts.length - 1])) return false;
  if (parts.slice(0, -1).some((p) => SKIPPED_FOLDERS.has(p))) return false;
  return !exclude.excludes(parts.join('/'));
}
