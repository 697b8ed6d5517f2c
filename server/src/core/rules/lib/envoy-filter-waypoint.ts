// The webhook's checks of an EnvoyFilter patch with context WAYPOINT (ValidateEnvoyFilter in Istio's
// pkg/config/validation/envoyfilter/envoyfilter.go): which applyTo values a waypoint takes, and which
// parts of the waypoint match each of them allows. The webhook checks nothing else of such a patch.
import type { PathSegment } from '../../locate';
import type { Problem } from './istio-values';
import { isSet, recordAt, stringAt } from './go-values';
import { HTTP_CONNECTION_MANAGER } from './envoy-filter-names';

const NOT_FOR_WAYPOINT = ['LISTENER', 'LISTENER_FILTER', 'EXTENSION_CONFIG', 'BOOTSTRAP'];
const NO_FILTER_MATCH = ['HTTP_ROUTE', 'VIRTUAL_HOST', 'ROUTE_CONFIGURATION', 'CLUSTER'];
const NO_ROUTE_MATCH = ['CLUSTER', 'FILTER_CHAIN', 'NETWORK_FILTER'];

/** Problems of one patch (at `at`) whose match has context WAYPOINT; at most one, as the webhook stops at the first. */
export function waypointPatchProblems(patch: Record<string, unknown>, at: PathSegment[]): Problem[] {
  const applyTo = stringAt(patch, 'applyTo');
  const waypoint = recordAt(recordAt(patch, 'match'), 'waypoint');
  const wp: PathSegment[] = [...at, 'match', 'waypoint'];
  if (NOT_FOR_WAYPOINT.includes(applyTo)) {
    return [
      {
        path: [...at, 'applyTo'],
        on: 'value',
        message:
          `The API server rejects applyTo ${applyTo} for a waypoint: "applyTo ${applyTo} is not supported for waypoint". ` +
          'A waypoint takes HTTP_FILTER, NETWORK_FILTER, FILTER_CHAIN, HTTP_ROUTE, VIRTUAL_HOST, ROUTE_CONFIGURATION or CLUSTER.',
      },
    ];
  }
  // Without a waypoint match the CRD rule (reported above) already rejects the patch.
  if (!waypoint) return [];
  for (const [part, allowed, hint] of [
    ['filter', !NO_FILTER_MATCH.includes(applyTo), 'it selects HTTP or network filters, not routes or clusters'],
    ['route', !NO_ROUTE_MATCH.includes(applyTo), 'it selects routes, so use it with HTTP_ROUTE, VIRTUAL_HOST or ROUTE_CONFIGURATION'],
  ] as const) {
    if (allowed || !isSet(waypoint, part)) continue;
    return [
      {
        path: [...wp, part],
        on: 'key',
        message:
          `The API server rejects a ${part} match with applyTo ${applyTo}: "applyTo ${applyTo} for waypoint cannot have ${part} match". ` +
          `Remove waypoint.${part}; ${hint}.`,
      },
    ];
  }
  if (applyTo !== 'HTTP_FILTER') return [];
  return httpFilterProblems(recordAt(waypoint, 'filter'), wp);
}

function httpFilterProblems(filter: Record<string, unknown> | undefined, wp: PathSegment[]): Problem[] {
  if (!filter) {
    return [
      {
        path: wp,
        on: 'key',
        message:
          'The API server rejects HTTP_FILTER on a waypoint without a filter match: "applyTo HTTP_FILTER for waypoint must have filter match". ' +
          `Add filter: { name: ${HTTP_CONNECTION_MANAGER}, subFilter: { name: <the HTTP filter to patch> } }.`,
      },
    ];
  }
  const name = stringAt(filter, 'name');
  if (name !== HTTP_CONNECTION_MANAGER) {
    return [
      {
        path: name === '' ? [...wp, 'filter'] : [...wp, 'filter', 'name'],
        on: name === '' ? 'key' : 'value',
        message:
          `The API server rejects this filter match: "applyTo HTTP_FILTER for waypoint requires name with ${HTTP_CONNECTION_MANAGER}". ` +
          `Write name: ${HTTP_CONNECTION_MANAGER} and name the HTTP filter under subFilter.`,
      },
    ];
  }
  if (stringAt(recordAt(filter, 'subFilter'), 'name') !== '') return [];
  return [
    {
      path: isSet(filter, 'subFilter') ? [...wp, 'filter', 'subFilter'] : [...wp, 'filter'],
      on: 'key',
      message:
        'The API server rejects HTTP_FILTER on a waypoint without a sub-filter name: "must have subfilter name to match on". ' +
        'Add subFilter: { name: <the HTTP filter to patch> }, e.g. envoy.filters.http.router.',
    },
  ];
}
