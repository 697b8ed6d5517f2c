// A query after destination and source resolution: the port, protocol and transport the
// destination proxy sees, plus what the query said about the request. Input of the evaluators.
import type { AccessQuery, AccessResult, PolicyTrace } from './types';
import type { EffectivePolicy, Ref } from '../policy/types';

export interface ResolvedQuery {
  /** The workload (container) port: what policies and port-level mTLS use. */
  targetPort: number;
  servicePort?: number;
  protocol: 'http' | 'tcp';
  /** The client's certificate URI SAN when it sends Istio mTLS; null for plaintext. */
  principal: string | null;
  request: AccessQuery['request'];
  network: AccessQuery['network'];
  assumptions: string[];
}

/** The parts every answer shares, from the destination's policy model. */
export function considered(ep: EffectivePolicy): AccessResult['considered'] {
  const refs = (list: { policy: Ref }[]): Ref[] => list.map((p) => p.policy);
  const a = ep.authorization;
  return {
    allow: refs(a.allow),
    deny: refs(a.deny),
    custom: refs(a.custom),
    audit: refs(a.audit),
    notApplicable: ep.notApplicable.filter((n) => n.policy.kind === 'AuthorizationPolicy'),
  };
}

/** The port's mTLS mode and the PeerAuthentication that set it. */
export function portMtls(ep: EffectivePolicy, port: number): { mode: string; policy?: Ref } {
  const entry = ep.mtls.ports.find((p) => p.port === port);
  if (entry) return { mode: entry.mode, policy: entry.policy };
  const setter = [...ep.mtls.chain].reverse().find((c) => c.effect === 'sets');
  return { mode: ep.mtls.defaultMode, policy: setter?.policy };
}

/** The mesh trust domain followed by its aliases. */
export function trustBundle(ep: EffectivePolicy): string[] {
  return [ep.mesh.trustDomain.value, ...ep.mesh.trustDomainAliases.value.filter((a) => a !== ep.mesh.trustDomain.value)];
}

/** Everything of an answer but the verdict: what the proxy saw, the trace so far, what was considered. */
export function answerBase(
  ep: EffectivePolicy,
  rq: ResolvedQuery,
  principal: string | null,
  assumptions: string[],
): Omit<AccessResult, 'verdict' | 'reason'> & { trace: PolicyTrace[]; shadow: AccessResult['shadow'] } {
  const mtls = portMtls(ep, rq.targetPort);
  return {
    context: {
      identity: principal ?? undefined,
      transport: principal === null ? 'plaintext' : 'mtls',
      targetPort: rq.targetPort,
      servicePort: rq.servicePort,
      protocol: rq.protocol,
      mtlsMode: mtls.mode,
      mtlsDecidedBy: mtls.policy,
    },
    trace: [],
    shadow: [],
    considered: considered(ep),
    assumptions,
  };
}
