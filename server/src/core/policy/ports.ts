// The ports of a workload as the proxy sees them: workload (container/target) ports, each with the
// Service ports that map to it and the protocol Istio would pick. Policies key ports by workload
// port (listener_inbound.go uses the target port; PeerAuthentication portLevelMtls and the
// `ports` of AuthorizationPolicy are workload ports), so Service ports are only shown beside them.
import type { ServiceFact, ServicePortFact, WorkloadFact } from '../workspace/facts';
import { labelsMatch, type WorkspaceView } from '../workspace/view';
import type { Ref } from './types';

export type Protocol = 'http' | 'tcp' | 'unknown';

export interface WorkloadPort {
  port: number;
  services: { service: Ref; servicePort: number; name?: string }[];
  protocol: Protocol;
  /** Where the protocol came from (port name prefix, appProtocol, or nothing: sniffed). */
  protocolWhy: string;
}

export function refOf(f: { kind: string; namespace?: string; name?: string; site: Ref['location'] }): Ref {
  return { kind: f.kind, ...(f.namespace !== undefined ? { namespace: f.namespace } : {}), name: f.name ?? '(unnamed)', location: f.site };
}

const HTTP = new Set(['http', 'http2', 'grpc', 'grpc-web', 'h2c', 'kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);
const TCP = new Set(['tcp', 'tls', 'https', 'mongo', 'mysql', 'redis', 'udp']);

/** Istio's protocol selection: appProtocol first, then the port name's prefix before `-`. */
export function portProtocol(p: Pick<ServicePortFact, 'name' | 'appProtocol' | 'protocol'>): { protocol: Protocol; why: string } {
  if (p.protocol === 'UDP') return { protocol: 'tcp', why: 'protocol UDP (not proxied)' };
  const app = p.appProtocol?.toLowerCase();
  if (app && HTTP.has(app)) return { protocol: 'http', why: `appProtocol ${p.appProtocol}` };
  if (app && TCP.has(app)) return { protocol: 'tcp', why: `appProtocol ${p.appProtocol}` };
  const prefix = p.name?.split('-')[0].toLowerCase();
  if (prefix && HTTP.has(prefix)) return { protocol: 'http', why: `port name ${p.name}` };
  if (prefix && TCP.has(prefix)) return { protocol: 'tcp', why: `port name ${p.name}` };
  return {
    protocol: 'unknown',
    why: p.name ? `port name ${p.name} has no protocol prefix: detected per connection` : 'unnamed port: detected per connection',
  };
}

/** Services in the workload's namespace whose selector picks its pods. */
export function servicesOf(view: WorkspaceView, w: WorkloadFact): ServiceFact[] {
  return view.inNamespace('service', w.namespace ?? '').filter((s) => s.selector !== undefined && labelsMatch(s.selector, w.podLabels));
}

/** The workload port a Service port sends to: a number, a container port's name, or the port itself. */
export function targetPortOf(sp: ServicePortFact, w: WorkloadFact): number | undefined {
  if (typeof sp.targetPort === 'number') return sp.targetPort;
  if (typeof sp.targetPort === 'string') {
    if (/^[0-9]+$/.test(sp.targetPort)) return Number(sp.targetPort);
    return w.containerPorts?.find((c) => c.name === sp.targetPort)?.port;
  }
  return sp.port;
}

/** Union of Service target ports, container ports and `extra` (portLevelMtls keys), sorted. */
export function workloadPorts(view: WorkspaceView, w: WorkloadFact, extra: readonly number[] = []): WorkloadPort[] {
  const byPort = new Map<number, WorkloadPort & { protocols: { protocol: Protocol; why: string }[] }>();
  const row = (port: number): WorkloadPort & { protocols: { protocol: Protocol; why: string }[] } => {
    let r = byPort.get(port);
    if (!r) byPort.set(port, (r = { port, services: [], protocol: 'unknown', protocolWhy: '', protocols: [] }));
    return r;
  };
  for (const s of servicesOf(view, w))
    for (const sp of s.ports ?? []) {
      const target = targetPortOf(sp, w);
      if (target === undefined) continue;
      const r = row(target);
      r.services.push({ service: refOf(s), servicePort: sp.port, ...(sp.name !== undefined ? { name: sp.name } : {}) });
      r.protocols.push(portProtocol(sp));
    }
  for (const c of w.containerPorts ?? []) row(c.port);
  for (const p of extra) row(p);
  return [...byPort.values()]
    .sort((a, b) => a.port - b.port)
    .map(({ protocols, ...r }) => {
      const kinds = new Set(protocols.map((p) => p.protocol));
      if (kinds.size === 1) return { ...r, protocol: protocols[0].protocol, protocolWhy: protocols.map((p) => p.why).join('; ') };
      if (kinds.size === 0) return { ...r, protocolWhy: 'no Service names this port: detected per connection' };
      return { ...r, protocolWhy: `Services disagree (${protocols.map((p) => p.why).join('; ')})` };
    });
}

/** Service ports (not target ports) of the workload's Services, for the classic portLevelMtls mistake. */
export function servicePortsOnly(view: WorkspaceView, w: WorkloadFact): Map<number, { service: string; target: number | undefined }> {
  // Without `extra` every row is a Service target port or a container port: both count as targets.
  const targets = new Set(workloadPorts(view, w).map((p) => p.port));
  const out = new Map<number, { service: string; target: number | undefined }>();
  for (const s of servicesOf(view, w))
    for (const sp of s.ports ?? [])
      if (!targets.has(sp.port)) out.set(sp.port, { service: s.name ?? '(unnamed)', target: targetPortOf(sp, w) });
  return out;
}
