// The contract of a workspace rule: it reads the whole index (a view) and reports findings at
// sites in any file, with related places in other files and fixes that edit the finding's file.
import type { Config } from '../config';
import type { RuleMeta } from '../rules/lib/rule';
import type { Fix, Severity } from '../types';
import type { Site } from './facts';
import type { WorkspaceView } from './view';

export interface WorkspaceReport {
  /** Where the finding sits; its file is the one that gets the diagnostic. */
  at: Site;
  message: string;
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
  /** The other places that explain it (the policy that conflicts, the namespace manifest...). */
  related?: { at: Site; message: string }[];
  /** Edits with offsets in the finding's own file. */
  fixes?: Fix[];
}

export interface WorkspaceContext {
  view: WorkspaceView;
  config: Config;
  report(input: WorkspaceReport): void;
}

export interface WorkspaceRule {
  meta: RuleMeta;
  check(ctx: WorkspaceContext): void;
}
