// The policy model's first layer: mesh settings with their provenance, the data plane of a
// workload, and which policies attach to it (cases after Istio's policyattachment.go
// ShouldAttachPolicy and authorization.go ListAuthorizationPolicies).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/core/config';
import { factsOfText } from '../../server/src/core/workspace/extract';
import { WorkspaceView } from '../../server/src/core/workspace/view';
import { meshSettings } from '../../server/src/core/policy/mesh-settings';
import { dataPlaneOf } from '../../server/src/core/policy/data-plane';
import { authorizationPoliciesFor, peerAuthenticationsFor } from '../../server/src/core/policy/applicable';
import type { WorkloadFact } from '../../server/src/core/workspace/facts';

function view(files: Record<string, string>): WorkspaceView {
  return new WorkspaceView(Object.entries(files).map(([uri, text]) => factsOfText(uri, text)));
}

function workload(v: WorkspaceView, ns: string, name: string): WorkloadFact {
  const w = v.all('workload').find((x) => x.namespace === ns && x.name === name);
  assert.ok(w, `${ns}/${name}`);
  return w;
}

const deploy = (ns: string, name: string, labels: Record<string, string>): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  template:
    metadata:
      labels: ${JSON.stringify(labels)}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080, name: http}]}]
`;
const ns = (name: string, labels: Record<string, string>): string =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: ${JSON.stringify(labels)}\n`;

test('mesh settings: config wins, then the istio ConfigMap (YAML inside data.mesh, sites into the block), then defaults', () => {
  const cm = `apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: istio-system}
data:
  mesh: |-
    rootNamespace: mesh-root
    trustDomain: example.org
    trustDomainAliases: [old.example.org]
    extensionProviders:
    - name: opa
      envoyExtAuthzGrpc: {service: opa.svc, port: 9191}
`;
  const v = view({ 'file:///cm.yaml': cm });
  const s = meshSettings(v, DEFAULT_CONFIG);
  assert.equal(s.rootNamespace.value, 'mesh-root');
  assert.equal(s.rootNamespace.source, 'workspace');
  assert.equal(s.rootNamespace.site?.line, 5);
  assert.equal(cm.slice(s.rootNamespace.site?.start, s.rootNamespace.site?.end), 'mesh-root');
  assert.equal(cm.slice(s.trustDomain.site?.start, s.trustDomain.site?.end), 'example.org');
  assert.deepEqual(s.trustDomainAliases.value, ['old.example.org']);
  assert.deepEqual(
    s.extensionProviders.value.map((p) => [p.name, p.kind]),
    [['opa', 'envoyExtAuthzGrpc']],
  );
  assert.equal(s.pathNormalization.source, 'default');
  const explicit = meshSettings(v, mergeConfig(DEFAULT_CONFIG, { trustDomain: 'mine.io', meshKeysSet: ['trustDomain'] }));
  assert.equal(explicit.trustDomain.value, 'mine.io');
  assert.equal(explicit.trustDomain.source, 'config');
  assert.equal(explicit.rootNamespace.value, 'mesh-root');
});

