// Pods that get no sidecar while STRICT mutual TLS applies to them: a workload that opts out with
// `sidecar.istio.io/inject: "false"` (the injector knows only "true" and "false"; unless ambient
// mode captures it anyway), or a namespace whose manifest does not enable injection (policy/injection.ts).
// Without a proxy the pods cannot present a mesh certificate, so their calls to STRICT services are
// refused, and nothing enforces STRICT on their own ports.
import { meshSettings } from '../../policy/mesh-settings';
import type { WorkspaceRule } from '../rule';
import { workloadMtls, type EffectiveMtls } from '../effective-mtls';
import { nameOf, NO_INJECTION_NAMESPACES } from '../describe';
import type { Labels, WorkloadFact } from '../facts';
import { namespaceInjection, podOptsIn, podOptsOut } from '../../policy/injection';

export const rule: WorkspaceRule = {
  meta: {
    id: 'sidecar-missing-under-strict',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary: 'Pods run without a sidecar (opted out, or their namespace has no injection) while STRICT mTLS applies to them.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    const root = meshSettings(view, config).rootNamespace.value;
    const strictFor = (w: WorkloadFact): EffectiveMtls | undefined => {
      const eff = workloadMtls(view, config, w);
      return eff?.mode === 'STRICT' ? eff : undefined;
    };
    const candidate = (w: WorkloadFact): boolean =>
      w.pod && !w.hostNetwork && w.namespace !== undefined && !NO_INJECTION_NAMESPACES.has(w.namespace) && w.namespace !== root;

    for (const w of view.all('workload')) {
      if (!candidate(w) || !w.inject || !podOptsOut(w)) continue;
      // In ambient mode ztunnel carries the pod's mTLS: declining a sidecar does not take it out.
      if (ambient(w, view.namespace(w.namespace ?? '')?.labels)) continue;
      const eff = strictFor(w);
      if (!eff) continue;
      ctx.report({
        at: w.inject.site,
        message: `${nameOf(w)} opts out of the sidecar, but STRICT mutual TLS applies to it (${nameOf(eff.policy)}). Without a proxy it has no mesh certificate: its calls to STRICT services are refused, and its own ports are not protected by the policy at all. Remove the opt-out, or give the workload its own PeerAuthentication if it must stay outside the mesh.`,
        related: [{ at: eff.site, message: 'STRICT applies here' }],
      });
    }

    for (const ns of view.all('namespace')) {
      const name = ns.name;
      if (!name || NO_INJECTION_NAMESPACES.has(name) || name === root) continue;
      const labels = ns.labels;
      if (labels['istio.io/dataplane-mode'] === 'ambient') continue; // ztunnel carries mTLS without sidecars
      const state = namespaceInjection(labels);
      if (state === 'enabled') continue;
      const disabled = state === 'refused';
      // With injection disabled on the namespace no pod gets a sidecar; otherwise pods may opt in.
      const uncovered = view.inNamespace('workload', name).filter((w) => candidate(w) && !podOptsOut(w) && (disabled || !optsIn(w)));
      let eff: EffectiveMtls | undefined;
      let example: WorkloadFact | undefined;
      for (const w of uncovered) {
        eff = strictFor(w);
        if (eff) {
          example = w;
          break;
        }
      }
      if (!eff || !example) continue;
      const how = disabled
        ? `disables sidecar injection (\`istio-injection: ${labels['istio-injection'] ?? ''}\`)`
        : 'does not enable sidecar injection (no `istio-injection: enabled` or `istio.io/rev` label)';
      ctx.report({
        at: ns.injectionSite ?? ns.site,
        // A label that is merely absent may be covered by the injector's defaults: information only.
        severity: disabled ? 'warning' : 'info',
        message: `Namespace ${name} ${how}, yet STRICT mutual TLS applies to its workloads (${nameOf(eff.policy)}), e.g. ${nameOf(example)}. Pods without a sidecar cannot speak mTLS: their calls to STRICT services are refused. Label the namespace \`istio-injection: enabled\` (or with its revision).`,
        related: [
          { at: eff.site, message: 'STRICT applies here' },
          { at: example.site, message: `${nameOf(example)} runs in ${name}` },
        ],
      });
    }
  },
};

/**
 * Pods captured by ztunnel: their namespace or the pod itself is labelled for ambient mode, and the
 * pod does not opt out with `istio.io/dataplane-mode: none`.
 */
function ambient(w: WorkloadFact, namespaceLabels: Labels | undefined): boolean {
  const own = w.podLabels['istio.io/dataplane-mode'];
  if (own !== undefined) return own === 'ambient';
  return namespaceLabels?.['istio.io/dataplane-mode'] === 'ambient';
}

/**
 * A pod that gets a sidecar by itself (the inject label "true", or a revision label), or joins ambient
 * mode. The inject annotation alone does not: the webhooks select pods by label.
 */
function optsIn(w: WorkloadFact): boolean {
  return podOptsIn(w) || w.podLabels['istio.io/dataplane-mode'] === 'ambient';
}
