// Istio durations below one millisecond: the CRDs' CEL rules `duration(self) >= duration('1ms')`
// reject them, and the webhook's ValidateDuration also rejects a fraction of a millisecond.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { parseDurationNanos } from '../duration';

const MS = 1_000_000n;

interface Site {
  /** Dot path; "*" is every list item. */
  at: string;
  /** Whether the webhook's ValidateDuration checks it too (whole milliseconds only). */
  webhook: boolean;
  /**
   * tcp.idleTimeout only: 0s turns the timeout off. Its CRD field has no CEL rule, and validateConnectionPool
   * skips ValidateDuration when the value is under a millisecond either way (Milliseconds() == 0).
   */
  zeroDisables?: boolean;
}

const POOL = [
  ['connectionPool.http.idleTimeout', true],
  ['connectionPool.tcp.connectTimeout', true],
  ['connectionPool.tcp.maxConnectionDuration', true],
  ['connectionPool.tcp.idleTimeout', true, true],
  ['connectionPool.tcp.tcpKeepalive.time', true],
  ['connectionPool.tcp.tcpKeepalive.interval', true],
] as const;
const POLICY = [
  ...POOL,
  ['outlierDetection.baseEjectionTime', true],
  ['outlierDetection.interval', true],
  ['loadBalancer.warmupDurationSecs', true],
  ['loadBalancer.warmup.duration', false],
] as const;
const POLICIES = ['spec.trafficPolicy', 'spec.trafficPolicy.portLevelSettings.*', 'spec.subsets.*.trafficPolicy'];
POLICIES.push('spec.subsets.*.trafficPolicy.portLevelSettings.*');

const SITES: Record<string, Site[]> = {
  'networking.istio.io/DestinationRule': POLICIES.flatMap((p) =>
    POLICY.map(([f, webhook, zeroDisables]: readonly [string, boolean, boolean?]) => ({ at: `${p}.${f}`, webhook, zeroDisables })),
  ),
  'networking.istio.io/Sidecar': ['spec.inboundConnectionPool', 'spec.ingress.*.connectionPool'].flatMap((p) =>
    POOL.map(([f, webhook, zeroDisables]: readonly [string, boolean, boolean?]) => ({
      at: `${p}.${f.replace(/^connectionPool\./, '')}`,
      webhook,
      zeroDisables,
    })),
  ),
  'networking.istio.io/VirtualService': [
    'timeout',
    'retries.perTryTimeout',
    'retries.backoff',
    'fault.delay.fixedDelay',
    'fault.delay.exponentialDelay',
    'corsPolicy.maxAge',
  ].map((f) => ({ at: `spec.http.*.${f}`, webhook: true })), // validateHTTPRoute runs agent.ValidateDuration on each
  'telemetry.istio.io/Telemetry': [{ at: 'spec.metrics.*.reportingInterval', webhook: false }],
};

/** The sites' dot paths split once, not for every document. */
const SPLIT_SITES = new Map(Object.entries(SITES).map(([kind, sites]) => [kind, sites.map((s) => ({ ...s, steps: s.at.split('.') }))]));

interface Found {
  text: string;
  path: PathSegment[];
}

/**
 * Every string at `pattern` (from step `depth` on) in `value`, with its data path, in document
 * order; `path` is the way so far, shared by the whole walk and copied only for a string found.
 */
function strings(value: unknown, pattern: readonly string[], depth: number, path: PathSegment[], out: Found[]): void {
  if (depth === pattern.length) {
    if (typeof value === 'string') out.push({ text: value, path: [...path] });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const head = pattern[depth];
  if (Array.isArray(value)) {
    if (head !== '*') return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      strings(value[i], pattern, depth + 1, path, out);
      path.pop();
    }
    return;
  }
  const obj = value as Record<string, unknown>;
  if (!(head in obj)) return;
  path.push(head);
  strings(obj[head], pattern, depth + 1, path, out);
  path.pop();
}

export const rule: DocumentRule = {
  meta: {
    id: 'istio-duration-milliseconds',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'An Istio timeout or interval below 1ms (or, where the webhook checks it, not in whole milliseconds).',
    fixable: false,
  },
  kinds: Object.keys(SITES),
  check(ctx) {
    const found: Found[] = [];
    for (const site of SPLIT_SITES.get(`${ctx.resource.group}/${ctx.resource.kind}`) ?? []) {
      found.length = 0;
      strings(ctx.value, site.steps, 0, [], found);
      for (const { text, path } of found) {
        const nanos = parseDurationNanos(text);
        if (nanos === undefined) continue; // not a duration at all: the schema says so
        const field = String(path[path.length - 1]);
        if (site.zeroDisables && nanos > -MS && nanos < MS) continue;
        if (nanos < MS) {
          ctx.report({
            path,
            message:
              `The API server rejects ${field}: ${text}: "duration must be greater than 1ms". ` +
              `Write at least 1ms${field === 'timeout' ? '; to wait without limit, remove timeout (routes have no timeout by default)' : ''}.`,
          });
        } else if (site.webhook && nanos % MS !== 0n) {
          ctx.report({
            path,
            message: `The webhook rejects ${field}: ${text}: "only durations to ms precision are supported". Round it to whole milliseconds, e.g. ${nanos / MS}ms.`,
          });
        }
      }
    }
  },
};
