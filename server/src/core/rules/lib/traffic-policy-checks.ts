// The checks Istio's webhook makes on a DestinationRule traffic policy outside TLS (validateTrafficPolicy,
// validateConnectionPool, validateLoadBalancer, validateOutlierDetection, validateTunnelSettings), warnings included.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { isSet, listAt, recordAt, stringAt } from './go-values';
import { portProblem, type Problem } from './istio-values';
import { isNetipAddr } from '../../ip-address';
import { fqdnProblem } from './hostnames';
import { localityLbProblems } from './locality-lb';

const POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol'];
const PORT_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'];
const NON_NEGATIVE: [string, string][] = [
  ['http', 'http1MaxPendingRequests'],
  ['http', 'http2MaxRequests'],
  ['http', 'maxRequestsPerConnection'],
  ['http', 'maxRetries'],
  ['http', 'maxConcurrentStreams'],
  ['tcp', 'maxConnections'],
];
const MAGLEV_LIMIT = 5000011;

/** A field counts as set the way the webhook sees it: a message present, a list with items. */
function present(holder: Record<string, unknown>, field: string): boolean {
  return Array.isArray(holder[field]) ? (holder[field] as unknown[]).length > 0 : isSet(holder, field);
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let f = 2; f * f <= n; f++) if (n % f === 0) return false;
  return true;
}

export function trafficPolicyProblems(policy: Record<string, unknown>, path: PathSegment[]): Problem[] {
  const out: Problem[] = [];
  if (!POLICY_FIELDS.some((f) => present(policy, f))) {
    out.push({
      path,
      on: 'key',
      message:
        'The webhook rejects an empty traffic policy: "traffic policy must have at least one field". ' +
        'Set what you mean (connectionPool, loadBalancer, outlierDetection, tls, ...) or remove trafficPolicy.',
    });
    return out;
  }
  if (isSet(policy, 'tunnel') && isSet(policy, 'proxyProtocol')) {
    out.push({
      path: [...path, 'proxyProtocol'],
      on: 'key',
      message:
        'The webhook rejects proxyProtocol together with tunnel: "tunnel and proxyProtocol must not be set together". Keep one of them.',
    });
    return out; // the webhook stops here
  }
  out.push(...sharedProblems(policy, path));
  listAt(policy, 'portLevelSettings').forEach((item, i) => {
    const port = asRecord(item);
    if (!port) return;
    const at: PathSegment[] = [...path, 'portLevelSettings', i];
    if (!PORT_FIELDS.some((f) => present(port, f))) {
      out.push({
        path: at,
        on: 'key',
        message:
          'The webhook rejects a port setting with nothing to set: "port traffic policy must have at least one field". ' +
          'Add connectionPool, loadBalancer, outlierDetection or tls for this port, or remove the entry.',
      });
    } else out.push(...sharedProblems(port, at));
  });
  const tunnel = recordAt(policy, 'tunnel');
  if (tunnel) {
    const protocol = stringAt(tunnel, 'protocol');
    if (protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') {
      out.push({
        path: [...path, 'tunnel', 'protocol'],
        on: 'value',
        message: `The webhook rejects the tunnel protocol "${protocol}": "tunnel protocol must be CONNECT or POST". Write CONNECT (the default) or POST.`,
      });
    }
    const target = tunnel.targetHost;
    const hostProblem = typeof target === 'string' && !isNetipAddr(target) ? fqdnProblem(target) : undefined;
    if (hostProblem) {
      out.push({
        path: [...path, 'tunnel', 'targetHost'],
        on: 'value',
        message:
          `The webhook rejects the tunnel targetHost "${String(target)}": ` +
          `"tunnel target host must be valid FQDN or IP address" (${hostProblem}). ` +
          `Write the host name or IP address of the service to reach through the tunnel.`,
      });
    }
    const port = portProblem(tunnel.targetPort, 'targetPort');
    if (port) out.push({ path: [...path, 'tunnel', 'targetPort'], on: 'value', message: port });
  }
  return out;
}

