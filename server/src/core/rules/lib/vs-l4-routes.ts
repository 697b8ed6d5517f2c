// TLS and TCP routes of a VirtualService as validateTLSRoute, validateTLSMatch, validateSniHost,
// validateTCPRoute and validateTCPMatch read them.
import type { PathSegment } from '../../locate';
import { isNetipAddr } from '../../ip-address';
import { asRecord } from '../../resources';
import { hasItems, listAt } from './go-values';
import { ipSubnetProblem, wildcardDomainProblem } from './hostnames';
import { routeDestinationProblems } from './vs-destination';
import { gatewayBoundHostProblem, hostSubsetOf, type VsScope } from './vs-hosts';
import { sharedMatchProblems } from './vs-match-attributes';
import { recordsIn, type VsProblem } from './vs-problem';

/** destinationSubnets and the attributes every match has: what TLS and TCP matches share. */
function l4MatchProblems(match: Record<string, unknown>, path: PathSegment[]): VsProblem[] {
  const out: VsProblem[] = [];
  listAt(match, 'destinationSubnets').forEach((subnet, i) => {
    const problem = typeof subnet === 'string' ? ipSubnetProblem(subnet) : undefined;
    if (problem) {
      out.push({
        path: [...path, 'destinationSubnets', i],
        on: 'value',
        message: `The webhook rejects this destination subnet: ${problem}. Write an IP address or a CIDR block such as 10.0.0.0/16.`,
      });
    }
  });
  out.push(...sharedMatchProblems(match, path));
  return out;
}

/** validateSniHost: a host name (an IP only warns), covered by one of the VirtualService's hosts. */
function sniHostProblem(sni: string, path: PathSegment[], scope: VsScope): VsProblem | undefined {
  const syntax = scope.boundToGateway ? gatewayBoundHostProblem(true, sni) : wildcardDomainProblem(sni);
  if (syntax) {
    if (isNetipAddr(sni)) {
      return {
        path,
        on: 'value',
        severity: 'warning',
        message: `Istio warns that the SNI host "${sni}" is an IP address: SNI carries host names and most clients never send an IP there. Match the host name the clients connect to.`,
      };
    }
    return {
      path,
      on: 'value',
      message: `The webhook rejects the SNI host "${sni}": ${syntax}. Write a host name, optionally with a leading "*.".`,
    };
  }
  if (scope.hosts.some((h) => typeof h === 'string' && hostSubsetOf(sni, h))) return undefined;
  const hosts = scope.hosts.filter((h) => typeof h === 'string').join(', ');
  return {
    path,
    on: 'value',
    message: `The webhook rejects the SNI host "${sni}": it is not within any host of this VirtualService [${hosts}]. Add it to hosts, or match a name those hosts cover.`,
  };
}

function tlsRouteProblems(route: Record<string, unknown>, path: PathSegment[], scope: VsScope): VsProblem[] {
  const out: VsProblem[] = [];
  // A missing match or sniHosts is schema-validation's finding (both are required there); an empty list is ours.
  if (Array.isArray(route.match) && route.match.length === 0) {
    out.push({
      path: [...path, 'match'],
      on: 'key',
      message:
        'The webhook rejects a TLS route without matches: "TLS route must have at least one match condition". Add a match with sniHosts.',
    });
  }
  listAt(route, 'match').forEach((item, i) => {
    const at = [...path, 'match', i];
    const match = asRecord(item);
    if (!match) return;
    const sniHosts = listAt(match, 'sniHosts');
    if (Array.isArray(match.sniHosts) && sniHosts.length === 0) {
      out.push({
        path: [...at, 'sniHosts'],
        on: 'key',
        message:
          'The webhook rejects a TLS match without sniHosts: "TLS match must have at least one SNI host". Add sniHosts with the names clients send.',
      });
    }
    sniHosts.forEach((sni, j) => {
      const problem = typeof sni === 'string' ? sniHostProblem(sni, [...at, 'sniHosts', j], scope) : undefined;
      if (problem) out.push(problem);
    });
    out.push(...l4MatchProblems(match, at));
  });
  if (!hasItems(route, 'route')) {
    out.push({
      path: 'route' in route ? [...path, 'route'] : path,
      on: 'key',
      message: 'The webhook rejects a TLS route without destinations: "TLS route is required". Add route: with a destination.',
    });
  }
  out.push(...routeDestinationProblems(route, path, scope.gatewaySemantics));
  return out;
}

function tcpRouteProblems(route: Record<string, unknown>, path: PathSegment[], scope: VsScope): VsProblem[] {
  const out: VsProblem[] = [];
  for (const { item, path: at } of recordsIn(route.match, [...path, 'match'])) out.push(...l4MatchProblems(item, at));
  if (!hasItems(route, 'route')) {
    out.push({
      path: 'route' in route ? [...path, 'route'] : path,
      on: 'key',
      message: 'The webhook rejects a TCP route without destinations: "TCP route is required". Add route: with a destination.',
    });
  }
  out.push(...routeDestinationProblems(route, path, scope.gatewaySemantics));
  return out;
}

/** Every finding in spec.tls and spec.tcp. */
export function l4RouteProblems(spec: Record<string, unknown>, scope: VsScope): VsProblem[] {
  const out: VsProblem[] = [];
  for (const { item, path } of recordsIn(spec.tls, ['spec', 'tls'])) out.push(...tlsRouteProblems(item, path, scope));
  for (const { item, path } of recordsIn(spec.tcp, ['spec', 'tcp'])) out.push(...tcpRouteProblems(item, path, scope));
  return out;
}
