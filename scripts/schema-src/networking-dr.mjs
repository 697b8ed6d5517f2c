// networking.istio.io DestinationRule types (TrafficPolicy and its parts; Sidecar reuses some).
import { arr, bool, concept, enm, int, int32, map, num, obj, ref, str, strMap, strs, uint32 } from './dsl.mjs';

export const N = (name) => `meshlint:networking.istio.io/defs#/definitions/${name}`;
const C = (name) => `meshlint:common/istio#/definitions/${name}`;

const duration = (what) => str(`${what} A duration such as 10s, 500ms or 1h.`);

const connectionPool = obj('Limits on connections and requests to each upstream host (circuit breaking).', {
  tcp: obj('TCP and HTTP connection limits.', {
    maxConnections: int32('Maximum connections to one upstream host (default 2^32-1).'),
    connectTimeout: duration('TCP connect timeout.'),
    tcpKeepalive: obj('TCP keepalive on upstream connections.', {
      probes: uint32('Unanswered probes before the connection is considered dead.'),
      time: duration('Idle time before keepalive probes start.'),
      interval: duration('Time between probes.'),
    }),
    maxConnectionDuration: duration('Upper bound on the lifetime of an upstream connection.'),
    idleTimeout: duration('Close upstream connections idle for this long.'),
  }),
  http: obj('HTTP/1.1 and HTTP/2 limits.', {
    http1MaxPendingRequests: int32('Maximum requests queued while waiting for a connection.'),
    http2MaxRequests: int32('Maximum concurrent requests to the upstream.'),
    maxRequestsPerConnection: int32('Requests per connection before it is closed; 1 disables keepalive.'),
    maxRetries: int32('Maximum concurrent retries across all hosts.'),
    idleTimeout: duration('Close upstream connections with no active request for this long.'),
    h2UpgradePolicy: enm('Whether HTTP/1.1 connections are upgraded to HTTP/2.', ['DEFAULT', 'DO_NOT_UPGRADE', 'UPGRADE']),
    useClientProtocol: bool('Use the protocol the client used (HTTP/1.1 or HTTP/2) towards the upstream.'),
    maxConcurrentStreams: int32('Maximum concurrent streams per HTTP/2 connection.'),
  }),
});

const consistentHash = obj('Sticky sessions: hash a request attribute to pick the same host. Set exactly one hash key.', {
  httpHeaderName: str('Hash on this request header.'),
  httpCookie: obj(
    'Hash on a cookie, creating it when missing.',
    {
      name: str('Cookie name.'),
      path: str('Cookie path.'),
      ttl: duration('Lifetime of the generated cookie.'),
      attributes: arr(
        'Extra cookie attributes.',
        obj(
          'One cookie attribute.',
          {
            name: str('Attribute name.'),
            value: str('Attribute value.'),
          },
          { required: ['name'] },
        ),
      ),
    },
    { required: ['name'] },
  ),
  useSourceIp: bool('Hash on the source IP address.'),
  httpQueryParameterName: str('Hash on this query parameter.'),
  ringHash: obj('Use the ring hash algorithm.', { minimumRingSize: int('Minimum ring size.', { minimum: 0 }) }),
  maglev: obj('Use the Maglev algorithm.', { tableSize: int('Lookup table size (a prime number).', { minimum: 0 }) }),
  minimumRingSize: int('Deprecated: use ringHash.minimumRingSize.', { minimum: 0 }),
});

const localityLb = obj('Locality-aware load balancing and failover.', {
  distribute: arr(
    'Explicit traffic split between localities.',
    obj('Split for traffic from one locality.', {
      from: str('Origin locality region/zone/subzone; * wildcards allowed.'),
      to: map('Destination localities and their percentage weights (summing to 100).', uint32()),
    }),
  ),
  failover: arr(
    'Where traffic goes when a region has no healthy endpoints.',
    obj('One failover pair.', {
      from: str('Origin region.'),
      to: str('Region to fail over to.'),
    }),
  ),
  failoverPriority: strs('Ordered labels used to prefer endpoints that share them with the client.'),
  enabled: bool('Turn locality load balancing on or off here, overriding the mesh setting.'),
});

const loadBalancer = obj('How requests are spread over the hosts. Set simple or consistentHash, not both.', {
  simple: enm('Standard algorithm.', ['UNSPECIFIED', 'LEAST_CONN', 'RANDOM', 'PASSTHROUGH', 'ROUND_ROBIN', 'LEAST_REQUEST']),
  consistentHash,
  localityLbSetting: localityLb,
  warmupDurationSecs: duration('Deprecated: slow-start window for new hosts; use warmup.duration.'),
  warmup: obj(
    'Slow start: new hosts get gradually more traffic.',
    {
      duration: duration('Length of the warm-up window.'),
      minimumPercent: num('Traffic share a new host starts at, 0..100.', { minimum: 0, maximum: 100 }),
      aggression: num('Shape of the ramp; 1 is linear.', { minimum: 0 }),
    },
    { required: ['duration'] },
  ),
});

