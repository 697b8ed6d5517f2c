// The facts the workspace index keeps about each manifest: small plain data (no parse trees), each
// with the exact place it is written so a finding can point at it, in this file or from another.
import type { RuleView } from '../policy/types';
import type { JwtRuleFact, ServicePortFact, TargetRefFact } from './fact-parts';
import type { Labels, Site } from './site';

export type { JwtRuleFact, Labels, ServicePortFact, Site, TargetRefFact };

/** A label selector as written (matchLabels, or the plain label map of Sidecar/Gateway). */
export interface SelectorFact {
  labels: Labels;
  /** The selector's key (e.g. `matchLabels`), where "selects nothing" findings belong. */
  site: Site;
}

/** A string value and where it is written. */
export interface ValueRef {
  value: string;
  site: Site;
}

interface Base {
  uri: string;
  /** API group ('' for the core group) and kind. */
  group: string;
  kind: string;
  name?: string;
  /** As written; undefined when the manifest leaves it to `kubectl -n` or kustomize. */
  namespace?: string;
  /** metadata.name value (or `kind` when unnamed): the place that stands for the whole resource. */
  site: Site;
  /** metadata.namespace value, when written. */
  namespaceSite?: Site;
  /** Offset just past this document's text, where a new document can be inserted after it. */
  docEnd: number;
  /** metadata.creationTimestamp as written (cluster exports carry it): Istio's tie-breaker, oldest first. */
  created?: string;
}

export interface ModeSite {
  mode: string;
  site: Site;
  /** The value's text a fix may replace (inside quotes); absent for block scalars and text an alias shares. */
  editSite?: Site;
}

export interface PeerAuthenticationFact extends Base {
  type: 'peer-authentication';
  selector?: SelectorFact;
  /** spec.mtls.mode, when written. */
  mode?: ModeSite;
  ports: (ModeSite & { port: string; /** The key as a port number, when it is one. */ portNumber?: number })[];
}

/** A use of a field that only carries a value over mutual TLS. */
export interface IdentityUse {
  /** e.g. `principals`, `notNamespaces`, `source.principal`. */
  field: string;
  /** True for not* fields and `notValues`: they match when the identity is absent too. */
  negative: boolean;
  /** The field's key (or the condition's `key` value). */
  site: Site;
}

export interface AuthorizationPolicyFact extends Base {
  type: 'authorization-policy';
  /** ALLOW when not written. */
  action: string;
  selector?: SelectorFact;
  /** targetRef or targetRefs is set: the policy binds to a gateway or service, not to pods. */
  targeted: boolean;
  /** `rules` is written with at least one entry. */
  hasRules: boolean;
  identityUses: IdentityUse[];
  /** Values of principals/notPrincipals and source.principal conditions. */
  principals: ValueRef[];
  /** Values of namespaces/notNamespaces and source.namespace conditions. */
  namespaces: ValueRef[];
  /** Values of serviceAccounts/notServiceAccounts (`<namespace>/<name>`). */
  serviceAccounts: ValueRef[];
  /** Some rule demands a validated JWT (ALLOW on requestPrincipals or request.auth, DENY on notRequestPrincipals). */
  requiresToken: boolean;
  /** Every rule as written, each value with its site. */
  rules?: RuleView[];
  /** spec.provider.name (CUSTOM). */
  provider?: ValueRef;
  targetRefs?: TargetRefFact[];
  /** Annotation istio.io/dry-run, read like Go's strconv.ParseBool (a bad value: not dry-run). */
  dryRun?: boolean;
  /** The annotation's value, when written (also when it does not parse). */
  dryRunSite?: ValueRef;
}

export interface RequestAuthenticationFact extends Base {
  type: 'request-authentication';
  selector?: SelectorFact;
  targeted: boolean;
  jwtRules?: JwtRuleFact[];
  targetRefs?: TargetRefFact[];
}

/** mode '' marks a portLevelSettings entry without tls: it does not inherit the rule's (auto mTLS there). */
export interface TlsModeUse extends ModeSite {
  /** Port-level setting for this service port. */
  port?: number;
  subset?: string;
}

export interface DestinationRuleFact extends Base {
  type: 'destination-rule';
  host?: ValueRef;
  tlsModes: TlsModeUse[];
  selector?: SelectorFact;
  /** spec.exportTo as written (absent: exported everywhere). */
  exportTo?: ValueRef[];
  subsets?: { name: string; labels: Labels; site: Site }[];
}

export interface TelemetryFact extends Base {
  type: 'telemetry';
  selector?: SelectorFact;
  /** `accessLogging` is written: 'enabled' when some entry is not disabled. */
  accessLogging: 'enabled' | 'disabled' | 'absent';
}

export interface GatewayFact extends Base {
  type: 'gateway';
  /** spec.selector: gateway pods, in any namespace. */
  selector?: SelectorFact;
  credentials: ValueRef[];
}

/** Other mesh kinds that bind to pods by labels (Sidecar, EnvoyFilter, WasmPlugin, ...). */
export interface SelectingResourceFact extends Base {
  type: 'selecting-resource';
  selector?: SelectorFact;
  /** WasmPlugin (and future kinds) may bind by targetRefs instead. */
  targetRefs?: TargetRefFact[];
  /** Sidecar ingress listeners: port number and whether `tls` is set there. */
  ingress?: { port: number; tls: boolean; site: Site }[];
}

