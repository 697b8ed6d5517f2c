// Value checks that several Istio networking kinds share (ports, port names, protocols, workload
// addresses), each returning a problem worded for people, or undefined when the value is accepted.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { recordAt, stringAt } from './go-values';
import { labelsProblems } from './hostnames';

export interface Problem {
  path: PathSegment[];
  on: 'key' | 'value';
  message: string;
  /** Set for what the webhook only warns about (WrapWarning); the rule's default severity otherwise. */
  severity?: 'warning';
}

const MAX_PORT = 65535;

/** Port numbers must be 1..65535 (CRD CEL `0 < self && self <= 65535` and the webhook's ValidatePort). */
export function portProblem(value: unknown, what = 'port'): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined; // a type error is the schema's
  if (value >= 1 && value <= MAX_PORT) return undefined;
  return `The API server rejects ${what} ${value}: "port must be between 1-65535". Write a port number from 1 to ${MAX_PORT}.`;
}

/** Istio's protocol names (pkg/config/protocol Parse, compared without case). */
const PROTOCOLS = ['TCP', 'UDP', 'GRPC', 'GRPC-Web', 'HTTP', 'HTTP_PROXY', 'HTTP2', 'HTTPS', 'TLS', 'Mongo', 'Redis', 'MySQL'];

/** protocol.Parse(...).IsHTTP(), in upper case: the protocols Istio handles as HTTP. */
export const HTTP_PROTOCOLS = ['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB'];

export function protocolProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (PROTOCOLS.some((p) => p.toLowerCase() === value.toLowerCase())) return undefined;
  return `Istio does not know the protocol "${value}" and the API server rejects it. Write one of ${PROTOCOLS.join(', ')} (case does not matter).`;
}

/** Gateways and Sidecars listen on `number`; the webhook rejects a targetPort there ("targetPort has no impact on ..."). */
export function targetPortProblem(port: Record<string, unknown>, path: PathSegment[], kinds: 'Gateways' | 'Sidecars'): Problem | undefined {
  if (typeof port.targetPort !== 'number' || port.targetPort <= 0) return undefined;
  return {
    path: [...path, 'targetPort'],
    on: 'key',
    message: `The webhook rejects targetPort here: "targetPort has no impact on ${kinds}". Remove it; the listener uses number.`,
  };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes DNS-1123 label: what the webhook's ValidatePortName asks of a port name. */
export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && DNS_LABEL.test(name);
}

/** The CRD rule on WorkloadEntry-style port maps: under 63 characters, letters, digits and inner dashes. */
const CRD_PORT_NAME = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** Later items of `list` whose `key` repeats an earlier one's, with the index of the first. */
export function duplicates(list: unknown, key: string): { index: number; first: number; value: string | number }[] {
  if (!Array.isArray(list)) return [];
  const seen = new Map<string | number, number>();
  const out: { index: number; first: number; value: string | number }[] = [];
  list.forEach((item, index) => {
    const v = asRecord(item)?.[key];
    if (typeof v !== 'string' && typeof v !== 'number') return;
    const first = seen.get(v);
    if (first === undefined) seen.set(v, index);
    else out.push({ index, first, value: v });
  });
  return out;
}

/**
 * The checks the CRDs make on a WorkloadEntry, a ServiceEntry endpoint and a WorkloadGroup template:
 * an address (or a network), unix socket paths, and the port map's names and numbers.
 */
export function workloadProblems(entry: Record<string, unknown>, path: PathSegment[], addressRequired: boolean): Problem[] {
  const out: Problem[] = [];
  const address = stringAt(entry, 'address');
  const ports = recordAt(entry, 'ports');
  if (addressRequired && address === '' && stringAt(entry, 'network') === '') {
    const written = typeof entry.address === 'string';
    out.push({
      path: written ? [...path, 'address'] : path,
      on: written ? 'value' : 'key',
      message:
        'The API server rejects a workload without an address: "Address is required". Write address: with the IP or DNS name of the workload ' +
        "(or unix:///path for a socket), or set network: when it is reached through that network's gateway.",
    });
  }
  if (address.startsWith('unix://')) {
    const socket = address.slice('unix://'.length);
    if (!(socket.startsWith('/') || socket.startsWith('@'))) {
      out.push({
        path: [...path, 'address'],
        on: 'value',
        message: `The API server rejects "${address}": "UDS must be an absolute path or abstract socket". Write unix:///absolute/path.sock (three slashes) or unix://@name for an abstract socket.`,
      });
    }
    if (address.endsWith('/')) {
      out.push({
        path: [...path, 'address'],
        on: 'value',
        message: `The API server rejects "${address}": "UDS may not be a dir". Name the socket file itself, e.g. unix:///var/run/app.sock.`,
      });
    }
    if (ports) {
      out.push({
        path: [...path, 'ports'],
        on: 'key',
        message:
          'The API server rejects ports on a unix socket address: "UDS may not include ports". Remove ports: a socket has no port numbers.',
      });
    }
  }
  for (const [name, port] of Object.entries(ports ?? {})) {
    if (name.length >= 63 || !CRD_PORT_NAME.test(name)) {
      out.push({
        path: [...path, 'ports', name],
        on: 'key',
        message: `The API server rejects the port name "${name}": "port name must be valid". Use the name of a service port: letters, digits and inner dashes, under 63 characters (e.g. http-web).`,
      });
    }
    const problem = portProblem(port);
    if (problem) out.push({ path: [...path, 'ports', name], on: 'value', message: problem });
  }
  return out;
}

/** labels.Instance.Validate on a label map (endpoint, WorkloadEntry, WorkloadGroup or subset labels), one finding per bad key or value. */
export function labelMapProblems(labels: unknown, path: PathSegment[], what: string): Problem[] {
  return labelsProblems(asRecord(labels) ?? {}).map((p) => ({
    path: [...path, p.key],
    on: p.on,
    message:
      `The webhook rejects this ${what} label ${p.on} ("invalid tag ${p.on}"): ${p.message}. ` +
      'A label key is [dns.prefix/]name and a value is empty or letters, digits, "-", "_" and "." between letters or digits.',
  }));
}