const outlierDetection = obj('Ejects hosts that keep failing from the load-balancing pool.', {
  splitExternalLocalOriginErrors: bool('Count local failures (timeouts, resets) separately from upstream 5xx.'),
  consecutiveLocalOriginFailures: uint32('Local failures before ejection, with splitExternalLocalOriginErrors.'),
  consecutiveGatewayErrors: uint32('502/503/504 responses in a row before ejection.'),
  consecutive5xxErrors: uint32('5xx responses in a row before ejection (0 disables).'),
  consecutiveErrors: int32('Deprecated: use consecutive5xxErrors.'),
  interval: duration('Time between ejection sweeps.'),
  baseEjectionTime: duration('Minimum ejection time; grows with each ejection.'),
  maxEjectionPercent: int32('Maximum share of hosts that may be ejected, in percent.'),
  minHealthPercent: int32('Outlier detection stops when fewer than this percentage of hosts are healthy.'),
});

const clientTls = concept(
  'destination-rule-tls',
  obj(
    'TLS the client sidecar uses towards the destination. For traffic inside the mesh use ISTIO_MUTUAL (or leave it out: auto mTLS picks it).',
    {
      mode: concept(
        'destination-rule-tls',
        enm(
          'ISTIO_MUTUAL: mesh mTLS with Istio-issued workload certificates (the zero-trust default). DISABLE: plaintext, which a STRICT destination rejects. ' +
            'SIMPLE: one-way TLS to an external server; MUTUAL: TLS with your own client certificate. SIMPLE and MUTUAL need a CA (caCertificates or credentialName) to verify the server.',
          ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'],
        ),
      ),
      clientCertificate: str('Path of the client certificate file for MUTUAL mode (inside the proxy).'),
      privateKey: str('Path of the client private key file for MUTUAL mode (inside the proxy).'),
      caCertificates: concept(
        'destination-rule-tls',
        str('Path of the CA bundle used to verify the server certificate. Without it (or credentialName) the server is not authenticated.'),
      ),
      credentialName: concept(
        'gateway-credentials',
        str('Kubernetes Secret holding the client certificate, key and CA (egress gateways and sidecars with secret access).'),
      ),
      subjectAltNames: concept(
        'workload-identity',
        strs('Accepted identities in the server certificate; restricts which servers are trusted.'),
      ),
      sni: str('SNI sent in the TLS handshake.'),
      insecureSkipVerify: concept(
        'destination-rule-tls',
        bool(
          'Skip server certificate and SAN verification. Turns TLS into encryption without authentication: anyone on the path can impersonate the server.',
        ),
      ),
      caCrl: str('Path of a certificate revocation list used when verifying the server.'),
    },
  ),
);

const portSelector = obj('Port the settings apply to.', { number: uint32('Port number.') });

const trafficPolicyBase = {
  loadBalancer: ref(N('LoadBalancerSettings')),
  connectionPool: ref(N('ConnectionPoolSettings')),
  outlierDetection: ref(N('OutlierDetection')),
  tls: ref(N('ClientTLSSettings')),
};

const trafficPolicy = obj('Load balancing, connection limits, outlier detection and TLS for traffic to the destination.', {
  ...trafficPolicyBase,
  portLevelSettings: arr(
    'Overrides for individual ports; they replace, not merge with, the top-level settings.',
    obj('Settings for one port.', { port: portSelector, ...trafficPolicyBase }),
    { maxItems: 4096 },
  ),
  tunnel: obj(
    'Tunnel TCP over HTTP CONNECT or POST through a proxy.',
    {
      protocol: str('CONNECT (default) or POST.'),
      targetHost: str('Host to tunnel to.'),
      targetPort: uint32('Port to tunnel to.'),
    },
    { required: ['targetHost', 'targetPort'] },
  ),
  proxyProtocol: obj('Send the PROXY protocol header upstream.', { version: enm('PROXY protocol version.', ['V1', 'V2']) }),
  retryBudget: obj('Cap on concurrent retries relative to active requests.', {
    percent: num('Retries allowed as a percentage of active requests, 0..100.', { minimum: 0, maximum: 100 }),
    minRetryConcurrency: uint32('Retries always allowed regardless of percent.'),
  }),
});

const subset = obj(
  'A named group of endpoints (e.g. a version) that routes can target.',
  {
    name: str('Subset name referenced from VirtualService routes.'),
    labels: strMap('Endpoint labels that select the members of the subset.'),
    trafficPolicy: ref(N('TrafficPolicy'), 'Policy for this subset; overrides the top-level one.'),
  },
  { required: ['name'] },
);

const destinationRuleSpec = concept(
  'destination-rule-tls',
  obj(
    'Policies applied to traffic for a service after routing: TLS towards it, load balancing, connection limits and subsets.',
    {
      host: str(
        "Service the rule applies to: a short name (resolved in the rule's namespace) or, better, a fully qualified name like reviews.shop.svc.cluster.local.",
      ),
      trafficPolicy: ref(N('TrafficPolicy')),
      subsets: arr("Named subsets of the service's endpoints.", subset),
      exportTo: strs('Namespaces that see this rule: "." for its own, "*" for all (default).'),
      workloadSelector: ref(C('WorkloadSelector'), 'Limits the rule to these client workloads (only in the same namespace).'),
    },
    { required: ['host'] },
  ),
);

export const destinationRuleDefs = {
  ConnectionPoolSettings: connectionPool,
  LoadBalancerSettings: loadBalancer,
  OutlierDetection: outlierDetection,
  ClientTLSSettings: clientTls,
  TrafficPolicy: trafficPolicy,
  DestinationRuleSpec: destinationRuleSpec,
};
