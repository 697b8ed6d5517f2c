// An AuthorizationPolicy, RequestAuthentication, EnvoyFilter or WasmPlugin with a selector in the
// root namespace: it applies to the matching pods of every namespace, not only the root namespace's
// (istio/istio pilot/pkg/model/authorization.go:97-100 looks there for every workload;
// policyattachment.go:109-112 matches the selector). Information: the reach is easy to misread.
import type { WorkspaceRule } from '../rule';
import { nameOf, namesOf } from '../describe';
import type { Fact, SelectorFact, TargetRefFact } from '../facts';
import { meshSettings } from '../../policy/mesh-settings';
import { MESH_WIDE_SELECTOR_KINDS } from '../root-reach';

export const rule: WorkspaceRule = {
  meta: {
    id: 'root-namespace-selector-mesh-wide',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: 'A policy with a selector in the root namespace applies to matching pods of every namespace.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const root = meshSettings(view, config).rootNamespace.value;
    const candidates: (Fact & { selector?: SelectorFact; targeted?: boolean; targetRefs?: TargetRefFact[] })[] = [
      ...view.inNamespace('authorization-policy', root),
      ...view.inNamespace('request-authentication', root),
      ...view.inNamespace('selecting-resource', root),
    ];
    for (const f of candidates) {
      const labels = f.selector?.labels;
      if (!f.selector || !labels || Object.keys(labels).length === 0 || !MESH_WIDE_SELECTOR_KINDS.has(f.kind)) continue;
      if (f.targeted || (f.targetRefs?.length ?? 0) > 0) continue;
      const elsewhere = view.workloadsMatchingAnywhere(labels).filter((w) => w.namespace !== root);
      const reach = elsewhere.length > 0 ? ` In this workspace that includes ${namesOf(elsewhere)}.` : '';
      ctx.report({
        at: f.selector.site,
        message: `${nameOf(f)} sits in the root namespace (${root}), so its selector picks matching pods in every namespace of the mesh, not only in ${root}.${reach} To limit it to one namespace, move it there.`,
      });
    }
  },
};
