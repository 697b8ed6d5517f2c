// The query and answer model of the offline access check ("would this request be allowed, and which
// rule decides?"): meshlint check-access, AccessTests files, the LSP request meshlint/checkAccess.
import type { Site } from '../workspace/facts';
import type { Ref } from '../policy/types';

export type AccessSource =
  | { workload: string } // "ns/name"
  | { namespace: string; serviceAccount: string }
  | { principal: string }
  | { plaintext: true };

export type AccessDestination = { workload: string; service?: string; servicePort?: number } | { workload: string; targetPort: number };

export interface AccessQuery {
  source: AccessSource;
  destination: AccessDestination;
  /** Default: from the Service port name/appProtocol; else http with an assumption. */
  protocol?: 'http' | 'tcp';
  request?: {
    method?: string;
    path?: string;
    host?: string;
    headers?: Record<string, string | string[]>;
    jwt?: string;
    jwtClaims?: Record<string, unknown>;
    scheme?: string;
  };
  network?: { sourceIp?: string; remoteIp?: string; destinationIp?: string; sni?: string };
  /** Override the derived transport (e.g. a client DestinationRule with tls DISABLE). */
  assume?: { mtls?: boolean };
}

export type Verdict = 'ALLOW' | 'DENY' | 'CUSTOM' | 'UNKNOWN';

export type Reason =
  | 'allow-policy-matched'
  | 'deny-policy-matched'
  | 'no-allow-policies'
  | 'allow-policies-exist-none-matched'
  | 'mtls-strict-plaintext-rejected'
  | 'jwt-rejected-401'
  | 'custom-provider-decides'
  | 'destination-not-in-mesh'
  | 'custom-bad-config-deny'
  | 'unknown-attribute';

export type MatchResult = 'match' | 'no-match' | 'unknown';

export interface FieldTrace {
  /** e.g. rules[0].to[0].operation.paths */
  path: string;
  values: string[];
  negated: boolean;
  requestValue: string | string[] | null;
  result: MatchResult;
  note?: string;
  location: Site;
}

export interface PolicyTrace {
  policy: Ref;
  action: string;
  dryRun: boolean;
  result: MatchResult | 'skipped-on-tcp';
  /** `note` says why a rule is not in the proxy's config (dropped on TCP, invalid, L7 in ambient). */
  rules: { index: number; result: MatchResult | 'skipped-on-tcp'; fields: FieldTrace[]; note?: string }[];
}

export interface AccessResult {
  verdict: Verdict;
  reason: Reason;
  /** envoyName is `ns[<ns>]-policy[<name>]-rule[<i>]`, the name Envoy reports. */
  decidedBy?: { policy: Ref; rule?: number; envoyName?: string };
  ifCustomAllows?: Exclude<Verdict, 'CUSTOM'>;
  provider?: string;
  /** Verdict UNKNOWN: the attributes to supply. */
  missing?: string[];
  context: {
    identity?: string;
    transport: 'mtls' | 'plaintext';
    targetPort: number;
    servicePort?: number;
    protocol: 'http' | 'tcp';
    mtlsMode: string;
    mtlsDecidedBy?: Ref;
    jwt?: 'absent' | 'valid' | 'rejected';
  };
  trace: PolicyTrace[];
  shadow: { policy: Ref; rule: number; wouldBe: 'ALLOW' | 'DENY' }[];
  considered: { allow: Ref[]; deny: Ref[]; custom: Ref[]; audit: Ref[]; notApplicable: { policy: Ref; why: string }[] };
  assumptions: string[];
}
