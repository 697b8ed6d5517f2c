// Labels and annotations that Istio reads from any object (namespaces, pods, deployments): hover
// on them explains sidecar injection even though these kinds have no meshlint schema.

export const LABEL_CONCEPTS: Readonly<Record<string, { concept: string; what: string }>> = {
  'istio-injection': {
    concept: 'sidecar-injection',
    what: 'Namespace label: `enabled` makes the injector add a sidecar to new pods of this namespace; `disabled` turns it off.',
  },
  'istio.io/rev': {
    concept: 'sidecar-injection',
    what: 'Namespace or pod label: injects the sidecar of this Istio revision (used instead of `istio-injection` for revisioned installs).',
  },
  'sidecar.istio.io/inject': {
    concept: 'sidecar-injection',
    what: 'Pod label: `"false"` keeps this pod out of the mesh (no sidecar, so no mTLS); `"true"` opts it in. A quoted string, not a boolean.',
  },
  'istio.io/dataplane-mode': {
    concept: 'sidecar-injection',
    what: 'Namespace or pod label: `ambient` enrols workloads in ambient mode (ztunnel carries mTLS instead of a sidecar); `none` opts a pod out.',
  },
};
