// A whole workspace checked in one go (the CLI, tests): index every file, run the workspace rules,
// then apply each file's rule levels and suppression comments to its share of the findings.
import type { Config } from '../config';
import { applyPolicy, type FileAnalysis } from '../engine';
import type { Finding } from '../types';
import { factsOfAnalysis, factsOfText } from './extract';
import type { FileFacts } from './facts';
import { runWorkspaceRules } from './run';
import type { WorkspaceRule } from './rule';
import { WORKSPACE_RULES } from './workspace-rules';
import { WorkspaceIndex } from './workspace-index';

export interface WorkspaceInput {
  uri: string;
  text: string;
  /** The engine's analysis of the file, when the caller has one (saves parsing it again). */
  analysis?: FileAnalysis;
  /** The file's facts, when the caller extracted them already (e.g. from its own analysis, in a worker). */
  facts?: FileFacts;
}

export interface WorkspaceCheck {
  /** Findings per file URI, after levels and suppressions; files without findings are absent. */
  byUri: Map<string, Finding[]>;
  internalErrors: string[];
  index: WorkspaceIndex;
}

export function checkWorkspace(
  inputs: readonly WorkspaceInput[],
  config: Config,
  rules: readonly WorkspaceRule[] = WORKSPACE_RULES,
): WorkspaceCheck {
  const index = new WorkspaceIndex();
  const texts = new Map<string, string>();
  for (const input of inputs) {
    texts.set(input.uri, input.text);
    index.set(
      input.facts ?? (input.analysis ? factsOfAnalysis(input.uri, input.text, input.analysis) : factsOfText(input.uri, input.text)),
    );
  }
  const raw = runWorkspaceRules(index.view(), config, rules);
  const byUri = new Map<string, Finding[]>();
  for (const [uri, findings] of raw.byUri) {
    const kept = applyPolicy(texts.get(uri) ?? '', findings, config);
    if (kept.length > 0) byUri.set(uri, kept);
  }
  return { byUri, internalErrors: raw.internalErrors, index };
}

/** Two finding lists of one file, in position order. */
export function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  if (b.length === 0) return [...a];
  return [...a, ...b].sort((x, y) => x.start - y.start || x.end - y.end);
}
