// networking.istio.io: assembles the group's shared definitions and the kind list (v1, v1beta1, v1alpha3).
import { defsFile, ref } from './dsl.mjs';
import { N, destinationRuleDefs } from './networking-dr.mjs';

export const networkingDefs = defsFile('networking.istio.io/defs', 'Spec types of networking.istio.io, shared by all served versions.', {
  ...destinationRuleDefs,
});

const kindsInfo = [
  { kind: 'DestinationRule', versions: ['v1', 'v1beta1', 'v1alpha3'], concept: 'destination-rule-tls',
    description: 'Traffic policy for calls to a service: client-side TLS (mesh mTLS or TLS origination), load balancing, connection limits and subsets.' },
];

export const networkingKinds = kindsInfo.flatMap((k) => k.versions.map((version) => ({
  group: 'networking.istio.io', version, kind: k.kind, current: version === k.versions[0], concept: k.concept,
  description: k.description + (version === k.versions[0] ? '' : ` Deprecated version: use networking.istio.io/${k.versions[0]}.`),
  spec: ref(N(`${k.kind}Spec`)),
})));
