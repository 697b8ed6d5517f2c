// Which Sidecar resource shapes a workload's proxy (push_context.go sidecar lookup): a Sidecar with
// a workloadSelector in the pod's namespace that matches (oldest first), else the namespace's
// selector-less one, else the root namespace's selector-less one, else the default scope.
import type { SelectingResourceFact, WorkloadFact } from '../workspace/facts';
import { labelsMatch, type WorkspaceView } from '../workspace/view';
import { refOf } from './ports';
import { sortOldest } from './applicable';
import type { EffectivePolicy, MeshSettings } from './types';

export interface SidecarAnswer {
  sidecar: NonNullable<EffectivePolicy['sidecar']>;
  fact?: SelectingResourceFact;
  assumptions: string[];
  notApplicable: EffectivePolicy['notApplicable'];
}

/** Oldest first (applicable.ts sortOldest, Istio's order); `known` when every one has a creation time. */
function oldestFirst(list: SelectingResourceFact[]): { list: SelectingResourceFact[]; known: boolean } {
  return { list: sortOldest(list), known: list.every((s) => s.created !== undefined) };
}

export function sidecarScope(view: WorkspaceView, settings: MeshSettings, w: WorkloadFact): SidecarAnswer {
  const ns = w.namespace ?? '';
  const root = settings.rootNamespace.value;
  const sidecars = (n: string): SelectingResourceFact[] => view.inNamespace('selecting-resource', n).filter((s) => s.kind === 'Sidecar');
  const local = sidecars(ns);
  const notApplicable: EffectivePolicy['notApplicable'] = [];
  const assumptions: string[] = [];
  const { list: matching, known } = oldestFirst(local.filter((s) => s.selector && labelsMatch(s.selector.labels, w.podLabels)));
  for (const s of local)
    if (s.selector && !labelsMatch(s.selector.labels, w.podLabels))
      notApplicable.push({ policy: refOf(s), why: 'Sidecar workloadSelector does not match the pods' });
  if (matching.length > 0) {
    const ambiguous = matching.length > 1 && !known ? matching.map(refOf) : undefined;
    if (ambiguous)
      assumptions.push(
        `${matching.length} Sidecars select these pods: Istio uses the oldest, which the manifests do not say; the first in the workspace is assumed.`,
      );
    for (const s of local.filter((x) => !x.selector))
      notApplicable.push({ policy: refOf(s), why: 'a Sidecar with a matching workloadSelector takes precedence' });
    return {
      sidecar: { policy: refOf(matching[0]), scope: 'workload', ...(ambiguous ? { ambiguous } : {}) },
      fact: matching[0],
      assumptions,
      notApplicable,
    };
  }
  const nsWide = oldestFirst(local.filter((s) => !s.selector)).list[0];
  if (nsWide)
    return { sidecar: { policy: refOf(nsWide), scope: ns === root ? 'root' : 'namespace' }, fact: nsWide, assumptions, notApplicable };
  if (ns !== root) {
    for (const s of sidecars(root).filter((x) => x.selector))
      notApplicable.push({ policy: refOf(s), why: 'a Sidecar with a workloadSelector applies only in its own namespace' });
    const meshWide = oldestFirst(sidecars(root).filter((s) => !s.selector)).list[0];
    if (meshWide) return { sidecar: { policy: refOf(meshWide), scope: 'root' }, fact: meshWide, assumptions, notApplicable };
  }
  return { sidecar: { scope: 'default' }, assumptions, notApplicable };
}
