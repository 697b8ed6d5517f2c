// Test helper: checks a set of files the way the CLI and the server do, as one workspace: each file
// through the engine, then the workspace rules over all of them. A `.meshlint.yaml` among the files
// is the config (its own problems are reported on it).
import { DEFAULT_CONFIG, type Config } from '../../server/src/core/config';
import { isConfigFile, parseConfigFile } from '../../server/src/core/config-file';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { checkWorkspace, mergeFindings } from '../../server/src/core/workspace/check-workspace';
import type { Finding } from '../../server/src/core/types';
import { newEngine } from './engine';

export interface WorkspaceFile {
  file: string;
  text: string;
}

/** Findings per file name (every file present, possibly with none). */
export function analyzeWorkspace(files: readonly WorkspaceFile[], base: Config = DEFAULT_CONFIG): Map<string, Finding[]> {
  const engine = newEngine();
  const out = new Map<string, Finding[]>();
  const { config, configFile, findings } = workspaceConfig(files, base);
  if (configFile) out.set(configFile.file, findings);
  const manifests = files
    .filter((f) => f !== configFile)
    .map((f) => ({ uri: f.file, text: f.text, analysis: engine.analyze(f.text, config) }));
  const ws = checkWorkspace(manifests, config);
  for (const m of manifests) out.set(m.uri, mergeFindings(m.analysis?.findings ?? [], ws.byUri.get(m.uri) ?? []));
  return out;
}

/** The config a set of files is checked with: `base`, or their `.meshlint.yaml` read over it. */
export function workspaceConfig(
  files: readonly WorkspaceFile[],
  base: Config = DEFAULT_CONFIG,
): { config: Config; configFile?: WorkspaceFile; findings: Finding[] } {
  const configFile = files.find((f) => isConfigFile(f.file));
  if (!configFile) return { config: base, findings: [] };
  const parsed = parseConfigFile(
    configFile.text,
    allRuleMetas().map((m) => m.id),
    base,
  );
  return { config: parsed.config, configFile, findings: parsed.findings };
}
