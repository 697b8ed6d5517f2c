// networking.istio.io EnvoyFilter (v1alpha3) and ProxyConfig (v1beta1) types.
import { anyObj, arr, enm, int32, obj, ref, str, strMap } from './dsl.mjs';
import { uint32 } from './dsl.mjs';

const C = (name) => `meshlint:common/istio#/definitions/${name}`;

const filterMatch = obj('A network filter in the chain.', {
  name: str('Filter name, e.g. envoy.filters.network.http_connection_manager.'),
  subFilter: obj('An HTTP filter inside it.', { name: str('HTTP filter name.') }),
});

const envoyFilterSpec = obj(
  'Low-level patches to the Envoy configuration Istio generates. Powerful and fragile: a patch can silently remove security filters (e.g. authorization) and may break on upgrade.',
  {
    workloadSelector: obj('Workloads to patch; without it, all workloads in the namespace (the mesh in the root namespace).', {
      labels: strMap('Labels a workload must carry.', { maxProperties: 256 }, { maxLength: 63 }),
    }),
    targetRefs: ref(C('PolicyTargetReferences')),
    configPatches: arr(
      'Patches, applied in order.',
      obj('One patch: where to apply it and what to do.', {
        applyTo: enm('Kind of Envoy object patched.', [
          'INVALID',
          'LISTENER',
          'FILTER_CHAIN',
          'NETWORK_FILTER',
          'HTTP_FILTER',
          'ROUTE_CONFIGURATION',
          'VIRTUAL_HOST',
          'HTTP_ROUTE',
          'CLUSTER',
          'EXTENSION_CONFIG',
          'BOOTSTRAP',
          'LISTENER_FILTER',
        ]),
        match: obj('Which objects the patch applies to. Set at most one of listener, routeConfiguration, cluster or waypoint.', {
          context: enm('Which proxies: sidecar inbound or outbound, gateways, waypoints or any.', [
            'ANY',
            'SIDECAR_INBOUND',
            'SIDECAR_OUTBOUND',
            'GATEWAY',
            'WAYPOINT',
          ]),
          proxy: obj('Proxy version and metadata conditions.', {
            proxyVersion: str('Regular expression on the proxy version, e.g. ^1\\.29.*.'),
            metadata: strMap('Proxy metadata that must match exactly.'),
          }),
          listener: obj('Match a listener.', {
            portNumber: uint32('Listener port.'),
            portName: str('Deprecated.'),
            filterChain: obj('Match a filter chain.', {
              name: str('Filter chain name.'),
              sni: str('SNI of the chain.'),
              transportProtocol: str('raw_buffer or tls.'),
              applicationProtocols: str('Comma-separated ALPN values.'),
              filter: filterMatch,
              destinationPort: uint32('Destination port of the chain.'),
            }),
            listenerFilter: str('Listener filter name.'),
            name: str('Listener name.'),
          }),
          routeConfiguration: obj('Match a route configuration.', {
            portNumber: uint32('Port of the route configuration.'),
            portName: str('Port name (gateways).'),
            gateway: str('Gateway namespace/name (gateways).'),
            vhost: obj('Match a virtual host.', {
              name: str('Virtual host name.'),
              domainName: str('A domain of the virtual host.'),
              route: obj('Match a route.', {
                name: str('Route name.'),
                action: enm('Route action.', ['ANY', 'ROUTE', 'REDIRECT', 'DIRECT_RESPONSE']),
              }),
            }),
            name: str('Route configuration name.'),
          }),
          cluster: obj('Match a cluster.', {
            portNumber: uint32('Service port.'),
            service: str('Service host name.'),
            subset: str('Subset name.'),
            name: str('Exact cluster name.'),
          }),
          waypoint: obj('Match waypoint configuration.', {
            filter: filterMatch,
            route: obj('Match a route.', { name: str('Route name.') }),
            portNumber: uint32('Port number.'),
          }),
        }),
        patch: obj('The change.', {
          operation: enm('What to do.', ['INVALID', 'MERGE', 'ADD', 'REMOVE', 'INSERT_BEFORE', 'INSERT_AFTER', 'INSERT_FIRST', 'REPLACE']),
          value: anyObj('Envoy configuration to merge or insert (typed with @type).'),
          filterClass: enm("Where an added HTTP filter goes relative to Istio's own (AUTHN, AUTHZ, STATS).", [
            'UNSPECIFIED',
            'AUTHN',
            'AUTHZ',
            'STATS',
          ]),
        }),
      }),
    ),
    priority: int32('Order among EnvoyFilters; lower applies first. Default 0.'),
  },
);

const proxyConfigSpec = obj('Per-workload proxy settings.', {
  selector: ref(C('WorkloadSelector'), 'Workloads this applies to; without it, the namespace (the mesh in the root namespace).'),
  concurrency: int32('Worker threads of the proxy; 0 means one per CPU.', { minimum: 0 }),
  environmentVariables: strMap('Extra environment variables for the proxy.', {}, { maxLength: 2048 }),
  image: obj('Proxy image variant.', { imageType: str('default, debug or distroless (smallest attack surface).') }),
});

export const networkingMiscDefs = {
  EnvoyFilterSpec: envoyFilterSpec,
  ProxyConfigSpec: proxyConfigSpec,
};
