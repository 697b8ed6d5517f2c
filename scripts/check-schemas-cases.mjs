// Hand-written documents for check-schemas.mjs: mutations of each kind's first fixture document.
// `ours` / `oracle`: expected verdicts (oracle defaults to ours). Where they differ, `note` says why.

// Known ways the oracle (@kubernetes-models compiled validators) differs from the API server and from us.
const UNKNOWN = 'oracle ignores unknown fields; kubectl strict field validation rejects them, so do we';
const NULLABLE = 'oracle accepts null for optional fields (the API server prunes it); we ask for the declared type';
const ONE_OF = 'Istio "only one of" groups are left to the engine rules (no oneOf in our schemas); the oracle enforces them';

export const genericCases = (entry) => [
  { name: 'wrong apiVersion', ops: [['set', '/apiVersion', `${entry.group}/v9`]], ours: false },
  { name: 'missing kind', ops: [['del', '/kind']], ours: false },
  { name: 'spec is a string', ops: [['set', '/spec', 'text']], ours: false },
  { name: 'metadata.name is a number', ops: [['set', '/metadata/name', 5]], ours: false },
  { name: 'label value is a number', ops: [['set', '/metadata/labels', { app: 1 }]], ours: false },
  { name: 'unknown top-level field', ops: [['set', '/specs', {}]], ours: false, oracle: true, note: UNKNOWN },
  { name: 'unknown field in spec', ops: [['set', '/spec/unknownField', true]], ours: false, oracle: true, note: UNKNOWN },
  { name: 'unknown field in metadata', ops: [['set', '/metadata/lables', {}]], ours: false, oracle: true, note: UNKNOWN },
  { name: 'status is free-form', ops: [['set', '/status', { conditions: [] }]], ours: true },
];

const ISTIO_NET = ['v1', 'v1beta1', 'v1alpha3'];
const c = (kinds, name, ops, ours, extra = {}) => ({ kinds: [].concat(kinds), name, ops, ours, ...extra });

