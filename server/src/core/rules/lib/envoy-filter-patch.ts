// The webhook's checks of one EnvoyFilter config patch (ValidateEnvoyFilter in Istio's
// pkg/config/validation/envoyfilter/envoyfilter.go), in its order: a patch it rejects is not checked
// further. Checks that need Envoy's proto descriptors (does the value convert to the xDS type?) are
// not made; see docs/upstream-validation.md.
import { RE2JS } from 're2js';
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { isSet, recordAt, stringAt } from './go-values';
import { matchProblems, type PatchProblem } from './envoy-filter-listener-match';
import { waypointPatchProblems } from './envoy-filter-waypoint';

/** Envoy filter packages renamed between the v2 and v3 APIs (the rest kept their names). */
const V3_PACKAGE: Record<string, string> = {
  rate_limit: 'ratelimit',
  local_rate_limit: 'local_ratelimit',
  transcoder: 'grpc_json_transcoder',
};

/** The applyTo values whose patched object is a filter with a typed_config at its top level. */
const TYPED_FILTERS = ['HTTP_FILTER', 'NETWORK_FILTER', 'LISTENER_FILTER', 'EXTENSION_CONFIG'];

export function patchProblems(item: unknown, at: PathSegment[]): PatchProblem[] {
  const patch = asRecord(item);
  // A null patch ("null config patch") is empty-required-value's: the schema refuses it before the webhook.
  if (!patch) return [];
  const match = recordAt(patch, 'match');
  if (stringAt(match, 'context') === 'WAYPOINT') return waypointPatchProblems(patch, at);
  const applyTo = stringAt(patch, 'applyTo');
  if (applyTo === '' || applyTo === 'INVALID') {
    return [
      {
        path: applyTo === '' ? at : [...at, 'applyTo'],
        on: 'value',
        message:
          'The API server rejects a config patch without applyTo: "missing applyTo". ' +
          'Add applyTo: with the kind of object to patch, e.g. HTTP_FILTER, NETWORK_FILTER, CLUSTER or HTTP_ROUTE.',
      },
    ];
  }
  const body = recordAt(patch, 'patch');
  const operation = stringAt(body, 'operation');
  if (!body || operation === '' || operation === 'INVALID') {
    return [
      {
        path: body ? [...at, 'patch'] : at,
        on: body ? 'key' : 'value',
        message: body
          ? 'The API server rejects a patch without an operation: "missing patch operation". Add operation:, e.g. MERGE, ADD, INSERT_BEFORE or REMOVE.'
          : 'The API server rejects a config patch without patch: "missing patch". Add patch: with an operation (and a value unless it is REMOVE).',
      },
    ];
  }
  if (operation !== 'REMOVE' && !isSet(body, 'value')) {
    return [
      {
        path: [...at, 'patch', 'operation'],
        on: 'value',
        message:
          `The API server rejects ${operation} without a value: "missing patch value for non-remove operation". ` +
          'Add value: with the Envoy configuration to write, or use operation: REMOVE.',
      },
    ];
  }
  const version = stringAt(recordAt(match, 'proxy'), 'proxyVersion');
  const regexError = version === '' ? undefined : compileError(version);
  if (regexError !== undefined) {
    return [
      {
        path: [...at, 'match', 'proxy', 'proxyVersion'],
        on: 'value',
        message:
          `The API server rejects proxyVersion "${version}": it must be a Go (RE2) regular expression (${regexError}). ` +
          'Escape literal dots and pluses, e.g. ^1\\.30.*',
      },
    ];
  }
  const problems = matchProblems(applyTo, match, at);
  if (problems.some((p) => p.stop === true)) return problems;
  return [...problems, ...valueProblems(applyTo, recordAt(body, 'value'), [...at, 'patch', 'value'])];
}

function compileError(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The parts of the value's check that need no proto descriptors: the patched filter's own typed_config. */
function valueProblems(applyTo: string, value: Record<string, unknown> | undefined, at: PathSegment[]): PatchProblem[] {
  if (!value || !TYPED_FILTERS.includes(applyTo)) return [];
  const key = ['typed_config', 'typedConfig'].find((k) => isSet(value, k));
  if (key === undefined) {
    if (isSet(value, 'config_discovery') || isSet(value, 'configDiscovery')) return [];
    return [
      {
        path: at,
        on: 'key',
        warning: true,
        message:
          'The webhook warns: "using deprecated types by name without typed_config". Envoy is dropping the lookup of filters by name; ' +
          'add typed_config: with the filter\'s "@type", e.g. type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua.',
      },
    ];
  }
  const type = stringAt(recordAt(value, key), '@type');
  const name = type.slice(type.lastIndexOf('/') + 1);
  if (!name.startsWith('envoy.') || !name.includes('.v2.')) return [];
  // v2 filter configs moved from envoy.config.filter.<http|network|listener>.<name>.v2 to
  // envoy.extensions.filters.<...>.<name>.v3 (the message keeps its name); other v2 types get an example.
  // A few packages were renamed on the way (rate_limit -> ratelimit, transcoder -> grpc_json_transcoder).
  const v3 = /^envoy\.config\.filter\.(http|network|listener)\.([a-z0-9_]+)\.v2\.([A-Za-z0-9]+)$/.exec(name);
  const example = v3
    ? `type.googleapis.com/envoy.extensions.filters.${v3[1]}.${V3_PACKAGE[v3[2]] ?? v3[2]}.v3.${v3[3]}`
    : 'type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz';
  return [
    {
      path: [...at, key, '@type'],
      on: 'value',
      message:
        `The API server rejects "${type}": "referenced type unknown (hint: try using the v3 XDS API)"; Istio no longer knows Envoy's v2 API. ` +
        `Write the v3 type, ${v3 ? 'probably' : 'e.g.'} ${example}.`,
    },
  ];
}
