// Step 1 and 2 of the access check: the destination's workload, port and protocol (a Service port
// maps to its targetPort: policies and port-level mTLS see the workload port, Istio
// listener_inbound.go), and the source's transport and identity (xds/endpoints/mtls_checker.go).
import type { EffectivePolicy, ExplainOutcome, WorkloadName } from '../policy/types';
import type { AccessQuery } from './types';
import type { ResolvedQuery } from './resolved';

export type Explainer = (w: WorkloadName) => ExplainOutcome;

/** Port name prefixes Istio reads as HTTP; other known prefixes are TCP for RBAC (https/tls are TLS passthrough). */
const HTTP_PREFIXES = ['http', 'http2', 'grpc', 'grpc-web', 'h2c'];
const TCP_PREFIXES = ['tcp', 'tls', 'https', 'mongo', 'mysql', 'redis', 'thrift'];

export function protocolFromPortName(name: string | undefined): 'http' | 'tcp' | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  const prefix = lower === 'grpc-web' || lower.startsWith('grpc-web-') ? 'grpc-web' : lower.split('-')[0];
  if (HTTP_PREFIXES.includes(prefix)) return 'http';
  if (TCP_PREFIXES.includes(prefix)) return 'tcp';
  return undefined;
}

export function parseWorkloadName(text: string): WorkloadName | undefined {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(text);
  return m ? { namespace: m[1], name: m[2] } : undefined;
}

export function explainOrError(explain: Explainer, text: string, role: string): EffectivePolicy | { error: string } {
  const name = parseWorkloadName(text);
  if (!name) return { error: `${role} "${text}" is not <namespace>/<workload>` };
  const out = explain(name);
  if (out.kind === 'explained') return out.policy;
  const list = out.candidates.map((c) => `${c.kind} ${c.namespace ?? ''}/${c.name}`).join(', ');
  if (out.kind === 'ambiguous') return { error: `${role} ${text} is ambiguous: ${list}` };
  return { error: `unknown workload ${text}${list ? ` (did you mean ${list}?)` : ''}` };
}

interface Port {
  targetPort: number;
  servicePort?: number;
  portName?: string;
}

function resolvePort(ep: EffectivePolicy, dest: AccessQuery['destination'], notes: string[]): Port | { error: string } {
  const where = `${ep.workload.namespace ?? ''}/${ep.workload.name}`;
  if ('targetPort' in dest) {
    const entry = ep.mtls.ports.find((p) => p.port === dest.targetPort);
    return { targetPort: dest.targetPort, portName: entry?.services[0]?.name };
  }
  const svcName = dest.service?.includes('/') ? dest.service.split('/')[1] : dest.service;
  const svcNs = dest.service?.includes('/') ? dest.service.split('/')[0] : undefined;
  const rows = ep.mtls.ports.flatMap((p) =>
    p.services
      .filter((s) => (svcName === undefined || s.service.name === svcName) && (svcNs === undefined || s.service.namespace === svcNs))
      .map((s) => ({ targetPort: p.port, servicePort: s.servicePort, portName: s.name })),
  );
  if (dest.service !== undefined && rows.length === 0 && !ep.mtls.ports.some((p) => p.services.some((s) => s.service.name === svcName))) {
    return { error: `unknown Service ${dest.service} for workload ${where}` };
  }
  if (dest.servicePort !== undefined) {
    const hit = rows.find((r) => r.servicePort === dest.servicePort);
    if (hit) {
      notes.push(
        `Service port ${hit.servicePort} maps to workload port ${hit.targetPort}: policies and port-level mTLS use ${hit.targetPort}`,
      );
      return hit;
    }
    return { error: `unknown port ${dest.servicePort}${dest.service ? ` on Service ${dest.service}` : ''} for workload ${where}` };
  }
  const distinct = [...new Map(rows.map((r) => [`${r.servicePort}>${r.targetPort}`, r])).values()];
  if (distinct.length === 1) return distinct[0];
  const ports = ep.mtls.ports.map((p) => p.port);
  if (rows.length === 0 && ports.length === 1) return { targetPort: ports[0] };
  return { error: `give a port for ${where} (--port N or --target-port N)${ports.length ? `: workload ports ${ports.join(', ')}` : ''}` };
}

