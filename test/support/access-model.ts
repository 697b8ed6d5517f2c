// Hand-built policy models for the access check's unit tests: AuthorizationPolicy specs written as
// plain objects become AppliedPolicy/RuleView, and one destination workload gets an EffectivePolicy,
// so the evaluator is tested without the workspace model.
import type { AppliedPolicy, EffectivePolicy, ExplainOutcome, RuleField, RuleView, WorkloadName } from '../../server/src/core/policy/types';
import type { Site } from '../../server/src/core/workspace/facts';
import type { AccessQuery, AccessResult } from '../../server/src/core/access/types';
import { checkAccessWith } from '../../server/src/core/access/check';

export const SITE: Site = { uri: 'file:///t.yaml', start: 0, end: 0, line: 0, character: 0, endLine: 0, endCharacter: 0 };

type Values = Record<string, string[]>;
export interface RuleSpec {
  from?: { source?: Values }[];
  to?: { operation?: Values }[];
  when?: { key: string; values?: string[]; notValues?: string[] }[];
}
export interface PolicySpec {
  name: string;
  namespace?: string;
  action?: 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
  provider?: string;
  dryRun?: boolean;
  rules?: RuleSpec[];
}

function fields(values: Values | undefined, path: string): RuleField[] {
  return Object.entries(values ?? {}).map(([name, vs]) => ({
    path: `${path}.${name}`,
    name,
    negated: /^not[A-Z]/.test(name),
    values: vs.map((value) => ({ value, site: SITE })),
    site: SITE,
  }));
}

export function ruleView(r: RuleSpec, index: number): RuleView {
  const when: RuleField[] = [];
  (r.when ?? []).forEach((w, i) => {
    const f = (vs: string[], negated: boolean): RuleField => ({
      path: `rules[${index}].when[${i}]`,
      name: w.key,
      negated,
      values: vs.map((value) => ({ value, site: SITE })),
      site: SITE,
    });
    if (w.values) when.push(f(w.values, false));
    if (w.notValues) when.push(f(w.notValues, true));
  });
  return {
    index,
    from: r.from?.map((f, i) => ({ fields: fields(f.source, `rules[${index}].from[${i}].source`), site: SITE })),
    to: r.to?.map((t, i) => ({ fields: fields(t.operation, `rules[${index}].to[${i}].operation`), site: SITE })),
    when,
    site: SITE,
  };
}

export function applied(p: PolicySpec): AppliedPolicy {
  const rules = (p.rules ?? []).map(ruleView);
  return {
    policy: { kind: 'AuthorizationPolicy', namespace: p.namespace ?? 'foo', name: p.name, location: SITE },
    action: p.action ?? 'ALLOW',
    scope: 'namespace',
    dryRun: p.dryRun ?? false,
    provider: p.provider,
    rules,
    noRules: rules.length === 0,
  };
}

export interface ModelSpec {
  namespace?: string;
  name?: string;
  serviceAccount?: string;
  dataPlane?: EffectivePolicy['workload']['dataPlane'];
  mtls?: 'STRICT' | 'PERMISSIVE' | 'DISABLE';
  /** Workload ports with the Service ports that reach them. */
  ports?: { port: number; servicePort?: number; name?: string; mode?: 'STRICT' | 'PERMISSIVE' | 'DISABLE' }[];
  protocol?: Record<number, 'http' | 'tcp'>;
  policies?: PolicySpec[];
  issuers?: { issuer: string; audiences?: string[] }[];
  trustDomain?: string;
  aliases?: string[];
  providers?: { name: string; kind: string }[];
  pathNormalization?: string;
  clientTls?: { clientNamespace: string; tlsMode: string }[];
}

