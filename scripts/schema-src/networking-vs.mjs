// networking.istio.io VirtualService types.
import { arr, bool, enm, int32, map, num, obj, ref, str, strMap, strs, uint32 } from './dsl.mjs';
import { N } from './networking-dr.mjs';
import { BASE64 } from './cert-manager.mjs';

const stringMatch = obj('String match: set exactly one of exact, prefix or regex (RE2).', {
  exact: str('Exact value.'),
  prefix: str('Prefix.'),
  regex: str('RE2 regular expression matching the whole value.'),
});

const destination = obj(
  'A service (and optionally subset and port) to send traffic to.',
  {
    host: str('Service name from the registry; prefer the fully qualified name, e.g. reviews.shop.svc.cluster.local.'),
    subset: str('Subset defined in the DestinationRule for this host.'),
    port: obj('Port of the destination service.', { number: uint32('Port number.') }),
  },
  { required: ['host'] },
);

const headerOps = obj('Header changes.', {
  set: strMap('Headers to set, replacing existing values.'),
  add: strMap('Headers to append.'),
  remove: strs('Headers to remove.'),
});
const headers = obj('Header changes on the request and on the response.', {
  request: ref(N('HeaderOperations')),
  response: ref(N('HeaderOperations')),
});
const percent = obj('A percentage, 0.0 to 100.0.', { value: num('Percentage.') });

const matchLabelsSource = {
  sourceLabels: strMap('Only match requests from workloads with these labels.'),
  sourceNamespace: str('Only match requests from this namespace.'),
  gateways: strs('Only match traffic on these gateways (overrides the top-level gateways).'),
  port: uint32('Only match traffic to this port.'),
};

const httpMatch = obj('Conditions on the request; all set fields must match.', {
  name: str('Name of the match, used in logs.'),
  uri: ref(N('StringMatch'), 'Request path.'),
  scheme: ref(N('StringMatch'), 'URI scheme.'),
  method: ref(N('StringMatch'), 'HTTP method.'),
  authority: ref(N('StringMatch'), 'Host / :authority.'),
  headers: map('Header conditions, keyed by lower-case header name.', ref(N('StringMatch'))),
  withoutHeaders: map('Headers that must not match.', ref(N('StringMatch'))),
  queryParams: map('Query parameter conditions.', ref(N('StringMatch'))),
  ignoreUriCase: bool('Match uri case-insensitively.'),
  statPrefix: str('Stat prefix for the route.'),
  ...matchLabelsSource,
});

