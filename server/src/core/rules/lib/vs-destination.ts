// One route destination as Istio's validateDestination and validateRouteDestinations read it: the
// host, subset and port of each destination, weights, and a total weight above zero.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { isSet, listAt, recordAt } from './go-values';
import { isIstioDnsLabel, wildcardDomainProblem } from './hostnames';
import { portProblem } from './istio-values';
import type { VsProblem } from './vs-problem';

/** validateDestination: the host (not "*"), a subset name that is a DNS label, a port number in range. */
export function destinationProblems(destination: Record<string, unknown>, path: PathSegment[]): VsProblem[] {
  const out: VsProblem[] = [];
  const host = destination.host;
  // A missing host is the schema's finding (host is required there).
  if (typeof host === 'string') {
    const problem = host === '*' ? 'a destination is one service, not every host' : wildcardDomainProblem(host);
    if (problem) {
      out.push({
        path: [...path, 'host'],
        on: 'value',
        message: `The webhook rejects the destination host "${host}": ${problem}. Write the service's name, e.g. reviews or reviews.prod.svc.cluster.local.`,
      });
    }
  }
  const subset = destination.subset;
  if (typeof subset === 'string' && subset !== '' && !isIstioDnsLabel(subset)) {
    out.push({
      path: [...path, 'subset'],
      on: 'value',
      message: `The webhook rejects the subset "${subset}": a subset name is a DNS label (letters, digits, inner "-"). Write the name of a DestinationRule subset.`,
    });
  }
  const port = recordAt(destination, 'port');
  if (port) {
    const number = port.number ?? 0;
    const problem = portProblem(number, 'destination port');
    if (problem) out.push({ path: isSet(port, 'number') ? [...path, 'port', 'number'] : [...path, 'port'], on: 'value', message: problem });
  }
  return out;
}

/** validateRouteDestinations (TCP and TLS routes); `gatewaySemantics` skips the destination itself, as upstream. */
export function routeDestinationProblems(route: Record<string, unknown>, path: PathSegment[], gatewaySemantics: boolean): VsProblem[] {
  const out: VsProblem[] = [];
  const list = listAt(route, 'route');
  let total = 0;
  list.forEach((item, i) => {
    const at = [...path, 'route', i];
    // A null entry or a missing destination is empty-required-value's or schema-validation's finding.
    const entry = asRecord(item);
    if (!entry) return;
    const destination = recordAt(entry, 'destination');
    if (destination && !gatewaySemantics) out.push(...destinationProblems(destination, [...at, 'destination']));
    const weight = entry.weight;
    if (typeof weight === 'number') {
      total += weight;
      if (weight < 0) {
        out.push({
          path: [...at, 'weight'],
          on: 'value',
          message: `The webhook rejects the weight ${weight}: weights are 0 or more. Write a share from 0 to 100.`,
        });
      }
    }
  });
  if (list.length > 1 && total === 0) {
    out.push({
      path: [...path, 'route'],
      on: 'key',
      message:
        'The webhook rejects several destinations whose weights add up to 0: "total destination weight = 0". Give at least one a weight above 0.',
    });
  }
  return out;
}
