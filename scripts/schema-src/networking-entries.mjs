// networking.istio.io ServiceEntry, WorkloadEntry and WorkloadGroup types.
import { arr, concept, enm, int32, map, obj, ref, str, strMap, strs, uint32 } from './dsl.mjs';
import { N } from './networking-dr.mjs';

const workloadEntryProps = {
  address: str('IP address or DNS name of the workload (or unix:// socket path).', { maxLength: 256 }),
  ports: map('Port overrides: service port name to the port this workload actually listens on.', uint32(), { maxProperties: 128 }),
  labels: strMap('Labels of the workload, matched by selectors and policies.', { maxProperties: 256 }),
  network: str('Network the workload is on, for multi-network meshes.', { maxLength: 2048 }),
  locality: str('Locality region/zone/subzone of the workload.', { maxLength: 2048 }),
  weight: uint32('Load-balancing weight.'),
  serviceAccount: concept(
    'workload-identity',
    str(
      'Service account the workload runs as; it must be in the same namespace. Determines the SPIFFE identity expected in its mTLS certificate.',
      { maxLength: 253 },
    ),
  ),
};

const workloadEntry = obj('A non-Kubernetes workload (VM or bare metal) as a member of the mesh.', workloadEntryProps);

const servicePort = obj(
  'A port of the service.',
  {
    number: uint32('Port number.'),
    protocol: str('HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP or TLS.', { maxLength: 256 }),
    name: str('Port name.', { maxLength: 256 }),
    targetPort: uint32('Port on the endpoints, when different.'),
  },
  { required: ['number', 'name'] },
);

const serviceEntrySpec = obj(
  "Adds a service to Istio's registry: an external API, or workloads that are not Kubernetes pods.",
  {
    hosts: strs('Host names of the service; wildcards allowed with resolution NONE.', { minItems: 1, maxItems: 256 }),
    addresses: strs('Virtual IPs or CIDR ranges of the service.', { maxItems: 256 }, { maxLength: 64 }),
    ports: arr('Ports of the service.', servicePort, { maxItems: 256 }),
    location: enm('MESH_EXTERNAL: outside the mesh, so no mesh mTLS is used; MESH_INTERNAL: part of the mesh.', [
      'MESH_EXTERNAL',
      'MESH_INTERNAL',
    ]),
    resolution: enm(
      'How endpoint addresses are found: NONE (use the destination IP), STATIC (endpoints), DNS, DNS_ROUND_ROBIN or DYNAMIC_DNS.',
      ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'],
    ),
    endpoints: arr('Endpoints of the service.', ref(N('WorkloadEntrySpec')), { maxItems: 4096 }),
    workloadSelector: obj('Selects pods and WorkloadEntries as endpoints instead of listing them (MESH_INTERNAL only).', {
      labels: strMap('Labels an endpoint must carry.', { maxProperties: 256 }, { maxLength: 63 }),
    }),
    exportTo: strs('Namespaces that see this service: "." for its own, "*" for all (default).'),
    subjectAltNames: concept(
      'workload-identity',
      strs('Identities the server certificates must carry; restricts who may serve this host.'),
    ),
  },
  { required: ['hosts'] },
);

const intNonNeg = (d) => int32(d, { minimum: 0 });
const probe = obj('Health check run by the proxy on the VM. Set exactly one of httpGet, tcpSocket, grpc or exec.', {
  initialDelaySeconds: intNonNeg('Seconds after start before the first check.'),
  timeoutSeconds: intNonNeg('Seconds before a check times out.'),
  periodSeconds: intNonNeg('Seconds between checks.'),
  successThreshold: intNonNeg('Successes in a row to count as healthy.'),
  failureThreshold: intNonNeg('Failures in a row to count as unhealthy.'),
  httpGet: obj(
    'HTTP GET check.',
    {
      path: str('Request path.'),
      port: uint32('Port to probe.'),
      host: str('Host to connect to; default the workload address.'),
      scheme: str('HTTP or HTTPS.'),
      httpHeaders: arr(
        'Extra request headers.',
        obj('One header.', {
          name: str('Header name.', { pattern: '^[-_A-Za-z0-9]+$' }),
          value: str('Header value.'),
        }),
      ),
    },
    { required: ['port'] },
  ),
  tcpSocket: obj(
    'TCP connect check.',
    {
      host: str('Host to connect to.'),
      port: uint32('Port to connect to.'),
    },
    { required: ['port'] },
  ),
  grpc: obj('gRPC health check.', {
    port: uint32('Port of the gRPC service.'),
    service: str('Service name sent in the health check request.'),
  }),
  exec: obj(
    'Run a command; exit code 0 means healthy.',
    {
      command: strs('Command and arguments.', {}, { minLength: 1 }),
    },
    { required: ['command'] },
  ),
});

const workloadGroupSpec = obj(
  'A template for WorkloadEntries created automatically when VMs register.',
  {
    metadata: obj('Labels and annotations copied to the generated WorkloadEntries.', {
      labels: strMap('Labels.', { maxProperties: 256 }),
      annotations: strMap('Annotations.', { maxProperties: 256 }),
    }),
    template: obj('Fields copied to every generated WorkloadEntry (address is filled in per VM).', workloadEntryProps),
    probe,
  },
  { required: ['template'] },
);

export const entriesDefs = {
  ServiceEntrySpec: serviceEntrySpec,
  WorkloadEntrySpec: workloadEntry,
  WorkloadGroupSpec: workloadGroupSpec,
};
