// networking.istio.io: assembles the group's shared definitions and the kind list.
import { defsFile, ref } from './dsl.mjs';
import { N, destinationRuleDefs } from './networking-dr.mjs';
import { gatewayDefs } from './networking-gateway.mjs';
import { entriesDefs } from './networking-entries.mjs';
import { virtualServiceDefs } from './networking-vs.mjs';
import { networkingMiscDefs } from './networking-misc.mjs';

export const networkingDefs = defsFile('networking.istio.io/defs', 'Spec types of networking.istio.io, shared by all served versions.', {
  ...destinationRuleDefs,
  ...gatewayDefs,
  ...entriesDefs,
  ...virtualServiceDefs,
  ...networkingMiscDefs,
});

const all = ['v1', 'v1beta1', 'v1alpha3'];
// The first version listed is the current one.
const kindsInfo = [
  {
    kind: 'DestinationRule',
    versions: all,
    concept: 'destination-rule-tls',
    description:
      'Traffic policy for calls to a service: client-side TLS (mesh mTLS or TLS origination), load balancing, connection limits and subsets.',
  },
  {
    kind: 'Gateway',
    versions: all,
    concept: 'gateway-credentials',
    description: 'Ports, hosts and TLS certificates of an ingress or egress gateway.',
  },
  {
    kind: 'ServiceEntry',
    versions: all,
    required: ['spec'],
    description: "Adds an external service, or non-Kubernetes workloads, to the mesh's service registry.",
  },
  {
    kind: 'Sidecar',
    versions: all,
    concept: 'sidecar-injection',
    description: 'Limits the ports a sidecar intercepts and the services it can reach.',
  },
  { kind: 'VirtualService', versions: all, description: 'Routing rules for traffic to a set of hosts.' },
  {
    kind: 'WorkloadEntry',
    versions: all,
    required: ['spec'],
    concept: 'workload-identity',
    description: 'A VM or other non-Kubernetes workload that is part of the mesh.',
  },
  {
    kind: 'WorkloadGroup',
    versions: all,
    required: ['spec'],
    description: 'Template for VM workloads that register themselves with the mesh.',
  },
  {
    kind: 'EnvoyFilter',
    versions: ['v1alpha3'],
    description: "Patches the generated Envoy configuration. Use with care: patches bypass Istio's validation.",
  },
  { kind: 'ProxyConfig', versions: ['v1beta1'], description: 'Proxy settings (concurrency, image, environment) for selected workloads.' },
];

export const networkingKinds = kindsInfo.flatMap((k) =>
  k.versions.map((version) => ({
    group: 'networking.istio.io',
    version,
    kind: k.kind,
    current: version === k.versions[0],
    concept: k.concept,
    required: k.required,
    description: k.description + (version === k.versions[0] ? '' : ` Deprecated version: use networking.istio.io/${k.versions[0]}.`),
    spec: ref(N(`${k.kind}Spec`)),
  })),
);
