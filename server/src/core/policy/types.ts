// The result model of "which policies apply to this workload, and why" (meshlint explain, the LSP
// request meshlint/effectivePolicy, the Mesh Policy tree): plain JSON-safe data, every policy and
// every rule value with its Site so an answer can link to the exact key.
import type { Labels, Site } from '../workspace/site';

/** A resource named in an answer: kind, namespace/name and the key that stands for it. */
export interface Ref {
  kind: string;
  namespace?: string;
  name: string;
  location: Site;
}

export type Level = 'mesh' | 'namespace' | 'workload' | 'port';
export type DataPlane = 'sidecar' | 'ambient' | 'waypoint' | 'gateway' | 'none';
export type MtlsModeName = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

/** Where a mesh setting came from: the config file, mesh config found in the workspace, or Istio's default. */
export interface Provenance<T> {
  value: T;
  source: 'config' | 'workspace' | 'default';
  /** The key in the workspace (mesh config) or config file that set it. */
  site?: Site;
}

/** The mesh settings the policy model reads, each with where it came from. */
export interface MeshSettings {
  rootNamespace: Provenance<string>;
  trustDomain: Provenance<string>;
  trustDomainAliases: Provenance<string[]>;
  /** extensionProviders by name, with their kind (envoyExtAuthzHttp, envoyExtAuthzGrpc, ...). */
  extensionProviders: Provenance<{ name: string; kind: string; site?: Site }[]>;
  /** pathNormalization.normalization (BASE when unset). */
  pathNormalization: Provenance<string>;
  /** outboundTrafficPolicy.mode (ALLOW_ANY when unset). */
  outboundTrafficPolicy?: Provenance<string>;
  /** defaultConfig.gatewayTopology.numTrustedProxies (0 when unset). */
  numTrustedProxies?: Provenance<number>;
  /** Mesh config sources in the workspace that disagree, and which value was used. */
  conflicts?: string[];
}

/** One value of a rule field as written. */
export interface FieldValue {
  value: string;
  site: Site;
}

/**
 * One field of a source/operation, or one `when` condition, as written.
 * `path` names it the way an answer shows it, e.g. `rules[0].to[1].operation.paths` or `rules[0].when[2]`.
 */
export interface RuleField {
  path: string;
  /** principals, notPrincipals, namespaces, ..., hosts, methods, paths, ports, or a when key such as `request.headers[x-tenant]`. */
  name: string;
  /** notX fields and when `notValues`. */
  negated: boolean;
  values: FieldValue[];
  /** The field's key (or the condition's `key` value). */
  site: Site;
}

/** A from[] entry's source or a to[] entry's operation: fields ANDed. */
export interface RuleClause {
  fields: RuleField[];
  site: Site;
}

/** One entry of spec.rules: matches iff some from matches, some to matches and every when matches. */
export interface RuleView {
  index: number;
  /** Undefined when `from` is absent (matches any source). */
  from?: RuleClause[];
  /** Undefined when `to` is absent (matches any operation). */
  to?: RuleClause[];
  when: RuleField[];
  /** The `-` entry itself (its first key), where the rule starts. */
  site: Site;
}

export interface AppliedPolicy {
  policy: Ref;
  action: 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
  scope: 'root' | 'namespace' | 'workload' | 'targetRef';
  dryRun: boolean;
  provider?: string;
  rules: RuleView[];
  /** `rules` absent or empty: the policy matches nothing. */
  noRules: boolean;
  /** Where the proxy reads it differently from how it is written (dry-run, ztunnel, providers, ...). */
  notes?: string[];
}

export interface MtlsChainEntry {
  level: Level;
  policy?: Ref;
  mode: 'UNSET' | MtlsModeName;
  effect: 'sets' | 'inherits' | 'ignored';
  why: string;
}

export interface PortMtls {
  /** Workload (container/target) port. */
  port: number;
  services: { service: Ref; servicePort: number; name?: string }[];
  mode: MtlsModeName;
  decidedBy: Level;
  policy?: Ref;
  notes?: string[];
}

export interface EffectivePolicy {
  workload: Ref & {
    labels: Labels;
    serviceAccount: string;
    dataPlane: DataPlane;
    identity: string;
    /** Why this data plane (injection labels, ambient label, gateway-name label, ...). */
    dataPlaneWhy?: string;
  };
  mtls: {
    /** For ports without a port-level entry. */
    defaultMode: MtlsModeName;
    chain: MtlsChainEntry[];
    ports: PortMtls[];
    /** More than one policy at one level: Istio takes the oldest; offline the first in index order, with an assumption. */
    ambiguous?: { level: Level; policies: Ref[] };
  };
  authorization: {
    custom: AppliedPolicy[];
    deny: AppliedPolicy[];
    allow: AppliedPolicy[];
    audit: AppliedPolicy[];
    /** Any enforced (not dry-run) ALLOW policy makes it deny-unless-allowed. */
    posture: 'allow-unless-denied' | 'deny-unless-allowed';
    perPort: { port: number; protocol: 'http' | 'tcp' | 'unknown'; notes: string[] }[];
  };
  requestAuthentication: {
    policies: Ref[];
    issuers: { issuer: string; policy: Ref; audiences?: string[]; site: Site }[];
  };
  destinationRules: {
    asDestination: {
      clientNamespace: string;
      rule?: Ref;
      tlsMode?: string;
      /** Service ports whose portLevelSettings set another tls.mode than the rule's own (AUTO: the entry sets no tls, auto mTLS). */
      portTlsModes?: { port: number; mode: string }[];
      conflict?: string;
    }[];
    asClient: { host: string; rule: Ref; tlsMode?: string }[];
  };
  sidecar?: { policy?: Ref; scope: 'workload' | 'namespace' | 'root' | 'default'; ambiguous?: Ref[] };
  notApplicable: { policy: Ref; why: string }[];
  /** EnvoyFilters and WasmPlugins that select the workload: they may change behaviour the model does not follow. */
  extensions?: { policy: Ref; why: string }[];
  assumptions: string[];
  mesh: MeshSettings;
}

/** What `explain` can answer: one workload, none, or several of that name (candidates listed). */
export type ExplainOutcome =
  { kind: 'explained'; policy: EffectivePolicy } | { kind: 'not-found'; candidates: Ref[] } | { kind: 'ambiguous'; candidates: Ref[] };

/** Names a workload: namespace/name, optionally its kind (Deployment, StatefulSet, Pod, ...). */
export interface WorkloadName {
  namespace: string;
  name: string;
  kind?: string;
}
