// Fields of Istio's API that are alternatives (protobuf oneofs): the CRDs encode them as oneOf
// schemas, so the API server rejects an object that sets two of them.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';

interface Group {
  /** Data path; "*" matches any list index or map key. */
  at: string;
  fields: string[];
}

const LB = [
  'spec.trafficPolicy',
  'spec.trafficPolicy.portLevelSettings.*',
  'spec.subsets.*.trafficPolicy',
  'spec.subsets.*.trafficPolicy.portLevelSettings.*',
];
const STRING_MATCHES = ['uri', 'scheme', 'method', 'authority', 'headers.*', 'withoutHeaders.*', 'queryParams.*'].map(
  (f) => `spec.http.*.match.*.${f}`,
);
const EXACT_PREFIX_REGEX = ['exact', 'prefix', 'regex'];

const GROUPS: Record<string, Group[]> = {
  'networking.istio.io/DestinationRule': LB.flatMap((p) => [
    { at: `${p}.loadBalancer`, fields: ['simple', 'consistentHash'] },
    { at: `${p}.loadBalancer.consistentHash`, fields: ['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'] },
    { at: `${p}.loadBalancer.consistentHash`, fields: ['ringHash', 'maglev'] },
  ]),
  'networking.istio.io/VirtualService': [
    ...STRING_MATCHES.map((at) => ({ at, fields: EXACT_PREFIX_REGEX })),
    { at: 'spec.http.*.corsPolicy.allowOrigins.*', fields: EXACT_PREFIX_REGEX },
    { at: 'spec.http.*.redirect', fields: ['port', 'derivePort'] },
    { at: 'spec.http.*.fault.delay', fields: ['fixedDelay', 'exponentialDelay'] },
    { at: 'spec.http.*.fault.abort', fields: ['httpStatus', 'grpcStatus', 'http2Error'] },
  ],
  'networking.istio.io/WorkloadGroup': [{ at: 'spec.probe', fields: ['httpGet', 'tcpSocket', 'grpc', 'exec'] }],
  'extensions.istio.io/TrafficExtension': [{ at: 'spec', fields: ['wasm', 'lua'] }],
  'networking.istio.io/EnvoyFilter': [
    { at: 'spec.configPatches.*.match', fields: ['listener', 'routeConfiguration', 'cluster', 'waypoint'] },
  ],
  'telemetry.istio.io/Telemetry': [
    { at: 'spec.tracing.*.customTags.*', fields: ['literal', 'environment', 'header', 'formatter'] },
    { at: 'spec.metrics.*.overrides.*.match', fields: ['metric', 'customMetric'] },
  ],
};

/** Each kind's groups with their paths split once, at load: the rule runs on every matching document. */
const SPLIT = new Map<string, (Group & { steps: readonly string[] })[]>(
  Object.entries(GROUPS).map(([kind, groups]) => [kind, groups.map((g) => ({ ...g, steps: g.at.split('.') }))]),
);

/** Every object in `value` that `pattern` (from step `at` on) reaches, with its data path, into `out`. */
function reach(
  value: unknown,
  pattern: readonly string[],
  at: number,
  path: PathSegment[],
  out: { node: Record<string, unknown>; path: PathSegment[] }[],
): void {
  if (value === null || typeof value !== 'object') return;
  if (at === pattern.length) {
    if (!Array.isArray(value)) out.push({ node: value as Record<string, unknown>, path });
    return;
  }
  const head = pattern[at];
  if (Array.isArray(value)) {
    if (head === '*') value.forEach((item, i) => reach(item, pattern, at + 1, [...path, i], out));
    return;
  }
  const obj = value as Record<string, unknown>;
  if (head === '*') for (const k of Object.keys(obj)) reach(obj[k], pattern, at + 1, [...path, k], out);
  else if (head in obj) reach(obj[head], pattern, at + 1, [...path, head], out);
}

export const rule: DocumentRule = {
  meta: {
    id: 'istio-exclusive-fields',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Two Istio fields that are alternatives are set together (e.g. simple and consistentHash, exact and prefix).',
    fixable: false,
  },
  kinds: Object.keys(GROUPS),
  check(ctx) {
    for (const group of SPLIT.get(`${ctx.resource.group}/${ctx.resource.kind}`) ?? []) {
      const found: { node: Record<string, unknown>; path: PathSegment[] }[] = [];
      reach(ctx.value, group.steps, 0, [], found);
      for (const { node, path } of found) {
        // In the order the author wrote them: the later ones are the extra ones.
        const set = Object.keys(node).filter((f) => group.fields.includes(f) && node[f] !== null);
        for (const extra of set.slice(1)) {
          ctx.report({
            path: [...path, extra],
            on: 'key',
            message: `The API server rejects ${extra} together with ${set[0]}: they are alternatives (${group.fields.join(', ')}), so only one may be set. Keep the one you mean and remove the other.`,
          });
        }
      }
    }
  },
};