/** A Gateway API Gateway: its class (istio-waypoint = a waypoint) and the labels that matter. */
export interface KubernetesGatewayFact extends Base {
  type: 'k8s-gateway';
  gatewayClassName?: ValueRef;
  labels: Labels;
}

export interface ServiceEntryFact extends Base {
  type: 'service-entry';
  hosts: ValueRef[];
  labels?: Labels;
}

export interface CertificateFact extends Base {
  type: 'certificate';
  secretName?: ValueRef;
  issuer?: {
    name: ValueRef;
    /** Issuer when not written. */
    kind: string;
    /** The text inside the kind's quotes (or the plain value), so an edit there keeps the quoting. */
    kindSite?: Site;
    /** cert-manager.io when not written. */
    group: string;
  };
}

export interface IssuerFact extends Base {
  type: 'issuer';
  cluster: boolean;
}

export interface NamespaceFact extends Base {
  type: 'namespace';
  labels: Labels;
  /** The injection-related label that decides this namespace, when one is written. */
  injectionSite?: Site;
}

export interface ServiceAccountFact extends Base {
  type: 'service-account';
  /** Created by Istio for a Gateway it deploys (the fact sits on the Gateway), not written as such. */
  forGateway?: true;
}

export interface WorkloadFact extends Base {
  type: 'workload';
  /** Labels of the pods it creates (the pod template's, or the pod's own). */
  podLabels: Labels;
  serviceAccountName?: ValueRef;
  /** `sidecar.istio.io/inject` on the pod (the label, else the annotation), as written. */
  inject?: ValueRef;
  /** `inject` comes from the label (the webhooks' object selectors read labels only). */
  injectFromLabel?: boolean;
  hostNetwork: boolean;
  /** False for VMs (WorkloadEntry/WorkloadGroup): sidecar injection does not apply to them. */
  pod: boolean;
  /** Pod annotations that change how the mesh captures traffic (traffic.sidecar.istio.io/..., ambient.istio.io/...). */
  meshAnnotations?: Labels;
  /** Declared container ports (name -> containerPort resolves named Service targetPorts). */
  containerPorts?: { name?: string; port: number; protocol?: string; site: Site }[];
  /** Settings that take traffic past the sidecar: capture annotations, and `runAsUser` (key `runAsUser`) set to the proxy's UID 1337. */
  captureBypass?: { key: string; value: string; container?: string; site: Site }[];
}

export interface ServiceFact extends Base {
  type: 'service';
  /** Undefined for selector-less services (endpoints managed elsewhere). */
  selector?: Labels;
  ports?: ServicePortFact[];
  /** metadata.labels (istio.io/use-waypoint binds the Service to a waypoint). */
  labels?: Labels;
}

export interface SecretFact extends Base {
  type: 'secret';
  /** The name of the Secret that ends up in the cluster (a SealedSecret's or ExternalSecret's target). */
  secretName: string;
  secretType?: string;
}

export interface NetworkPolicyFact extends Base {
  type: 'network-policy';
  podSelector: Labels;
}

/** Mesh-wide settings written outside CRDs (IstioOperator, the `istio` ConfigMap). */
export interface MeshConfigFact extends Base {
  type: 'mesh-config';
  /** Access logs are on for every proxy: accessLogFile, or a defaultProviders.accessLogging provider. */
  accessLogFile: boolean;
  /** Where it was found. */
  source?: 'configmap' | 'istio-operator' | 'helm-values';
  rootNamespace?: ValueRef;
  trustDomain?: ValueRef;
  trustDomainAliases?: ValueRef[];
  extensionProviders?: { name: string; kind: string; site: Site }[];
  pathNormalization?: ValueRef;
  outboundTrafficPolicy?: ValueRef;
  numTrustedProxies?: { value: number; site: Site };
}

/** A VirtualService, for the routes that match on JWT claims. */
export interface VirtualServiceFact extends Base {
  type: 'virtual-service';
  hosts: ValueRef[];
  /** spec.gateways; absent means `mesh` only. */
  gateways: ValueRef[];
  /** `headers` (or `withoutHeaders`: negated) keys `@request.auth.claims.<name>` in http[].match[], with the match's own gateways. */
  claimMatches: { claim: string; negated: boolean; site: Site; gateways?: string[] }[];
}

/** Any other Kubernetes object: its namespace still counts as evidence that the namespace exists. */
export interface OtherFact extends Base {
  type: 'other';
}

export type Fact =
  | PeerAuthenticationFact
  | AuthorizationPolicyFact
  | RequestAuthenticationFact
  | DestinationRuleFact
  | TelemetryFact
  | GatewayFact
  | SelectingResourceFact
  | KubernetesGatewayFact
  | ServiceEntryFact
  | CertificateFact
  | IssuerFact
  | NamespaceFact
  | ServiceAccountFact
  | WorkloadFact
  | ServiceFact
  | SecretFact
  | NetworkPolicyFact
  | MeshConfigFact
  | VirtualServiceFact
  | OtherFact;

export type FactType = Fact['type'];
export type FactOf<T extends FactType> = Extract<Fact, { type: T }>;

/** Everything the index knows about one file. */
export interface FileFacts {
  uri: string;
  facts: Fact[];
  /**
   * Changes exactly when the facts a rule can see change (which documents, where they start):
   * cheaper to compare than the facts themselves, which matters on every keystroke.
   */
  signature: string;
  /** Length of the file, and the line break it uses, for fixes that add a document. */
  length: number;
  eol: '\n' | '\r\n';
  endsWithNewline: boolean;
}
