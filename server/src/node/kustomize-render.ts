// Renders a Kustomize overlay with the tool on PATH (`kubectl kustomize`, else `kustomize build`),
// asking it to record where each resource came from. The overlay is not touched: a throw-away
// kustomization in a temporary folder lists it as its only resource and turns the annotations on.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Renderer {
  /** Full path of the program. */
  program: string;
  /** Arguments before the folder to render. */
  args: string[];
  /** How people would type it, for messages. */
  label: string;
}

export type Rendered =
  | { ok: true; text: string; /** The folder the origin paths are relative to (removed by now). */ root: string; renderer: Renderer }
  | { ok: false; message: string };

export const NO_RENDERER = 'neither kubectl nor kustomize is on PATH: install one of them to render Kustomize overlays';

/** The first of kubectl and kustomize found on PATH (`PATH` and, on Windows, `PATHEXT`, as given). */
export function findRenderer(env: NodeJS.ProcessEnv = process.env): Renderer | undefined {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const [name, args, label] of [
    ['kubectl', ['kustomize'], 'kubectl kustomize'],
    ['kustomize', ['build'], 'kustomize build'],
  ] as const) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const program = path.join(dir, name + ext);
        if (isExecutable(program)) return { program, args: [...args], label };
      }
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Renders the overlay in `dir` (a folder holding a kustomization file) with origin annotations. */
export function renderOverlay(dir: string, renderer: Renderer | undefined = findRenderer()): Rendered {
  if (!renderer) return { ok: false, message: NO_RENDERER };
  const target = path.resolve(dir);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-kustomize-'));
  try {
    // Kustomize refuses absolute resource paths; a relative one may climb out of the folder.
    const rel = path.relative(root, target).split(path.sep).join('/');
    const wrapper = `resources:\n- ${JSON.stringify(rel)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`;
    fs.writeFileSync(path.join(root, 'kustomization.yaml'), wrapper);
    const text = execFileSync(renderer.program, [...renderer.args, root], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    return { ok: true, text, root, renderer };
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const why = (e.stderr ?? '').trim() || e.message;
    return { ok: false, message: `${renderer.label} failed: ${why.split(root).join('<overlay wrapper>')}` };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The folder to render for a path given as a kustomization file, or undefined for any other file. */
export function overlayDirOf(file: string): string | undefined {
  return /^(kustomization\.ya?ml|Kustomization)$/.test(path.basename(file)) ? path.dirname(file) : undefined;
}
