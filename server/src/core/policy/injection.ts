// Whether Istio's sidecar injector gives a pod a sidecar, as its two steps decide it. First the
// MutatingWebhookConfiguration's selectors, which read labels only (manifests/charts/.../
// revision-tags-mwc.yaml and mutatingwebhook.yaml): a namespace labelled istio-injection=enabled, or
// istio.io/rev, sends every pod whose sidecar.istio.io/inject label is not "false"; a namespace with
// neither label sends a pod only when that label is exactly "true", or when the pod carries istio.io/rev
// itself; a namespace with istio-injection set to anything else is never sent. Then injectRequired
// (pkg/kube/inject/inject.go) reads the pod's switch, label before annotation: exactly "true" injects,
// exactly "false" does not, and anything else (no value, "yes", "False") takes the default, which is to
// inject. (Older releases also read y/yes/on; current ones log "Only 'true' and 'false' are accepted".)
import type { Labels, WorkloadFact } from '../workspace/facts';
import { INJECT_KEY } from '../workspace/extract-cluster';

export interface InjectionAnswer {
  sidecar: boolean;
  why: string;
}

/** injectRequired's reading of the pod's own switch: true, false, or undefined (any other value: the default). */
export function podWants(w: WorkloadFact): boolean | undefined {
  const value = w.inject?.value;
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** The sidecar.istio.io/inject label (not the annotation), which the webhooks' object selectors read. */
function label(w: WorkloadFact): string | undefined {
  return w.injectFromLabel ? w.inject?.value : undefined;
}

/** A pod that gets a sidecar in a namespace without injection labels (the object-selector webhooks). */
export function podOptsIn(w: WorkloadFact): boolean {
  if (label(w) === 'true') return true;
  return (w.podLabels['istio.io/rev'] ?? '') !== '' && label(w) !== 'false' && podWants(w) !== false;
}

/** A pod that declines the sidecar where its namespace would inject it. */
export function podOptsOut(w: WorkloadFact): boolean {
  return label(w) === 'false' || podWants(w) === false;
}

/**
 * What a namespace's labels make of injection: 'refused' (istio-injection with any value but enabled:
 * no webhook selects it), 'enabled' (istio-injection=enabled or istio.io/rev: the namespace webhooks send
 * its pods), or 'unlabelled' (only a pod's own labels can ask for a sidecar).
 */
export function namespaceInjection(nsLabels: Labels): 'refused' | 'enabled' | 'unlabelled' {
  const nsInjection = nsLabels['istio-injection'];
  if (nsInjection !== undefined && nsInjection !== 'enabled') return 'refused';
  return nsInjection === 'enabled' || (nsLabels['istio.io/rev'] ?? '') !== '' ? 'enabled' : 'unlabelled';
}

/** The injector's answer for this pod in a namespace with these labels. */
export function injection(w: WorkloadFact, ns: string, nsLabels: Labels): InjectionAnswer {
  const nsInjection = nsLabels['istio-injection'];
  const rev = nsLabels['istio.io/rev'] ?? '';
  const value = w.inject?.value;
  const state = namespaceInjection(nsLabels);
  if (state === 'refused')
    return { sidecar: false, why: `namespace ${ns} has istio-injection=${nsInjection ?? ''}, which no injection webhook selects` };
  if (state === 'enabled') {
    const by = nsInjection === 'enabled' ? `namespace ${ns} has istio-injection=enabled` : `namespace ${ns} has istio.io/rev=${rev}`;
    if (podOptsOut(w)) return { sidecar: false, why: `the pod opts out (${INJECT_KEY}: ${value ?? ''})` };
    return { sidecar: true, why: by };
  }
  if (podOptsOut(w)) return { sidecar: false, why: `the pod opts out (${INJECT_KEY}: ${value ?? ''})` };
  if (podOptsIn(w))
    return label(w) === 'true'
      ? { sidecar: true, why: `the pod opts in (${INJECT_KEY}: true, as a label)` }
      : { sidecar: true, why: `the pod has istio.io/rev=${w.podLabels['istio.io/rev'] ?? ''}` };
  const annotationOnly = w.inject !== undefined && !w.injectFromLabel && podWants(w) === true;
  return {
    sidecar: false,
    why: `namespace ${ns} does not enable injection and the pod does not opt in${annotationOnly ? ` (${INJECT_KEY} as an annotation reaches the injector only where the namespace already sends the pod: the webhooks select by label)` : ''}`,
  };
}