/** Connection pool, load balancer and outlier detection: the parts a port setting shares with the policy. */
function sharedProblems(policy: Record<string, unknown>, path: PathSegment[]): Problem[] {
  const out: Problem[] = [];
  const pool = recordAt(policy, 'connectionPool');
  if (pool && !isSet(pool, 'http') && !isSet(pool, 'tcp')) {
    out.push({
      path: [...path, 'connectionPool'],
      on: 'key',
      message:
        'The webhook rejects an empty connection pool: "connection pool must have at least one field". Set http or tcp limits, or remove connectionPool.',
    });
  }
  for (const [side, field] of NON_NEGATIVE) {
    const v = recordAt(pool, side)?.[field];
    if (typeof v === 'number' && v < 0) {
      out.push({
        path: [...path, 'connectionPool', side, field],
        on: 'value',
        message: `The webhook rejects ${field}: ${v}: it "must be non-negative". Write 0 or more (leave it out for Istio's default).`,
      });
    }
  }
  const http = recordAt(pool, 'http');
  if (stringAt(http, 'h2UpgradePolicy') === 'UPGRADE' && http?.useClientProtocol === true) {
    out.push({
      path: [...path, 'connectionPool', 'http', 'useClientProtocol'],
      on: 'key',
      message:
        'The webhook rejects useClientProtocol: true with h2UpgradePolicy: UPGRADE: "use client protocol must not be true when H2UpgradePolicy is UPGRADE". ' +
        'Keep one: upgrade every connection to HTTP/2, or follow the client.',
    });
  }
  const hash = recordAt(recordAt(policy, 'loadBalancer'), 'consistentHash');
  const cookie = recordAt(hash, 'httpCookie');
  if (cookie && stringAt(cookie, 'name') === '') {
    out.push({
      path: [...path, 'loadBalancer', 'consistentHash', 'httpCookie'],
      on: 'key',
      message:
        'The webhook rejects an httpCookie without a name: "name required for HttpCookie". Write the cookie name, e.g. name: session.',
    });
  }
  const maglev = recordAt(hash, 'maglev');
  if (maglev) {
    const size = typeof maglev.tableSize === 'number' ? maglev.tableSize : 0;
    if (size === 0 || size >= MAGLEV_LIMIT || !isPrime(size)) {
      out.push({
        path: [...path, 'loadBalancer', 'consistentHash', 'maglev', ...(isSet(maglev, 'tableSize') ? ['tableSize'] : [])],
        on: isSet(maglev, 'tableSize') ? 'value' : 'key',
        message: `The webhook rejects a maglev table size of ${size}: it must be set, a prime number and less than ${MAGLEV_LIMIT}. Write a prime such as 65537 (Envoy's default).`,
      });
    }
  }
  const outlier = recordAt(policy, 'outlierDetection');
  for (const field of ['maxEjectionPercent', 'minHealthPercent']) {
    const v = outlier?.[field];
    if (typeof v === 'number' && (v < 0 || v > 100)) {
      out.push({
        path: [...path, 'outlierDetection', field],
        on: 'value',
        message: `The webhook rejects ${field}: ${v}: "percentage is not in range 0..100". Write a percentage from 0 to 100.`,
      });
    }
  }
  if (typeof outlier?.consecutiveErrors === 'number' && outlier.consecutiveErrors !== 0) {
    out.push({
      path: [...path, 'outlierDetection', 'consecutiveErrors'],
      on: 'key',
      severity: 'warning',
      message:
        'The webhook warns: "outlier detection consecutive errors is deprecated". Write consecutive5xxErrors (any 5xx) or ' +
        'consecutiveGatewayErrors (502, 503, 504) instead.',
    });
  }
  if (typeof hash?.minimumRingSize === 'number' && hash.minimumRingSize !== 0) {
    out.push({
      path: [...path, 'loadBalancer', 'consistentHash', 'minimumRingSize'],
      on: 'key',
      severity: 'warning',
      message:
        'The webhook warns: "consistent hash MinimumRingSize is deprecated". ' +
        'Write ringHash: {minimumRingSize: ...} inside consistentHash instead.',
    });
  }
  if (typeof hash?.minimumRingSize === 'number' && hash.minimumRingSize !== 0 && (isSet(hash, 'ringHash') || isSet(hash, 'maglev'))) {
    out.push({
      path: [...path, 'loadBalancer', 'consistentHash', 'minimumRingSize'],
      on: 'key',
      message:
        'The API server rejects minimumRingSize beside ringHash or maglev ("only one of MinimumRingSize or Maglev/Ringhash can be specified"). ' +
        'Move the size into ringHash.minimumRingSize and remove this key.',
    });
  }
  const lb = recordAt(policy, 'loadBalancer');
  out.push(...localityLbProblems(recordAt(lb, 'localityLbSetting'), outlier !== undefined, [...path, 'loadBalancer', 'localityLbSetting']));
  const localOrigin = outlier?.consecutiveLocalOriginFailures;
  if (typeof localOrigin === 'number' && localOrigin > 0 && outlier?.splitExternalLocalOriginErrors !== true) {
    out.push({
      path: [...path, 'outlierDetection', 'consecutiveLocalOriginFailures'],
      on: 'key',
      message:
        'The webhook rejects consecutiveLocalOriginFailures without splitExternalLocalOriginErrors: true. ' +
        'Add splitExternalLocalOriginErrors: true so local failures are counted apart, or remove consecutiveLocalOriginFailures.',
    });
  }
  return out;
}