export function model(spec: ModelSpec = {}): EffectivePolicy {
  const ns = spec.namespace ?? 'foo';
  const sa = spec.serviceAccount ?? 'httpbin';
  const td = spec.trustDomain ?? 'cluster.local';
  const policies = (spec.policies ?? []).map(applied);
  const group = (a: string) => policies.filter((p) => p.action === a);
  const ra = { kind: 'RequestAuthentication', namespace: ns, name: 'jwt', location: SITE };
  const ports = spec.ports ?? [{ port: 8080, servicePort: 80, name: 'http' }];
  return {
    workload: {
      kind: 'Deployment',
      namespace: ns,
      name: spec.name ?? 'httpbin',
      location: SITE,
      labels: { app: 'httpbin' },
      serviceAccount: sa,
      dataPlane: spec.dataPlane ?? 'sidecar',
      identity: `spiffe://${td}/ns/${ns}/sa/${sa}`,
    },
    mtls: {
      defaultMode: spec.mtls ?? 'PERMISSIVE',
      chain: [],
      ports: ports.map((p) => ({
        port: p.port,
        services: p.servicePort
          ? [
              {
                service: { kind: 'Service', namespace: ns, name: spec.name ?? 'httpbin', location: SITE },
                servicePort: p.servicePort,
                name: p.name,
              },
            ]
          : [],
        mode: p.mode ?? spec.mtls ?? 'PERMISSIVE',
        decidedBy: 'mesh',
        policy:
          p.mode || spec.mtls ? { kind: 'PeerAuthentication', namespace: 'istio-system', name: 'default', location: SITE } : undefined,
      })),
    },
    authorization: {
      custom: group('CUSTOM'),
      deny: group('DENY'),
      allow: group('ALLOW'),
      audit: group('AUDIT'),
      posture: group('ALLOW').some((p) => !p.dryRun) ? 'deny-unless-allowed' : 'allow-unless-denied',
      perPort: Object.entries(spec.protocol ?? {}).map(([port, protocol]) => ({ port: Number(port), protocol, notes: [] })),
    },
    requestAuthentication: {
      policies: spec.issuers ? [ra] : [],
      issuers: (spec.issuers ?? []).map((i) => ({ ...i, policy: ra, site: SITE })),
    },
    destinationRules: { asDestination: (spec.clientTls ?? []).map((c) => ({ ...c })), asClient: [] },
    notApplicable: [],
    assumptions: [],
    mesh: {
      rootNamespace: { value: 'istio-system', source: 'default' },
      trustDomain: { value: td, source: 'default' },
      trustDomainAliases: { value: spec.aliases ?? [], source: 'default' },
      extensionProviders: { value: spec.providers ?? [], source: spec.providers ? 'workspace' : 'default' },
      pathNormalization: { value: spec.pathNormalization ?? 'BASE', source: 'default' },
    },
  };
}

/** An explainer over fixed models: the destination plus source workloads by `ns/name`. */
export function explainer(models: Record<string, EffectivePolicy>): (w: WorkloadName) => ExplainOutcome {
  return (w) => {
    const ep = models[`${w.namespace}/${w.name}`];
    return ep ? { kind: 'explained', policy: ep } : { kind: 'not-found', candidates: [] };
  };
}

/** A query from `spiffe://cluster.local/ns/ns-1/sa/sa-1` to foo/httpbin:8080 unless the overrides say otherwise. */
export function runQuery(spec: ModelSpec, q: Partial<AccessQuery> = {}): AccessResult {
  const query: AccessQuery = {
    source: { principal: 'spiffe://cluster.local/ns/ns-1/sa/sa-1' },
    destination: { workload: 'foo/httpbin', targetPort: 8080 },
    ...q,
  };
  const r = checkAccessWith(explainer({ 'foo/httpbin': model(spec) }), query);
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** `VERDICT reason ns/policy#rule missing=...`: one line to compare. */
export function short(r: AccessResult): string {
  const d = r.decidedBy;
  const by = d ? ` ${d.policy.namespace}/${d.policy.name}${d.rule === undefined ? '' : `#${d.rule}`}` : '';
  return `${r.verdict} ${r.reason}${by}${r.missing ? ` missing=${r.missing.join(',')}` : ''}`;
}
