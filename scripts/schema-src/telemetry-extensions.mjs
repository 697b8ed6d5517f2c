// telemetry.istio.io Telemetry and extensions.istio.io WasmPlugin and TrafficExtension.
import { anyObj, arr, bool, defsFile, enm, int32, map, num, obj, ref, str } from './dsl.mjs';

const C = (name) => `meshlint:common/istio#/definitions/${name}`;
const T = (name) => `meshlint:telemetry.istio.io/defs#/definitions/${name}`;

const providerRefs = (what) =>
  arr(
    `${what} providers (extensionProviders in the mesh config); empty uses the defaults.`,
    obj('A provider name.', { name: str('Provider name.', { minLength: 1 }) }, { required: ['name'] }),
  );
const trafficMode = enm('Which side of the traffic: client, server or both (default).', ['CLIENT_AND_SERVER', 'CLIENT', 'SERVER']);
const metricNames = [
  'ALL_METRICS',
  'REQUEST_COUNT',
  'REQUEST_DURATION',
  'REQUEST_SIZE',
  'RESPONSE_SIZE',
  'TCP_OPENED_CONNECTIONS',
  'TCP_CLOSED_CONNECTIONS',
  'TCP_SENT_BYTES',
  'TCP_RECEIVED_BYTES',
  'GRPC_REQUEST_MESSAGES',
  'GRPC_RESPONSE_MESSAGES',
];

const customTag = obj('Value of one span tag. Set exactly one source.', {
  literal: obj('A fixed value.', { value: str('The value.', { minLength: 1 }) }, { required: ['value'] }),
  environment: obj(
    'From an environment variable of the proxy.',
    {
      name: str('Variable name.', { minLength: 1 }),
      defaultValue: str('Used when the variable is unset.'),
    },
    { required: ['name'] },
  ),
  header: obj(
    'From a request header.',
    {
      name: str('Header name.', { minLength: 1 }),
      defaultValue: str('Used when the header is absent.'),
    },
    { required: ['name'] },
  ),
  formatter: obj(
    'From an access-log style format string.',
    { value: str('Format string, e.g. %REQ(:PATH)%.', { minLength: 1 }) },
    { required: ['value'] },
  ),
});

const telemetrySpec = obj('Metrics, tracing and access logging for the selected workloads (namespace or mesh-wide when not selected).', {
  selector: ref(C('WorkloadSelector'), 'Workloads this applies to. Only one of selector, targetRef or targetRefs.'),
  targetRef: ref(C('PolicyTargetReference'), 'Deprecated single target; use targetRefs.'),
  targetRefs: ref(C('PolicyTargetReferences')),
  tracing: arr(
    'Tracing settings.',
    obj('Tracing for some providers.', {
      match: obj('Traffic selection.', { mode: trafficMode }),
      providers: providerRefs('Tracing'),
      randomSamplingPercentage: num('Share of requests traced, 0..100.', { minimum: 0, maximum: 100 }),
      disableSpanReporting: bool('Stop reporting spans.'),
      customTags: map('Extra span tags by name.', ref(T('CustomTag'))),
      useRequestIdForTraceSampling: bool('Base sampling on the x-request-id header.'),
      enableIstioTags: bool("Add Istio's standard tags to spans."),
      disableContextPropagation: bool('Do not forward trace context headers (W3C traceparent, B3) to the upstream.'),
    }),
  ),
  metrics: arr(
    'Metrics settings.',
    obj('Metrics for some providers.', {
      providers: providerRefs('Metrics'),
      overrides: arr(
        'Changes to individual metrics.',
        obj('An override.', {
          match: obj('Which metric. Set metric or customMetric.', {
            metric: enm('Standard Istio metric.', metricNames),
            customMetric: str('Name of a custom metric.', { minLength: 1 }),
            mode: trafficMode,
          }),
          disabled: bool('Stop reporting the metric.'),
          tagOverrides: map(
            'Label changes by label name.',
            obj('A label change.', {
              operation: enm('UPSERT sets the label from value; REMOVE drops it.', ['UPSERT', 'REMOVE']),
              value: str('CEL expression computing the label value.'),
            }),
          ),
        }),
      ),
      reportingInterval: str('How often metrics are reported, e.g. 15s.'),
    }),
  ),
  accessLogging: arr(
    'Access logging settings: an audit trail of who called what.',
    obj('Access logging for some providers.', {
      match: obj('Traffic selection.', { mode: trafficMode }),
      providers: providerRefs('Access log'),
      disabled: bool('Turn access logging off for the matched traffic, losing the audit trail of requests.'),
      filter: obj('Only log requests for which the expression is true.', { expression: str('CEL expression, e.g. response.code >= 400.') }),
    }),
  ),
});

export const telemetryDefs = defsFile('telemetry.istio.io/defs', 'Spec types of telemetry.istio.io, shared by v1 and v1alpha1.', {
  CustomTag: customTag,
  TelemetrySpec: telemetrySpec,
});

