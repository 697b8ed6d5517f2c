// Workspace rules run again only when something they read changed. Each rule's last findings are
// kept with the view lists it read (recorded by the view) and the view version they were made at;
// a later run re-runs a rule only when one of those lists changed since, or the config did. The
// merged findings are the same as a run of every rule (`runWorkspaceRules`), in the same order.
import { configFingerprint, type Config } from '../config';
import type { WorkspaceRule } from './rule';
import { mergeRuleResults, runRule, type RuleResult, type WorkspaceResult } from './run';
import type { WorkspaceView } from './view';

interface Kept {
  view: WorkspaceView;
  config: string;
  version: number;
  keys: ReadonlySet<string>;
  result: RuleResult;
}

export class IncrementalRules {
  private readonly kept = new Map<WorkspaceRule, Kept>();
  /** Rule runs since this was made (tests count them). */
  ranRules = 0;

  constructor(private readonly rules: readonly WorkspaceRule[]) {}

  run(view: WorkspaceView, config: Config): WorkspaceResult {
    const fingerprint = configFingerprint(config);
    const results = this.rules.map((rule) => {
      const kept = this.kept.get(rule);
      const fresh =
        kept !== undefined &&
        kept.view === view &&
        kept.config === fingerprint &&
        kept.result.error === undefined &&
        !view.changedSince(kept.keys, kept.version);
      if (fresh) return kept.result;
      this.ranRules++;
      const version = view.version;
      const { value: result, keys } = view.recording(() => runRule(view, config, rule));
      this.kept.set(rule, { view, config: fingerprint, version, keys, result });
      return result;
    });
    return mergeRuleResults(results);
  }
}