test('mesh settings from an IstioOperator and from Helm values', () => {
  const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  meshConfig:
    rootNamespace: iop-root
    pathNormalization: {normalization: MERGE_SLASHES}
`;
  assert.equal(meshSettings(view({ 'file:///iop.yaml': iop }), DEFAULT_CONFIG).rootNamespace.value, 'iop-root');
  const helm = 'meshConfig:\n  trustDomain: helm.example\n  outboundTrafficPolicy: {mode: REGISTRY_ONLY}\n';
  const s = meshSettings(view({ 'file:///values.yaml': helm }), DEFAULT_CONFIG);
  assert.equal(s.trustDomain.value, 'helm.example');
  assert.equal(s.outboundTrafficPolicy?.value, 'REGISTRY_ONLY');
  assert.equal(meshSettings(view({}), DEFAULT_CONFIG).rootNamespace.source, 'default');
  // The istiod chart renders rootNamespace from meshConfig.rootNamespace, else global.istioNamespace;
  // a values file without meshConfig (another chart's) says nothing about istiod.
  const global = 'global:\n  istioNamespace: istio-control\n';
  const istiod = `${global}meshConfig:\n  accessLogFile: /dev/stdout\n`;
  assert.equal(meshSettings(view({ 'file:///values.yaml': istiod }), DEFAULT_CONFIG).rootNamespace.value, 'istio-control');
  assert.equal(meshSettings(view({ 'file:///values.yaml': global }), DEFAULT_CONFIG).rootNamespace.source, 'default');
  const both = `${global}meshConfig:\n  rootNamespace: mesh-root\n`;
  assert.equal(meshSettings(view({ 'file:///values.yaml': both }), DEFAULT_CONFIG).rootNamespace.value, 'mesh-root');
});

test('data plane: injection labels, ambient, waypoint and gateway pods', () => {
  const v = view({
    'file:///ns.yaml': [
      ns('inj', { 'istio-injection': 'enabled' }),
      ns('amb', { 'istio.io/dataplane-mode': 'ambient' }),
      ns('plain', {}),
    ].join('---\n'),
    'file:///w.yaml': [
      deploy('inj', 'a', { app: 'a' }),
      deploy('amb', 'b', { app: 'b' }),
      deploy('plain', 'c', { app: 'c' }),
      deploy('amb', 'wp', { 'gateway.networking.k8s.io/gateway-name': 'wp' }),
      deploy('inj', 'gw', { 'gateway.networking.k8s.io/gateway-name': 'gw' }),
      `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: wp, namespace: amb}\nspec: {gatewayClassName: istio-waypoint}\n`,
      `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: inj}\nspec: {gatewayClassName: istio}\n`,
    ].join('---\n'),
  });
  assert.equal(dataPlaneOf(v, workload(v, 'inj', 'a')).dataPlane, 'sidecar');
  assert.equal(dataPlaneOf(v, workload(v, 'amb', 'b')).dataPlane, 'ambient');
  assert.equal(dataPlaneOf(v, workload(v, 'plain', 'c')).dataPlane, 'none');
  assert.equal(dataPlaneOf(v, workload(v, 'amb', 'wp')).dataPlane, 'waypoint');
  assert.equal(dataPlaneOf(v, workload(v, 'inj', 'gw')).dataPlane, 'gateway');
});

/** A Deployment whose pod template carries the given labels and annotations. */
const annotated = (namespace: string, name: string, labels: Record<string, string>, annotations: Record<string, string>): string =>
  deploy(namespace, name, labels).replace('      labels:', `      annotations: ${JSON.stringify(annotations)}\n      labels:`);

test("data plane: the injector's two steps (webhook selectors read labels; injectRequired reads label, else annotation, true/false only)", () => {
  const v = view({
    'file:///ns.yaml': [
      ns('inj', { 'istio-injection': 'enabled' }),
      ns('rev', { 'istio.io/rev': 'canary' }),
      ns('plain', {}),
      ns('odd', { 'istio-injection': 'true' }),
    ].join('---\n'),
    'file:///w.yaml': [
      deploy('inj', 'label-no', { 'sidecar.istio.io/inject': 'no' }),
      deploy('inj', 'label-yes-upper', { 'sidecar.istio.io/inject': 'True' }),
      annotated('inj', 'annotation-off', {}, { 'sidecar.istio.io/inject': 'off' }),
      annotated('inj', 'annotation-false', {}, { 'sidecar.istio.io/inject': 'false' }),
      annotated('inj', 'label-wins', { 'sidecar.istio.io/inject': 'true' }, { 'sidecar.istio.io/inject': 'false' }),
      deploy('rev', 'rev-default', {}),
      deploy('plain', 'label-true', { 'sidecar.istio.io/inject': 'true' }),
      deploy('plain', 'label-yes', { 'sidecar.istio.io/inject': 'yes' }),
      annotated('plain', 'annotation-true', {}, { 'sidecar.istio.io/inject': 'true' }),
      deploy('plain', 'pod-rev', { 'istio.io/rev': 'canary' }),
      deploy('odd', 'in-odd', { 'sidecar.istio.io/inject': 'true' }),
    ].join('---\n'),
  });
  const plane = (namespace: string, name: string): string => dataPlaneOf(v, workload(v, namespace, name)).dataPlane;
  // injectRequired: exactly "true" injects, exactly "false" does not, anything else is the default (inject).
  assert.equal(plane('inj', 'label-no'), 'sidecar');
  assert.equal(plane('inj', 'label-yes-upper'), 'sidecar');
  assert.equal(plane('inj', 'annotation-off'), 'sidecar');
  assert.equal(plane('inj', 'annotation-false'), 'none');
  assert.equal(plane('inj', 'label-wins'), 'sidecar');
  assert.equal(plane('rev', 'rev-default'), 'sidecar');
  // Without namespace labels only the object webhooks run, and they select the label "true" exactly.
  assert.equal(plane('plain', 'label-true'), 'sidecar');
  assert.equal(plane('plain', 'label-yes'), 'none');
  assert.equal(plane('plain', 'annotation-true'), 'none');
  assert.equal(plane('plain', 'pod-rev'), 'sidecar');
  // istio-injection with any value but "enabled" is selected by no webhook.
  assert.equal(plane('odd', 'in-odd'), 'none');
});

/** The policies that apply to ns/name, and the reason for each that does not. */
function attachOf(
  v: WorkspaceView,
  ns: string,
  name: string,
): { r: ReturnType<typeof authorizationPoliciesFor>; why: Map<string | undefined, string> } {
  const r = authorizationPoliciesFor(v, meshSettings(v, DEFAULT_CONFIG), workload(v, ns, name));
  return { r, why: new Map(r.notApplicable.map((n) => [n.fact.name, n.why])) };
}

/** AuthorizationPolicies from [namespace, name, spec] rows, as one multi-document file. */
const policies = (rows: [string, string, string][]): string =>
  rows
    .map(
      ([ns, name, spec]) =>
        `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec}`,
    )
    .join('---\n');

test('ListAuthorizationPolicies: root-namespace selector policies reach every namespace; targetRefs never reach sidecars', () => {
  const v = view({
    'file:///ns.yaml': ns('shop', { 'istio-injection': 'enabled' }),
    'file:///w.yaml': deploy('shop', 'cart', { app: 'cart', version: 'canary' }),
    'file:///ap.yaml': policies([
      ['istio-system', 'root-canary', '  action: DENY\n  selector: {matchLabels: {version: canary}}\n  rules: [{}]\n'],
      ['istio-system', 'root-all', '  rules: [{}]\n'],
      ['shop', 'by-ref', '  targetRefs: [{kind: Service, group: "", name: cart}]\n  rules: [{}]\n'],
      ['shop', 'legacy-ref', '  targetRef: {kind: Gateway, group: gateway.networking.k8s.io, name: gw}\n'],
      ['shop', 'v2-only', '  selector: {matchLabels: {version: v2}}\n'],
      ['other', 'elsewhere', '  {}\n'],
    ]),
  });
  const { r, why } = attachOf(v, 'shop', 'cart');
  assert.deepEqual(
    r.applied.map((a) => [a.fact.name, a.verdict.scope]),
    [
      ['root-canary', 'root'],
      ['root-all', 'root'],
    ],
  );
  assert.match(why.get('by-ref') ?? '', /targetRefs Service\/cart .*sidecars ignore it/);
  assert.match(why.get('legacy-ref') ?? '', /targetRefs Gateway\/gw/);
  assert.match(why.get('v2-only') ?? '', /version=v2 ≠ canary/);
  assert.equal(why.has('elsewhere'), false, 'other namespaces are not looked in');
});

test('ShouldAttachPolicy for a waypoint: selector policies ignored, targetRefs Gateway/Service/GatewayClass attach', () => {
  const v = view({
    'file:///ns.yaml': ns('amb', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'wp' }),
    'file:///w.yaml': [
      deploy('amb', 'wp', { 'gateway.networking.k8s.io/gateway-name': 'wp', app: 'wp' }),
      `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: wp, namespace: amb}\nspec: {gatewayClassName: istio-waypoint}\n`,
      `apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: amb}\nspec: {selector: {app: cart}, ports: [{port: 80}]}\n`,
    ].join('---\n'),
    'file:///ap.yaml': policies([
      ['amb', 'selector', '  selector: {matchLabels: {app: wp}}\n'],
      ['amb', 'gw', '  targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: wp}]\n'],
      ['amb', 'svc', '  targetRefs: [{kind: Service, group: "", name: cart}]\n'],
      ['amb', 'other-gw', '  targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: nope}]\n'],
      ['istio-system', 'class', '  targetRefs: [{kind: GatewayClass, group: gateway.networking.k8s.io, name: istio-waypoint}]\n'],
      ['amb', 'ns-wide', '  {}\n'],
    ]),
  });
  const { r, why } = attachOf(v, 'amb', 'wp');
  assert.deepEqual(r.applied.map((a) => a.fact.name).sort(), ['class', 'gw', 'svc']);
  assert.match(why.get('selector') ?? '', /waypoints ignore selector/);
  assert.match(why.get('ns-wide') ?? '', /waypoints ignore selector/);
  assert.match(why.get('other-gw') ?? '', /names neither/);
});

test('PeerAuthentication levels: a selector in the root namespace is ignored, even for its own pods', () => {
  const pa = (ns: string, name: string, spec: string): string =>
    `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec}`;
  const v = view({
    'file:///w.yaml': [deploy('istio-system', 'r', { app: 'r' }), deploy('shop', 's', { app: 'r' })].join('---\n'),
    'file:///pa.yaml': [
      pa('istio-system', 'mesh', '  mtls: {mode: STRICT}\n'),
      pa('istio-system', 'root-sel', '  selector: {matchLabels: {app: r}}\n  mtls: {mode: DISABLE}\n'),
      pa('shop', 'ns', '  mtls: {mode: PERMISSIVE}\n'),
    ].join('---\n'),
  });
  const s = meshSettings(v, DEFAULT_CONFIG);
  for (const [n, w] of [
    ['istio-system', 'r'],
    ['shop', 's'],
  ] as const) {
    const r = peerAuthenticationsFor(v, s, workload(v, n, w));
    assert.deepEqual(r.workload, []);
    assert.match(r.notApplicable.find((x) => x.fact.name === 'root-sel')?.why ?? '', /root namespace is ignored/);
    assert.deepEqual(
      r.mesh.map((p) => p.name),
      ['mesh'],
    );
  }
});