const httpRoute = obj('Rules for HTTP traffic; the first rule whose match fits is used.', {
  name: str('Name of the route, used in logs.'),
  match: arr('Conditions; any one may match. Omitted matches everything.', httpMatch),
  route: arr(
    'Weighted destinations.',
    obj(
      'A destination with a weight.',
      {
        destination: ref(N('Destination')),
        weight: int32('Relative share of traffic.'),
        headers: ref(N('Headers')),
      },
      { required: ['destination'] },
    ),
  ),
  redirect: obj('Answer with a redirect instead of routing. Set port or derivePort, not both.', {
    uri: str('Replacement path.'),
    authority: str('Replacement host.'),
    port: uint32('Replacement port.'),
    derivePort: enm('Take the port from the protocol default or from the request.', ['FROM_PROTOCOL_DEFAULT', 'FROM_REQUEST_PORT']),
    scheme: str('Replacement scheme, e.g. https.'),
    redirectCode: uint32('Status code; default 301.'),
  }),
  directResponse: obj(
    'Answer directly with a fixed response.',
    {
      status: uint32('HTTP status code.'),
      body: obj('Response body: set string or bytes.', {
        string: str('Body as text.'),
        bytes: str('Body as base64-encoded bytes.', { pattern: BASE64 }),
      }),
    },
    { required: ['status'] },
  ),
  delegate: obj('Hand the route over to another VirtualService.', {
    name: str('Name of the delegate VirtualService.'),
    namespace: str('Its namespace; default the same.'),
  }),
  rewrite: obj('Rewrite the request before forwarding.', {
    uri: str('Replace the matched path prefix.'),
    authority: str('Replace the Host / :authority header.'),
    uriRegexRewrite: obj('Regex rewrite of the path.', {
      match: str('RE2 regular expression.'),
      rewrite: str('Replacement, with \\1-style groups.'),
    }),
  }),
  timeout: str('Request timeout, e.g. 10s; disabled by default.'),
  retries: obj('Retry policy.', {
    attempts: int32('Maximum retries.'),
    perTryTimeout: str('Timeout per attempt.'),
    retryOn: str('Comma-separated retry conditions, e.g. 5xx,connect-failure.'),
    retryRemoteLocalities: bool('Retry in other localities.'),
    retryIgnorePreviousHosts: bool('Avoid hosts already tried.'),
    backoff: str('Base interval between retries.'),
  }),
  fault: obj('Inject faults to test resilience.', {
    delay: obj('Delay requests. Set fixedDelay or exponentialDelay.', {
      fixedDelay: str('Fixed delay, e.g. 5s.'),
      exponentialDelay: str('Not supported.'),
      percentage: ref(N('Percent')),
      percent: int32('Deprecated: use percentage.'),
    }),
    abort: obj('Abort requests. Set one of httpStatus, grpcStatus or http2Error.', {
      httpStatus: int32('HTTP status code to return.'),
      grpcStatus: str('gRPC status to return, e.g. UNAVAILABLE.'),
      http2Error: str('Not supported.'),
      percentage: ref(N('Percent')),
    }),
  }),
  mirror: ref(N('Destination'), 'Copy requests to this destination as well (responses ignored).'),
  mirrors: arr(
    'Several mirror destinations.',
    obj(
      'A mirror destination.',
      {
        destination: ref(N('Destination')),
        percentage: ref(N('Percent')),
      },
      { required: ['destination'] },
    ),
  ),
  mirrorPercentage: ref(N('Percent'), 'Share of requests mirrored; default 100.'),
  mirrorPercent: uint32('Deprecated: use mirrorPercentage.'),
  mirror_percent: uint32('Deprecated: use mirrorPercentage.'),
  corsPolicy: obj('CORS policy.', {
    allowOrigins: arr('Allowed origins.', ref(N('StringMatch'))),
    allowOrigin: strs('Deprecated: use allowOrigins.'),
    allowMethods: strs('Allowed methods.'),
    allowHeaders: strs('Allowed request headers.'),
    exposeHeaders: strs('Headers browsers may read.'),
    maxAge: str('How long preflight results may be cached.'),
    allowCredentials: bool('Allow credentialed requests.'),
    unmatchedPreflights: enm('What to do with preflight requests from origins that do not match.', ['UNSPECIFIED', 'FORWARD', 'IGNORE']),
  }),
  headers: ref(N('Headers')),
});

const l4Match = (d, extra, opts) =>
  obj(
    d,
    {
      destinationSubnets: strs('Destination IPs or subnets.'),
      ...matchLabelsSource,
      ...extra,
    },
    opts,
  );
const routeDestination = obj(
  'A destination with a weight.',
  {
    destination: ref(N('Destination')),
    weight: int32('Relative share of traffic.'),
  },
  { required: ['destination'] },
);

const virtualServiceSpec = obj('How requests for a set of hosts are routed: matching, splitting, retries, rewrites and faults.', {
  hosts: strs(
    "Hosts this routing applies to: service names or external host names. Short names are resolved in the VirtualService's namespace.",
  ),
  gateways: strs('Gateways (namespace/name) and/or the reserved word mesh (all sidecars) this applies to; default mesh.'),
  http: arr('Routes for HTTP, HTTP/2 and gRPC traffic.', httpRoute),
  tls: arr(
    'Routes for TLS traffic that is passed through, by SNI.',
    obj(
      'A TLS passthrough route.',
      {
        match: arr(
          'Conditions; any one may match.',
          l4Match(
            'Conditions on the TLS connection.',
            {
              sniHosts: strs('SNI values to match.'),
            },
            { required: ['sniHosts'] },
          ),
        ),
        route: arr('Destinations.', routeDestination),
      },
      { required: ['match'] },
    ),
  ),
  tcp: arr(
    'Routes for opaque TCP traffic.',
    obj('A TCP route.', {
      match: arr(
        'Conditions; any one may match.',
        l4Match('Conditions on the TCP connection.', {
          sourceSubnet: str('Deprecated source subnet.'),
        }),
      ),
      route: arr('Destinations.', routeDestination),
    }),
  ),
  exportTo: strs('Namespaces that see this routing: "." for its own, "*" for all (default).'),
});

export const virtualServiceDefs = {
  StringMatch: stringMatch,
  Destination: destination,
  HeaderOperations: headerOps,
  Headers: headers,
  Percent: percent,
  VirtualServiceSpec: virtualServiceSpec,
};
