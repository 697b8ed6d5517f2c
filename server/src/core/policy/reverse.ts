// The reverse question, for the lens above a policy: which workloads of the workspace it applies to.
import type { Fact, WorkloadFact } from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';
import { workloadsForPolicy } from './applicable';
import type { MeshSettings } from './types';

/** Undefined for facts that are not policies bound to workloads. */
export function applicableTo(view: WorkspaceView, settings: MeshSettings, fact: Fact): WorkloadFact[] | undefined {
  switch (fact.type) {
    case 'peer-authentication':
    case 'authorization-policy':
    case 'request-authentication':
    case 'selecting-resource':
      return view.memo(`applies-to\u0000${settings.rootNamespace.value}\u0000${fact.uri}\u0000${fact.site.start}`, () =>
        workloadsForPolicy(view, settings, fact),
      );
    default:
      return undefined;
  }
}