const wasmModule = {
  url: str('Module location: oci://, https:// or file://. Pin it with sha256.', { minLength: 1 }),
  sha256: str('Expected SHA-256 of the module (64 hex digits); protects against a swapped module.', { pattern: '(^$|^[a-f0-9]{64}$)' }),
  imagePullPolicy: enm('When to fetch the module again.', ['UNSPECIFIED_POLICY', 'IfNotPresent', 'Always']),
  imagePullSecret: str('Secret with registry credentials for an OCI module.', { minLength: 1, maxLength: 253 }),
  verificationKey: str('Public key used to verify the module signature.'),
  pluginConfig: anyObj('Configuration passed to the plugin.'),
  pluginName: str('Plugin name inside the module.', { minLength: 1, maxLength: 256 }),
  vmConfig: obj('Settings of the Wasm VM.', {
    env: arr(
      'Environment variables for the VM.',
      obj(
        'One variable.',
        {
          name: str('Variable name.', { minLength: 1, maxLength: 256 }),
          valueFrom: enm("INLINE: from value; HOST: from the proxy's environment.", ['INLINE', 'HOST']),
          value: str('Value for INLINE.', { maxLength: 2048 }),
        },
        { required: ['name'] },
      ),
      { maxItems: 256 },
    ),
  }),
  failStrategy: enm(
    'When the module cannot be loaded: FAIL_CLOSE rejects traffic (safe for security plugins), FAIL_OPEN skips the plugin, FAIL_RELOAD retries.',
    ['FAIL_CLOSE', 'FAIL_OPEN', 'FAIL_RELOAD'],
  ),
  type: enm('HTTP or NETWORK filter.', ['UNSPECIFIED_PLUGIN_TYPE', 'HTTP', 'NETWORK']),
};

const phaseText =
  "Where the filter runs relative to Istio's: before authentication (AUTHN), before authorization (AUTHZ), before stats (STATS) or at the end.";
const trafficMatch = arr(
  'Traffic the extension applies to; any entry may match.',
  obj('A traffic selector.', {
    mode: enm('Client side, server side or both.', ['UNDEFINED', 'CLIENT', 'SERVER', 'CLIENT_AND_SERVER']),
    ports: arr('Ports.', obj('A port.', { number: int32('Port number.', { minimum: 1, maximum: 65535 }) }, { required: ['number'] })),
  }),
);

const wasmPluginSpec = obj(
  'Adds a WebAssembly filter to the proxies of the selected workloads.',
  {
    selector: ref(C('WorkloadSelector'), 'Workloads this applies to. Only one of selector, targetRef or targetRefs.'),
    targetRef: ref(C('PolicyTargetReference'), 'Deprecated single target; use targetRefs.'),
    targetRefs: ref(C('PolicyTargetReferences')),
    ...wasmModule,
    phase: enm(phaseText, ['UNSPECIFIED_PHASE', 'AUTHN', 'AUTHZ', 'STATS']),
    priority: int32('Order among plugins in the same phase; higher runs first.'),
    match: trafficMatch,
  },
  { required: ['url'] },
);

// Istio 1.30: one kind for Wasm and Lua filters; its wasm block is WasmPlugin's module settings.
const trafficExtensionSpec = obj(
  'Adds a WebAssembly or Lua filter to the proxies of the selected workloads. Set exactly one of wasm or lua.',
  {
    selector: ref(C('WorkloadSelector'), 'Workloads this applies to. Use selector or targetRefs, not both.'),
    targetRefs: ref(C('PolicyTargetReferences')),
    phase: enm(phaseText, ['UNSPECIFIED', 'AUTHN', 'AUTHZ', 'STATS']),
    priority: int32('Order among extensions in the same phase; higher runs first.'),
    match: trafficMatch,
    wasm: obj('A WebAssembly module.', wasmModule, { required: ['url'] }),
    lua: obj(
      'A Lua filter.',
      {
        inlineCode: str('Lua source of the filter. Runs inside the proxy with access to every request: review it like code.', {
          minLength: 1,
          maxLength: 65536,
        }),
      },
      { required: ['inlineCode'] },
    ),
  },
);

export const extensionsDefs = defsFile('extensions.istio.io/defs', 'Spec types of extensions.istio.io.', {
  WasmPluginSpec: wasmPluginSpec,
  TrafficExtensionSpec: trafficExtensionSpec,
});

export const telemetryExtensionsKinds = [
  ...['v1', 'v1alpha1'].map((version) => ({
    group: 'telemetry.istio.io',
    version,
    kind: 'Telemetry',
    current: version === 'v1',
    description:
      'Configures metrics, tracing and access logging.' + (version === 'v1' ? '' : ' Deprecated version: use telemetry.istio.io/v1.'),
    spec: ref(T('TelemetrySpec')),
  })),
  {
    group: 'extensions.istio.io',
    version: 'v1alpha1',
    kind: 'WasmPlugin',
    current: true,
    required: ['spec'],
    description: 'Extends proxies with a WebAssembly module.',
    spec: ref('meshlint:extensions.istio.io/defs#/definitions/WasmPluginSpec'),
  },
  {
    group: 'extensions.istio.io',
    version: 'v1alpha1',
    kind: 'TrafficExtension',
    current: true,
    required: ['spec'],
    description: 'Extends proxies with a WebAssembly module or Lua code (Istio 1.30 and later).',
    spec: ref('meshlint:extensions.istio.io/defs#/definitions/TrafficExtensionSpec'),
  },
];
