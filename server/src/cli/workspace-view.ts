// The workspace view `meshlint explain` and `meshlint check-access` answer from: the manifests under
// the paths, read and filtered as the lint reads them, indexed once.
import { factsOfText } from '../core/workspace/extract';
import { WorkspaceView } from '../core/workspace/view';
import type { FileFacts } from '../core/workspace/facts';
import type { Config } from '../core/config';
import { collectFiles } from './walk';
import { loadWorkspace } from './workspace';
import { readTextFile } from './read-text';
import { keptAsManifest } from './json-input';
import { escapeForTerminal } from './escape';

export interface LoadedView {
  view: WorkspaceView;
  config: Config;
}

/**
 * Reads the manifests under `paths`; a config file that cannot be read goes to `onConfigProblem`
 * (explain goes on without it, check-access stops), files that cannot be read are reported on `err`.
 */
export function loadView(
  paths: readonly string[],
  configFile: string | undefined,
  err: NodeJS.WritableStream,
  onConfigProblem: (problem: { path: string; message: string }) => void,
): LoadedView {
  const workspace = loadWorkspace(paths, configFile);
  if (workspace.problem) onConfigProblem(workspace.problem);
  const collected = collectFiles(paths);
  const problems = [...collected.problems];
  const facts: FileFacts[] = [];
  for (const f of collected.files) {
    const explicit = paths.includes(f);
    if (!workspace.keep(f, explicit)) continue;
    const read = readTextFile(f);
    if (!read.ok) problems.push({ path: f, message: read.message });
    else if (keptAsManifest(f, read.text, explicit)) facts.push(factsOfText(f, read.text));
  }
  for (const p of problems) err.write(escapeForTerminal(`meshlint: cannot read ${p.path}: ${p.message}`) + '\n');
  // No file limit, as for the lint: what is read is bounded per file by read-file.ts.
  return { view: new WorkspaceView(facts), config: workspace.config };
}
