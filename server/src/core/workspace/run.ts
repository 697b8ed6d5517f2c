// Runs the workspace rules over a view and groups their findings by file. Findings are raw (before
// rule levels and suppression comments, which depend on each file's text and settings).
import type { Config } from '../config';
import type { Finding, RelatedLocation } from '../types';
import type { Site } from './facts';
import type { WorkspaceRule } from './rule';
import type { WorkspaceView } from './view';

export interface WorkspaceResult {
  /** Findings per file URI, ordered by position. */
  byUri: Map<string, Finding[]>;
  /** Rules that threw; callers log these and carry on. */
  internalErrors: string[];
}

export function relatedAt(at: Site, message: string): RelatedLocation {
  return {
    uri: at.uri,
    start: at.start,
    end: at.end,
    message,
    range: { startLine: at.line, startCharacter: at.character, endLine: at.endLine, endCharacter: at.endCharacter },
  };
}

export function runWorkspaceRules(view: WorkspaceView, config: Config, rules: readonly WorkspaceRule[]): WorkspaceResult {
  return mergeRuleResults(rules.map((rule) => runRule(view, config, rule)));
}

/** One rule's findings by file, in the order it reported them, or why it failed. */
export interface RuleResult {
  byUri: Map<string, Finding[]>;
  error?: string;
}

export function runRule(view: WorkspaceView, config: Config, rule: WorkspaceRule): RuleResult {
  const byUri = new Map<string, Finding[]>();
  // A rule switched off costs nothing: most of these walk the whole workspace.
  if (config.rules[rule.meta.id] === 'off') return { byUri };
  const seen = new Set<string>();
  try {
    rule.check({
      view,
      config,
      report(input) {
        const key = `${input.at.uri}\u0000${input.at.start}\u0000${input.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        const finding: Finding = {
          ruleId: rule.meta.id,
          severity: input.severity ?? rule.meta.defaultSeverity,
          message: input.message,
          start: input.at.start,
          end: input.at.end,
          fixes: input.fixes,
          related: input.related?.map((r) => relatedAt(r.at, r.message)),
        };
        const list = byUri.get(input.at.uri);
        if (list) list.push(finding);
        else byUri.set(input.at.uri, [finding]);
      },
    });
  } catch (err) {
    // What it reported before failing stands, as in a run of all rules together.
    return { byUri, error: `workspace rule ${rule.meta.id} failed: ${(err as Error).stack ?? String(err)}` };
  }
  return { byUri };
}

/** The rules' results together, in rule order, each file's findings by position (ties keep that order). */
export function mergeRuleResults(results: readonly RuleResult[]): WorkspaceResult {
  const byUri = new Map<string, Finding[]>();
  const internalErrors: string[] = [];
  for (const result of results) {
    if (result.error !== undefined) internalErrors.push(result.error);
    for (const [uri, findings] of result.byUri) {
      const list = byUri.get(uri);
      if (list) list.push(...findings);
      else byUri.set(uri, [...findings]);
    }
  }
  for (const list of byUri.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return { byUri, internalErrors };
}