/** The source's identity and whether it sends Istio mTLS to this destination. */
function resolveSource(
  explain: Explainer,
  q: AccessQuery,
  dest: EffectivePolicy,
  port: Port,
  notes: string[],
): { principal: string | null } | { error: string } {
  const td = dest.mesh.trustDomain.value;
  const s = q.source;
  let principal: string | null;
  let namespace: string | undefined;
  if ('plaintext' in s) return { principal: null };
  if ('principal' in s) {
    principal = s.principal.startsWith('spiffe://') ? s.principal : `spiffe://${s.principal}`;
    namespace = /\/ns\/([^/]+)\//.exec(principal)?.[1];
  } else if ('serviceAccount' in s) {
    principal = `spiffe://${td}/ns/${s.namespace}/sa/${s.serviceAccount}`;
    namespace = s.namespace;
    notes.push(`source ${s.namespace}:${s.serviceAccount} is assumed to run with a proxy (mTLS)`);
  } else {
    const src = explainOrError(explain, s.workload, 'source');
    if ('error' in src) return src;
    namespace = src.workload.namespace;
    principal = src.workload.identity;
    if (src.workload.dataPlane === 'none') {
      notes.push(`source ${s.workload} has no proxy: it sends plaintext`);
      principal = null;
    }
  }
  if (q.assume?.mtls !== undefined) {
    notes.push(`transport assumed: ${q.assume.mtls ? 'mTLS' : 'plaintext'}`);
    return { principal: q.assume.mtls ? principal : null };
  }
  if (principal === null) return { principal };
  const rows = dest.destinationRules.asDestination;
  const dr = rows.find((r) => r.clientNamespace === namespace) ?? rows.find((r) => r.clientNamespace === '*');
  // The client dials a Service port: the one asked for, else the first that maps to the workload port.
  const servicePort = port.servicePort ?? dest.mtls.ports.find((p) => p.port === port.targetPort)?.services[0]?.servicePort;
  const portMode = dr?.portTlsModes?.find((p) => p.port === servicePort)?.mode;
  const mode = portMode ?? dr?.tlsMode;
  if (mode && mode !== 'ISTIO_MUTUAL' && mode !== 'AUTO') {
    const name = dr?.rule ? `${dr.rule.namespace ?? ''}/${dr.rule.name}` : 'a DestinationRule';
    const where = portMode ? ` for port ${servicePort ?? ''} (portLevelSettings)` : '';
    notes.push(`client DestinationRule ${name} sets tls.mode ${mode}${where}: the client does not send Istio mTLS`);
    return { principal: null };
  }
  return { principal };
}

export function resolveQuery(explain: Explainer, q: AccessQuery): { ep: EffectivePolicy; rq: ResolvedQuery } | { error: string } {
  const ep = explainOrError(explain, q.destination.workload, 'destination');
  if ('error' in ep) return ep;
  const notes: string[] = [];
  const port = resolvePort(ep, q.destination, notes);
  if ('error' in port) return port;
  const source = resolveSource(explain, q, ep, port, notes);
  if ('error' in source) return source;
  const modelled = ep.authorization.perPort.find((p) => p.port === port.targetPort)?.protocol;
  let protocol = q.protocol ?? (modelled === 'unknown' ? undefined : modelled) ?? protocolFromPortName(port.portName);
  if (!protocol) {
    protocol = 'http';
    notes.push(`port ${port.targetPort} has no protocol in its name: assumed HTTP (protocol sniffing)`);
  }
  return {
    ep,
    rq: {
      targetPort: port.targetPort,
      servicePort: port.servicePort,
      protocol,
      principal: source.principal,
      request: q.request,
      network: q.network,
      assumptions: notes,
    },
  };
}
