// Kind lists that several rules share, kept here so no rule imports another rule's module.

/** The two cert-manager issuer kinds, which share one spec. */
export const ISSUER_KINDS = ['cert-manager.io/Issuer', 'cert-manager.io/ClusterIssuer'];

/** Istio policy kinds that attach to workloads by selector, targetRef or targetRefs. */
export const POLICY_KINDS = [
  'security.istio.io/AuthorizationPolicy',
  'security.istio.io/RequestAuthentication',
  'telemetry.istio.io/Telemetry',
  'extensions.istio.io/WasmPlugin',
  'extensions.istio.io/TrafficExtension',
];
