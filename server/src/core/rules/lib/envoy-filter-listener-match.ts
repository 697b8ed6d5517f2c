// The webhook's checks of an EnvoyFilter patch's match against its applyTo (ValidateEnvoyFilter in
// Istio's pkg/config/validation/envoyfilter/envoyfilter.go): the match must describe the same class
// of object the patch applies to, and a listener filter match must name what it matches.
import type { PathSegment } from '../../locate';
import type { Problem } from './istio-values';
import { isSet, recordAt, stringAt } from './go-values';
import { HTTP_CONNECTION_MANAGER, canonicalFilterNames } from './envoy-filter-names';

export interface PatchProblem extends Problem {
  /** Set for what the webhook only warns about. */
  warning?: true;
  /** The webhook stops checking this patch after this problem. */
  stop?: true;
}

// A waypoint match outside context WAYPOINT is left out: the CRD rule reported by the caller rejects it already.
const OBJECT_MATCHES = ['listener', 'routeConfiguration', 'cluster'];
const CLASSES: { applyTo: string[]; match: string; what: string; matchWhat: string }[] = [
  { applyTo: ['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER'], match: 'listener', what: 'listener', matchWhat: 'listener' },
  {
    applyTo: ['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE'],
    match: 'routeConfiguration',
    what: 'http route',
    matchWhat: 'route configuration',
  },
  { applyTo: ['CLUSTER'], match: 'cluster', what: 'cluster', matchWhat: 'cluster' },
];

/** Problems of the match of one patch (at `at`), in the webhook's order. */
export function matchProblems(applyTo: string, match: Record<string, unknown> | undefined, at: PathSegment[]): PatchProblem[] {
  const cls = CLASSES.find((c) => c.applyTo.includes(applyTo));
  if (!cls || !match) return [];
  const other = OBJECT_MATCHES.find((m) => m !== cls.match && isSet(match, m));
  if (other !== undefined && !isSet(match, cls.match)) {
    return [
      {
        path: [...at, 'match', other],
        on: 'key',
        stop: true,
        message:
          `The API server rejects a ${other} match with applyTo ${applyTo}: "applyTo for ${cls.what} class objects cannot have non ${cls.matchWhat} match". ` +
          `Describe the patched object under match.${cls.match}, or change applyTo to the kind of object you match.`,
      },
    ];
  }
  if (cls.match !== 'listener') return [];
  const filter = recordAt(recordAt(recordAt(match, 'listener'), 'filterChain'), 'filter');
  return filter ? filterProblems(applyTo, filter, [...at, 'match', 'listener', 'filterChain', 'filter']) : [];
}

function filterProblems(applyTo: string, filter: Record<string, unknown>, at: PathSegment[]): PatchProblem[] {
  const out: PatchProblem[] = [];
  if (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN') {
    out.push({
      path: at,
      on: 'key',
      warning: true,
      message:
        `The webhook warns: "filter match has no effect when used with ${applyTo}". ` +
        'Match the listener by port or filter chain instead, or use NETWORK_FILTER / HTTP_FILTER to patch the filter itself.',
    });
  }
  const name = stringAt(filter, 'name');
  if (name === '') {
    out.push({
      path: at,
      on: 'key',
      stop: true,
      message:
        'The API server rejects a filter match without a name: "filter match has no name to match on". ' +
        `Add name: with the network filter, e.g. ${HTTP_CONNECTION_MANAGER}.`,
    });
    return out;
  }
  const subFilter = recordAt(filter, 'subFilter');
  if (subFilter) {
    const problem = subFilterProblem(applyTo, name, subFilter, at);
    if (problem) return [...out, problem];
  }
  for (const [value, path] of [
    [name, [...at, 'name']],
    [stringAt(subFilter, 'name'), [...at, 'subFilter', 'name']],
  ] as const) {
    const canonical = canonicalFilterNames(value);
    if (!canonical) continue;
    out.push({
      path: [...path],
      on: 'value',
      warning: true,
      message: `The webhook warns that the filter name "${value}" is deprecated. Write ${canonical.join(' or ')} instead.`,
    });
  }
  return out;
}

function subFilterProblem(applyTo: string, name: string, subFilter: Record<string, unknown>, at: PathSegment[]): PatchProblem | undefined {
  if (applyTo !== 'HTTP_FILTER') {
    return {
      path: [...at, 'subFilter'],
      on: 'key',
      stop: true,
      message:
        `The API server rejects a sub-filter match with applyTo ${applyTo}: "subfilter match can be used with applyTo HTTP_FILTER only". ` +
        'Remove subFilter, or use applyTo: HTTP_FILTER to patch an HTTP filter.',
    };
  }
  if (name !== HTTP_CONNECTION_MANAGER && name !== 'envoy.http_connection_manager') {
    return {
      path: [...at, 'name'],
      on: 'value',
      stop: true,
      message:
        `The API server rejects a sub-filter match under "${name}": "subfilter match requires filter match with ${HTTP_CONNECTION_MANAGER}". ` +
        `HTTP filters live inside the HTTP connection manager; write name: ${HTTP_CONNECTION_MANAGER}.`,
    };
  }
  if (stringAt(subFilter, 'name') !== '') return undefined;
  return {
    path: [...at, 'subFilter'],
    on: 'key',
    stop: true,
    message:
      'The API server rejects a sub-filter match without a name: "subfilter match has no name to match on". ' +
      'Add name: with the HTTP filter, e.g. envoy.filters.http.router.',
  };
}
