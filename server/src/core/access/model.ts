// The access check over a workspace: the destination and source workloads explained by the policy
// model (which policies apply, mTLS per port, RequestAuthentication, mesh settings).
import type { Config } from '../config';
import type { WorkspaceView } from '../workspace/view';
import { explainWorkload } from '../policy/explain';
import type { AccessQuery, AccessResult } from './types';
import type { Explainer } from './resolve';
import { checkAccessWith } from './check';

/** Answers for one snapshot are memoised: a test file asks about the same workloads many times. */
export function explainerFor(view: WorkspaceView, config: Config): Explainer {
  return (w) => view.memo(`access-explain\u0000${w.namespace}\u0000${w.name}\u0000${w.kind ?? ''}`, () => explainWorkload(view, config, w));
}

export function checkAccess(view: WorkspaceView, config: Config, query: AccessQuery): AccessResult | { error: string } {
  return checkAccessWith(explainerFor(view, config), query);
}
