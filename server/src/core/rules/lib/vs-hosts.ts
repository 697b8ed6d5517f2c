// The top of a VirtualService as ValidateVirtualService reads it: delegate restrictions, gateways,
// host syntax, "*" on the mesh, overlapping hosts, and at least one of http, tcp, tls.
import { isNetipAddr } from '../../ip-address';
import { asRecord } from '../../resources';
import { hasItems, listAt, recordAt } from './go-values';
import { wildcardDomainProblem } from './hostnames';
import { gatewayNameProblems } from './vs-gateway-names';
import type { VsProblem } from './vs-problem';

/** What the webhook works out once and uses for several checks. */
export interface VsScope {
  /** No hosts: the webhook treats the VirtualService as a delegate. */
  delegate: boolean;
  /** Istio's isGateway: no gateway in the list is "mesh" (true for an empty list, as upstream). */
  boundToGateway: boolean;
  /** Gateways listed and none is "mesh": the hosts are checked as a gateway's, JWT claims may be matched. */
  appliesToGateway: boolean;
  /** Set on VirtualServices that Istio generates from Gateway API routes. */
  gatewaySemantics: boolean;
  hosts: unknown[];
}

export function vsScope(value: Record<string, unknown>, spec: Record<string, unknown>): VsScope {
  const annotations = recordAt(recordAt(value, 'metadata'), 'annotations');
  const gateways = listAt(spec, 'gateways');
  return {
    delegate: !hasItems(spec, 'hosts'),
    boundToGateway: !gateways.includes('mesh'),
    appliesToGateway: gateways.length > 0 && !gateways.includes('mesh'),
    gatewaySemantics: annotations?.['internal.istio.io/route-semantics'] === 'gateway',
    hosts: listAt(spec, 'hosts'),
  };
}

/** Go's strings.Trim(s, "."). */
function trimDots(text: string): string {
  return text.replace(/^\.+|\.+$/g, '');
}

/**
 * ValidateWildcardDomainForVirtualServiceBoundToGateway: like a wildcard domain, but with `sni` the names
 * Istio generates for AUTO_PASSTHROUGH (outbound_.<port>_._.<host>) pass too.
 */
export function gatewayBoundHostProblem(sni: boolean, host: string): string | undefined {
  if (host === '' || host.length > 255 || !sni || !host.startsWith('outbound_')) return wildcardDomainProblem(host);
  const parts = host.split('_');
  const format = 'outbound_.<port>_._.<hostname>';
  if (parts.length < 4) return `it does not follow the ${format} form`;
  if (!/[0-9]/.test(trimDots(parts[1]))) return `the port part "${trimDots(parts[1])}" holds no digit (${format})`;
  if (!/[a-zA-Z]/.test(trimDots(parts[3]))) return `the host part "${trimDots(parts[3])}" holds no letter (${format})`;
  return undefined;
}

/** Istio's host.Name.Matches: the two names (either may start with "*") have some host in common. */
export function hostsOverlap(a: string, b: string): boolean {
  const aw = a.startsWith('*');
  const bw = b.startsWith('*');
  if (aw && bw) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return a === b;
}

/** Istio's host.Name.SubsetOf: every host `a` names is also named by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  const aw = a.startsWith('*');
  const bw = b.startsWith('*');
  if (aw) return bw && a.length >= b.length && a.slice(1).endsWith(b.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return a === b;
}

function usesSniHosts(spec: Record<string, unknown>): boolean {
  return listAt(spec, 'tls').some((route) => listAt(asRecord(route), 'match').some((match) => hasItems(asRecord(match), 'sniHosts')));
}

function delegateProblems(spec: Record<string, unknown>): VsProblem[] {
  const out: VsProblem[] = [];
  const fields: [string, string][] = [
    ['gateways', 'a delegate is bound to gateways through the VirtualService that delegates to it'],
    ['tls', 'only http routes can be delegated'],
    ['tcp', 'only http routes can be delegated'],
  ];
  for (const [key, why] of fields) {
    if (!hasItems(spec, key)) continue;
    out.push({
      path: ['spec', key],
      on: 'key',
      message: `The webhook rejects ${key} in a VirtualService without hosts (a delegate): ${why}. Remove ${key}, or add hosts if this is not a delegate.`,
    });
  }
  return out;
}

export function vsTopProblems(spec: Record<string, unknown>, scope: VsScope): VsProblem[] {
  const out: VsProblem[] = scope.delegate ? delegateProblems(spec) : [];
  out.push(...gatewayNameProblems(spec.gateways, ['spec', 'gateways'], scope.gatewaySemantics));
  const appliesToGateway = scope.appliesToGateway;
  const sni = usesSniHosts(spec);
  let allValid = true;
  scope.hosts.forEach((host, i) => {
    if (typeof host !== 'string') return;
    const problem = appliesToGateway ? gatewayBoundHostProblem(sni, host) : wildcardDomainProblem(host);
    if (problem) {
      if (isNetipAddr(host)) return;
      allValid = false;
      out.push({
        path: ['spec', 'hosts', i],
        on: 'value',
        message: `The webhook rejects the host "${host}": ${problem}. Write a service name (reviews, reviews.prod.svc.cluster.local), a domain, or "*." before a domain.`,
      });
    } else if (!appliesToGateway && host === '*') {
      allValid = false;
      out.push({
        path: ['spec', 'hosts', i],
        on: 'value',
        message:
          'The webhook rejects the host "*" on a VirtualService for the mesh (no gateways, or "mesh" among them). Name the services it routes, or bind it to a Gateway.',
      });
    }
  });
  if (allValid) out.push(...duplicateHostProblems(scope.hosts));
  if (!hasItems(spec, 'http') && !hasItems(spec, 'tcp') && !hasItems(spec, 'tls')) {
    out.push({
      path: ['spec'],
      on: 'key',
      message:
        'The webhook rejects a VirtualService without routes: "http, tcp or tls must be provided". Add an http, tcp or tls route list.',
    });
  }
  return out;
}

function duplicateHostProblems(hosts: unknown[]): VsProblem[] {
  const out: VsProblem[] = [];
  for (let j = 1; j < hosts.length; j++) {
    const later = hosts[j];
    if (typeof later !== 'string') continue;
    const first = hosts.slice(0, j).find((h): h is string => typeof h === 'string' && hostsOverlap(h, later));
    if (first === undefined) continue;
    out.push({
      path: ['spec', 'hosts', j],
      on: 'value',
      message: `The webhook rejects "${later}" next to "${first}": the two hosts overlap in one VirtualService. Keep the wider one, or split them into two VirtualServices.`,
    });
  }
  return out;
}
