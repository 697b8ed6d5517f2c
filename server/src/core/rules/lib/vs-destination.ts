// One route destination as Istio's validateDestination and validateRouteDestinations read it: the
// host, subset and port of each destination, weights, and a total weight above zero. HTTP routes and
// mirrors (vs-http-traffic.ts) use the same checks.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { isSet, listAt, recordAt } from './go-values';
import { isIstioDnsLabel, wildcardDomainProblem } from './hostnames';
import { numberAt, webhookPortProblem } from './vs-http-values';
import type { VsProblem } from './vs-problem';

/**
 * validateDestination, for every route kind (HTTP, TCP, TLS) and for mirrors: the host (not "*"), a
 * subset name that is a DNS label, a port number in range.
 */
export function destinationProblems(destination: Record<string, unknown>, path: PathSegment[]): VsProblem[] {
  const out: VsProblem[] = [];
  const host = destination.host;
  // A missing host is the schema's finding (host is required there).
  if (host === '*') {
    out.push({
      path: [...path, 'host'],
      on: 'value',
      message:
        'The webhook rejects the destination host "*": "invalid destination host": a destination is one service, not every host. ' +
        'Name the service, e.g. reviews.shop.svc.cluster.local.',
    });
  } else if (typeof host === 'string') {
    const problem = wildcardDomainProblem(host);
    if (problem) {
      out.push({
        path: [...path, 'host'],
        on: 'value',
        message: `The webhook rejects the destination host "${host}": ${problem}. Write a service name such as reviews or reviews.shop.svc.cluster.local.`,
      });
    }
  }
  const subset = destination.subset;
  if (typeof subset === 'string' && subset !== '' && !isIstioDnsLabel(subset)) {
    out.push({
      path: [...path, 'subset'],
      on: 'value',
      message: `The webhook rejects the subset name "${subset}": "subset name is invalid". Use the name of a DestinationRule subset: a DNS label such as v1.`,
    });
  }
  if (isSet(destination, 'port')) {
    const written = numberAt(recordAt(destination, 'port'), 'number');
    const text = webhookPortProblem(written ?? 0, 'the destination port');
    if (text) {
      out.push({
        path: written !== undefined ? [...path, 'port', 'number'] : [...path, 'port'],
        on: written !== undefined ? 'value' : 'key',
        message: text,
      });
    }
  }
  return out;
}

/** The weights of a route's destinations (validateRouteDestinations, validateHTTPRouteDestinations): none below 0, and not all 0. */
export function weightProblems(entries: readonly unknown[], path: PathSegment[]): VsProblem[] {
  const out: VsProblem[] = [];
  let total = 0;
  entries.forEach((item, i) => {
    const weight = numberAt(asRecord(item), 'weight') ?? 0;
    total += weight;
    if (weight < 0) {
      out.push({
        path: [...path, 'route', i, 'weight'],
        on: 'value',
        message: `The webhook rejects weight ${weight}: "weight < 0". Write 0 or more; weights are shares of the traffic.`,
      });
    }
  });
  if (entries.length > 1 && total === 0) {
    out.push({
      path: [...path, 'route'],
      on: 'key',
      message:
        'The webhook rejects several destinations whose weights add up to 0 ("total destination weight = 0"). ' +
        'Give each destination its share, e.g. weight: 90 and weight: 10.',
    });
  }
  return out;
}

/** validateRouteDestinations (TCP and TLS routes); `gatewaySemantics` skips the destination itself, as upstream. */
export function routeDestinationProblems(route: Record<string, unknown>, path: PathSegment[], gatewaySemantics: boolean): VsProblem[] {
  const list = listAt(route, 'route');
  const out: VsProblem[] = [];
  list.forEach((item, i) => {
    // A null entry or a missing destination is empty-required-value's or schema-validation's finding.
    const destination = recordAt(asRecord(item), 'destination');
    if (destination && !gatewaySemantics) out.push(...destinationProblems(destination, [...path, 'route', i, 'destination']));
  });
  return [...out, ...weightProblems(list, path)];
}