export const cases = [
  // ---- PeerAuthentication
  c('PeerAuthentication', 'mode in lower case', [['set', '/spec/mtls/mode', 'strict']], false),
  c('PeerAuthentication', 'mode null', [['set', '/spec/mtls/mode', null]], false),
  c('PeerAuthentication', 'mtls null', [['set', '/spec/mtls', null]], false, { oracle: true, note: NULLABLE }),
  c('PeerAuthentication', 'empty portLevelMtls', [['set', '/spec/portLevelMtls', {}]], false),
  c('PeerAuthentication', 'port-level DISABLE', [['set', '/spec/portLevelMtls', { 8080: { mode: 'DISABLE' } }]], true),
  c('PeerAuthentication', 'port-level mode wrong', [['set', '/spec/portLevelMtls', { 8080: { mode: 'OFF' } }]], false),
  c('PeerAuthentication', 'label value over 63 chars', [['set', '/spec/selector', { matchLabels: { app: 'x'.repeat(64) } }]], false),
  c('PeerAuthentication', 'selector labels list', [['set', '/spec/selector', { matchLabels: ['app'] }]], false),
  // ---- AuthorizationPolicy
  c('AuthorizationPolicy', 'action lower case', [['set', '/spec/action', 'allow']], false),
  c(
    'AuthorizationPolicy',
    'ALLOW with rules',
    [['set', '/spec/rules', [{ from: [{ source: { principals: ['cluster.local/ns/a/sa/b'] } }] }]]],
    true,
  ),
  c('AuthorizationPolicy', 'empty rule', [['set', '/spec/rules', [{}]]], true),
  c('AuthorizationPolicy', 'ports as numbers', [['set', '/spec/rules', [{ to: [{ operation: { ports: [8080] } }] }]]], false),
  c('AuthorizationPolicy', 'condition without key', [['set', '/spec/rules', [{ when: [{ values: ['a'] }] }]]], false),
  c(
    'AuthorizationPolicy',
    '17 serviceAccounts',
    [['set', '/spec/rules', [{ from: [{ source: { serviceAccounts: Array.from({ length: 17 }, (_, i) => `ns/sa${i}`) } }] }]]],
    false,
  ),
  c(
    'AuthorizationPolicy',
    'principals not a list',
    [['set', '/spec/rules', [{ from: [{ source: { principals: 'cluster.local/ns/a/sa/b' } }] }]]],
    false,
  ),
  c('AuthorizationPolicy', 'targetRef without name', [['set', '/spec/targetRef', { kind: 'Gateway' }]], false),
  c('AuthorizationPolicy', 'targetRefs kind with a dot', [['set', '/spec/targetRefs', [{ kind: 'Gate.way', name: 'g' }]]], false),
  c(
    'AuthorizationPolicy',
    'CUSTOM with provider',
    [
      ['set', '/spec/action', 'CUSTOM'],
      ['set', '/spec/provider', { name: 'ext' }],
    ],
    true,
  ),
  c('AuthorizationPolicy', 'provider name a number', [['set', '/spec/provider', { name: 3 }]], false),
  // ---- RequestAuthentication
  c('RequestAuthentication', 'empty jwksUri', [['set', '/spec/jwtRules/0/jwksUri', '']], false),
  c(
    'RequestAuthentication',
    'header name with a space',
    [['set', '/spec/jwtRules/0/outputClaimToHeaders', [{ header: 'x user', claim: 'sub' }]]],
    false,
  ),
  c('RequestAuthentication', 'fromHeaders without name', [['set', '/spec/jwtRules/0/fromHeaders', [{ prefix: 'Bearer ' }]]], false),
  c(
    'RequestAuthentication',
    'jwt rule without issuer (only a CEL/webhook concern)',
    [['set', '/spec/jwtRules', [{ jwksUri: 'https://a/jwks' }]]],
    true,
  ),
  c('RequestAuthentication', 'forwardOriginalToken as string', [['set', '/spec/jwtRules/0/forwardOriginalToken', 'true']], false),
  // ---- DestinationRule
  c('DestinationRule', 'missing host', [['del', '/spec/host']], false),
  c('DestinationRule', 'tls mode STRICT', [['set', '/spec/trafficPolicy/tls/mode', 'STRICT']], false),
  c('DestinationRule', 'tls DISABLE', [['set', '/spec/trafficPolicy/tls', { mode: 'DISABLE' }]], true),
  c(
    'DestinationRule',
    'insecureSkipVerify string',
    [['set', '/spec/trafficPolicy/tls', { mode: 'SIMPLE', insecureSkipVerify: 'yes' }]],
    false,
  ),
  c('DestinationRule', 'subset without name', [['set', '/spec/subsets', [{ labels: { v: '1' } }]]], false),
  c(
    'DestinationRule',
    'maxConnections above int32',
    [['set', '/spec/trafficPolicy/connectionPool', { tcp: { maxConnections: 2 ** 31 } }]],
    false,
  ),
  c(
    'DestinationRule',
    'simple and consistentHash together',
    [['set', '/spec/trafficPolicy/loadBalancer', { simple: 'RANDOM', consistentHash: { useSourceIp: true } }]],
    true,
    { oracle: false, note: ONE_OF },
  ),
  c('DestinationRule', 'warmup without duration', [['set', '/spec/trafficPolicy/loadBalancer', { warmup: { minimumPercent: 10 } }]], false),
  c(
    'DestinationRule',
    'minimumPercent above 100',
    [['set', '/spec/trafficPolicy/loadBalancer', { warmup: { duration: '1s', minimumPercent: 101 } }]],
    false,
  ),
  c('DestinationRule', 'port number as string', [['set', '/spec/trafficPolicy/portLevelSettings', [{ port: { number: '80' } }]]], false),
  c(
    'DestinationRule',
    'portLevelSettings port-level tls',
    [['set', '/spec/trafficPolicy/portLevelSettings', [{ port: { number: 80 }, tls: { mode: 'ISTIO_MUTUAL' } }]]],
    true,
  ),
  // ---- Gateway
  c('Gateway', 'server without hosts', [['del', '/spec/servers/0/hosts']], false),
  c('Gateway', 'port without protocol', [['del', '/spec/servers/0/port/protocol']], false),
  c('Gateway', 'three credentialNames', [['set', '/spec/servers/0/tls', { mode: 'SIMPLE', credentialNames: ['a', 'b', 'c'] }]], false),
  c(
    'Gateway',
    'minProtocolVersion spelled TLSv1.2',
    [['set', '/spec/servers/0/tls', { mode: 'SIMPLE', minProtocolVersion: 'TLSv1.2' }]],
    false,
  ),
  c('Gateway', 'port number as string', [['set', '/spec/servers/0/port/number', '443']], false),
  c('Gateway', 'selector value a number', [['set', '/spec/selector', { istio: 1 }]], false),
  // ---- ServiceEntry
  c('ServiceEntry', 'empty hosts', [['set', '/spec/hosts', []]], false),
  c('ServiceEntry', 'missing spec', [['del', '/spec']], false),
  c('ServiceEntry', 'port without name', [['set', '/spec/ports', [{ number: 443 }]]], false),
  c('ServiceEntry', 'resolution lower case', [['set', '/spec/resolution', 'dns']], false),
  c('ServiceEntry', 'endpoint port negative', [['set', '/spec/endpoints', [{ address: '1.2.3.4', ports: { http: -1 } }]]], false),
  c('ServiceEntry', 'address longer than 64', [['set', '/spec/addresses', ['1'.repeat(65)]]], false),
  // ---- Sidecar
  c('Sidecar', 'egress without hosts', [['set', '/spec/egress', [{ port: { number: 80 } }]]], false),
  c('Sidecar', 'outbound mode unknown', [['set', '/spec/outboundTrafficPolicy', { mode: 'DENY' }]], false),
  c('Sidecar', 'ingress without port', [['set', '/spec/ingress', [{ defaultEndpoint: '127.0.0.1:8080' }]]], false),
  c('Sidecar', 'workloadSelector uses labels, not matchLabels', [['set', '/spec/workloadSelector', { matchLabels: { app: 'a' } }]], false, {
    oracle: true,
    note: UNKNOWN,
  }),
  // ---- VirtualService
  c('VirtualService', 'route without destination', [['set', '/spec/http/0/route', [{ weight: 100 }]]], false),
  c('VirtualService', 'destination without host', [['set', '/spec/http/0/route', [{ destination: { subset: 'v1' } }]]], false),
  c('VirtualService', 'uri with exact and prefix', [['set', '/spec/http/0/match', [{ uri: { exact: '/a', prefix: '/b' } }]]], true, {
    oracle: false,
    note: ONE_OF,
  }),
  c('VirtualService', 'weight as string', [['set', '/spec/http/0/route/0/weight', '50']], false),
  c('VirtualService', 'tls route without match', [['set', '/spec/tls', [{ route: [{ destination: { host: 'a' } }] }]]], false),
  c('VirtualService', 'directResponse without status', [['set', '/spec/http/0/directResponse', { body: { string: 'x' } }]], false),
  // ---- WorkloadEntry
  c('WorkloadEntry', 'address over 256 chars', [['set', '/spec/address', 'a'.repeat(257)]], false),
  c('WorkloadEntry', 'negative weight', [['set', '/spec/weight', -1]], false),
  c('WorkloadEntry', 'missing spec', [['del', '/spec']], false),
  c('WorkloadEntry', 'serviceAccount over 253 chars', [['set', '/spec/serviceAccount', 's'.repeat(254)]], false),
  // ---- WorkloadGroup
  c('WorkloadGroup', 'missing template', [['del', '/spec/template']], false),
  c('WorkloadGroup', 'httpGet without port', [['set', '/spec/probe', { httpGet: { path: '/' } }]], false),
  c('WorkloadGroup', 'exec with empty argument', [['set', '/spec/probe', { exec: { command: [''] } }]], false),
  c('WorkloadGroup', 'two probe kinds', [['set', '/spec/probe', { tcpSocket: { port: 1 }, grpc: { port: 1 } }]], true, {
    oracle: false,
    note: ONE_OF,
  }),
  // ---- EnvoyFilter
  c('EnvoyFilter', 'applyTo unknown', [['set', '/spec/configPatches/0/applyTo', 'FILTER']], false),
  c('EnvoyFilter', 'operation unknown', [['set', '/spec/configPatches/0/patch/operation', 'UPSERT']], false),
  c('EnvoyFilter', 'patch value free-form', [['set', '/spec/configPatches/0/patch/value', { anything: [1, { b: 2 }] }]], true),
  c('EnvoyFilter', 'priority above int32', [['set', '/spec/priority', 2 ** 31]], false),
  // ---- ProxyConfig
  c('ProxyConfig', 'negative concurrency', [['set', '/spec/concurrency', -1]], false),
  c('ProxyConfig', 'environment value a number', [['set', '/spec/environmentVariables', { A: 1 }]], false),
  // ---- Telemetry
  c('Telemetry', 'sampling above 100', [['set', '/spec/tracing', [{ randomSamplingPercentage: 101 }]]], false),
  c('Telemetry', 'provider without name', [['set', '/spec/accessLogging', [{ providers: [{}] }]]], false),
  c('Telemetry', 'access logging disabled', [['set', '/spec/accessLogging', [{ disabled: true }]]], true),
  c(
    'Telemetry',
    'tag operation unknown',
    [['set', '/spec/metrics', [{ overrides: [{ tagOverrides: { a: { operation: 'SET' } } }] }]]],
    false,
  ),
  // ---- WasmPlugin
  c('WasmPlugin', 'missing url', [['del', '/spec/url']], false),
  c('WasmPlugin', 'sha256 not hex', [['set', '/spec/sha256', 'xyz']], false),
  c('WasmPlugin', 'match port 0', [['set', '/spec/match', [{ ports: [{ number: 0 }] }]]], false),
  c('WasmPlugin', 'pluginConfig free-form', [['set', '/spec/pluginConfig', { a: { b: [1] } }]], true),
  // ---- TrafficExtension (Istio 1.30; no oracle yet)
  c('TrafficExtension', 'lua without inlineCode', [['set', '/spec/lua', {}]], false),
  c('TrafficExtension', 'wasm without url', [['set', '/spec/wasm', { pluginName: 'p' }]], false),
  c('TrafficExtension', 'phase spelled like WasmPlugin', [['set', '/spec/phase', 'UNSPECIFIED_PHASE']], false),
  c('TrafficExtension', 'targetRef (singular) unknown', [['set', '/spec/targetRef', { kind: 'Service', name: 's' }]], false),
  // ---- Certificate
  c('Certificate', 'renewal policy unknown', [['set', '/spec/renewal', { policy: 'Never' }]], false, {
    oracle: true,
    note: 'the oracle predates cert-manager 1.21',
  }),
  c('Certificate', 'renewal window without windowDuration', [['set', '/spec/renewal', { windows: [{ cron: '0 2 * * *' }] }]], false, {
    oracle: true,
    note: 'the oracle predates cert-manager 1.21',
  }),
  c(
    'Certificate',
    'renewal windowDuration in days',
    [['set', '/spec/renewal', { windows: [{ cron: '0 2 * * *', windowDuration: '1d' }] }]],
    false,
    { oracle: true, note: 'the oracle predates cert-manager 1.21' },
  ),
  c('Certificate', 'missing secretName', [['del', '/spec/secretName']], false),
  c('Certificate', 'issuerRef without name', [['set', '/spec/issuerRef', { kind: 'Issuer' }]], false),
  c('Certificate', 'unknown usage', [['set', '/spec/usages', ['server-auth']]], false),
  c('Certificate', 'algorithm lower case', [['set', '/spec/privateKey/algorithm', 'rsa']], false),
  c('Certificate', 'key size as string', [['set', '/spec/privateKey/size', '2048']], false),
  c('Certificate', 'revisionHistoryLimit above int32', [['set', '/spec/revisionHistoryLimit', 2 ** 31]], false),
  c('Certificate', 'rotationPolicy Never', [['set', '/spec/privateKey/rotationPolicy', 'Never']], true),
  c('Certificate', 'jks without create', [['set', '/spec/keystores', { jks: { alias: 'a' } }]], false),
  c('Certificate', 'secretName null', [['set', '/spec/secretName', null]], false),
  // ---- CertificateRequest
  c('CertificateRequest', 'request not base64', [['set', '/spec/request', 'not base64!']], false),
  c('CertificateRequest', 'missing request', [['del', '/spec/request']], false),
  c('CertificateRequest', 'extra values not lists', [['set', '/spec/extra', { a: 'b' }]], false),
  // ---- Issuer / ClusterIssuer
  c(['Issuer', 'ClusterIssuer'], 'missing spec', [['del', '/spec']], false),
  c(['Issuer', 'ClusterIssuer'], 'ca without secretName', [['set', '/spec', { ca: {} }]], false),
  c(['Issuer', 'ClusterIssuer'], 'acme without server', [['set', '/spec', { acme: { privateKeySecretRef: { name: 'k' } } }]], false),
  c(['Issuer', 'ClusterIssuer'], 'vault without auth', [['set', '/spec', { vault: { server: 'https://v', path: 'pki/sign/x' } }]], false),
  c(
    ['Issuer', 'ClusterIssuer'],
    'caBundle not base64',
    [['set', '/spec', { acme: { server: 'https://a', privateKeySecretRef: { name: 'k' }, caBundle: '???' } }]],
    false,
  ),
  c(['Issuer', 'ClusterIssuer'], 'selfSigned empty', [['set', '/spec', { selfSigned: {} }]], true),
  c(
    ['Issuer', 'ClusterIssuer'],
    'two issuer types (left to the webhook rules)',
    [['set', '/spec', { selfSigned: {}, ca: { secretName: 's' } }]],
    true,
  ),
  c(['Issuer', 'ClusterIssuer'], 'quantity as a fraction', [['set', '/spec', solverWith({ resources: { limits: { cpu: 0.5 } } })]], false, {
    oracle: true,
    note: 'the CRD declares int-or-string for quantities; the oracle accepts any number',
  }),
  c(
    ['Issuer', 'ClusterIssuer'],
    'quantity string',
    [['set', '/spec', solverWith({ resources: { requests: { memory: '64Mi', cpu: 1 } } })]],
    true,
  ),
  c(
    ['Issuer', 'ClusterIssuer'],
    'bad quantity string',
    [['set', '/spec', solverWith({ resources: { requests: { memory: '64 MB' } } })]],
    false,
  ),
  c(
    ['Issuer', 'ClusterIssuer'],
    'toleration operator unknown',
    [['set', '/spec', solverWith({ tolerations: [{ operator: 'Matches' }] })]],
    true,
    {
      oracle: false,
      note: 'the 1.21 CRD and the webhook leave core/v1 enums unchecked (the solver pod fails later); the oracle copies them',
    },
  ),
  c(
    ['Issuer', 'ClusterIssuer'],
    'vault aws without role',
    [['set', '/spec', { vault: { server: 'https://v', path: 'pki/sign/x', auth: { aws: { region: 'eu-west-1' } } } }]],
    false,
    { oracle: true, note: 'the oracle predates cert-manager 1.21 and ignores the aws block' },
  ),
  c(
    ['Issuer', 'ClusterIssuer'],
    'venafi ngts without tsgID',
    [['set', '/spec', { venafi: { zone: 'z', ngts: { credentialsRef: { name: 'n' } } } }]],
    false,
    { oracle: true, note: 'the oracle predates cert-manager 1.21 and ignores the ngts block' },
  ),
  c(
    ['Issuer', 'ClusterIssuer'],
    'parentRef port 0',
    [
      [
        'set',
        '/spec',
        {
          acme: {
            server: 'https://a',
            privateKeySecretRef: { name: 'k' },
            solvers: [{ http01: { gatewayHTTPRoute: { parentRefs: [{ name: 'g', port: 0 }] } } }],
          },
        },
      ],
    ],
    false,
  ),
  c(
    ['Issuer', 'ClusterIssuer'],
    'webhook config free-form',
    [
      [
        'set',
        '/spec',
        {
          acme: {
            server: 'https://a',
            privateKeySecretRef: { name: 'k' },
            solvers: [{ dns01: { webhook: { groupName: 'g', solverName: 's', config: [1, 'a'] } } }],
          },
        },
      ],
    ],
    true,
  ),
  // ---- Order / Challenge
  c(['Order', 'Challenge'], 'missing metadata', [['del', '/metadata']], false),
  c('Order', 'missing request', [['del', '/spec/request']], false),
  c('Challenge', 'type lower case', [['set', '/spec/type', 'http-01']], false),
  c('Challenge', 'missing solver', [['del', '/spec/solver']], false),
  // ---- Bundle
  c('Bundle', 'no sources', [['set', '/spec/sources', []]], false),
  c('Bundle', 'target configMap without key', [['set', '/spec/target/configMap', { metadata: { labels: { a: 'b' } } }]], false),
  c('Bundle', 'empty pkcs12 password', [['set', '/spec/target/additionalFormats', { pkcs12: { key: 'k', password: '' } }]], true),
  c('Bundle', 'empty jks password', [['set', '/spec/target/additionalFormats', { jks: { key: 'k', password: '' } }]], false),
  c('Bundle', 'empty target metadata', [['set', '/spec/target/configMap', { key: 'k', metadata: {} }]], false),
].map((x) =>
  x.kinds.some((k) =>
    ['Gateway', 'ServiceEntry', 'Sidecar', 'VirtualService', 'WorkloadEntry', 'WorkloadGroup', 'DestinationRule'].includes(k),
  )
    ? { versions: ISTIO_NET, ...x }
    : x,
);

function solverWith(podSpec) {
  return {
    acme: {
      server: 'https://a',
      privateKeySecretRef: { name: 'k' },
      solvers: [{ http01: { ingress: { podTemplate: { spec: podSpec } } } }],
    },
  };
}
