// Which AuthorizationPolicies attach, from Istio's own tables, transcribed in our words and run
// through `meshlint explain --format json`: TestPolicyMatcher (pilot/pkg/model/policyattachment_test.go,
// ShouldAttachPolicy) and TestAuthorizationPolicies_ListAuthorizationPolicies
// (pilot/pkg/model/authorization_test.go, root namespace istio-config).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizationPolicy as ap, deployment, docs, explainJson, namespace, names } from '../support/explain';
import type { EffectivePolicy } from '../../server/src/core/policy/types';

const GW = 'gateway.networking.k8s.io/gateway-name';
const gatewayRef = (name: string): string => `{group: gateway.networking.k8s.io, kind: Gateway, name: ${name}}`;
const serviceRef = '{group: "", kind: Service, name: sample-svc}';
const serviceEntryRef = (name: string): string => `{group: networking.istio.io, kind: ServiceEntry, name: ${name}}`;
const classRef = '{group: gateway.networking.k8s.io, kind: GatewayClass, name: istio-waypoint}';
const k8sGateway = (ns: string, name: string, klass: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {gatewayClassName: ${klass}}\n`;

/** The workloads of the table: a plain app, a Gateway API ingress, a waypoint, and waypoints serving a Service or ServiceEntry. */
const subjects: Record<string, { ns: string; files: string[] }> = {
  regularApp: { ns: 'default', files: [deployment('default', 'subject', { app: 'my-app' })] },
  sampleGateway: {
    ns: 'default',
    files: [deployment('default', 'subject', { [GW]: 'sample-gateway' }), k8sGateway('default', 'sample-gateway', 'istio')],
  },
  sampleWaypoint: {
    ns: 'default',
    files: [deployment('default', 'subject', { [GW]: 'sample-waypoint' }), k8sGateway('default', 'sample-waypoint', 'istio-waypoint')],
  },
  serviceTarget: {
    ns: 'default',
    files: [
      deployment('default', 'subject', { app: 'my-app', [GW]: 'sample-waypoint' }),
      k8sGateway('default', 'sample-waypoint', 'istio-waypoint'),
      'apiVersion: v1\nkind: Service\nmetadata: {name: sample-svc, namespace: default, labels: {istio.io/use-waypoint: sample-waypoint}}\nspec: {selector: {app: other}, ports: [{port: 80}]}\n',
    ],
  },
  serviceEntryTarget: {
    ns: 'default',
    files: [
      deployment('default', 'subject', { app: 'my-app', [GW]: 'sample-waypoint' }),
      k8sGateway('default', 'sample-waypoint', 'istio-waypoint'),
      'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: sample-svc-entry, namespace: default, labels: {istio.io/use-waypoint: sample-waypoint}}\nspec: {hosts: [x.example.com]}\n',
    ],
  },
  crossNamespaceWaypoint: {
    ns: 'waypoint',
    files: [
      deployment('waypoint', 'subject', { app: 'my-app', [GW]: 'sample-waypoint' }),
      k8sGateway('waypoint', 'sample-waypoint', 'istio-waypoint'),
      'apiVersion: v1\nkind: Service\nmetadata: {name: sample-svc, namespace: default, labels: {istio.io/use-waypoint: sample-waypoint, istio.io/use-waypoint-namespace: waypoint}}\nspec: {selector: {app: other}}\n',
    ],
  },
};

interface MatcherCase {
  name: string;
  subject: keyof typeof subjects;
  spec: string;
  policyNs?: string;
  attaches: boolean;
}

const sel = (labels: string): string => `  selector: {matchLabels: ${labels}}\n`;
const matcher: MatcherCase[] = [
  { name: 'plain workload, targetRef', subject: 'regularApp', spec: `  targetRef: ${gatewayRef('sample-gateway')}\n`, attaches: false },
  { name: 'plain workload, selector', subject: 'regularApp', spec: sel('{app: my-app}'), attaches: true },
  {
    name: 'plain workload, targetRef and selector',
    subject: 'regularApp',
    spec: sel('{app: my-app}') + `  targetRef: ${gatewayRef('sample-gateway')}\n`,
    attaches: false,
  },
  { name: 'plain workload, neither', subject: 'regularApp', spec: '  {}\n', attaches: true },
  {
    name: 'Gateway API ingress, its targetRef',
    subject: 'sampleGateway',
    spec: `  targetRef: ${gatewayRef('sample-gateway')}\n`,
    attaches: true,
  },
  {
    name: 'Gateway API ingress, selector (flag at its default, on)',
    subject: 'sampleGateway',
    spec: sel(`{${GW}: sample-gateway}`),
    attaches: true,
  },
  {
    name: 'Gateway API ingress, targetRef and selector',
    subject: 'sampleGateway',
    spec: sel(`{${GW}: sample-gateway}`) + `  targetRef: ${gatewayRef('sample-gateway')}\n`,
    attaches: true,
  },
  {
    name: 'Gateway API ingress, another targetRef',
    subject: 'sampleGateway',
    spec: `  targetRef: ${gatewayRef('sample-waypoint')}\n`,
    attaches: false,
  },
  { name: 'Gateway API ingress, neither', subject: 'sampleGateway', spec: '  {}\n', attaches: true },
  { name: 'waypoint, its targetRef', subject: 'sampleWaypoint', spec: `  targetRef: ${gatewayRef('sample-waypoint')}\n`, attaches: true },
  { name: 'waypoint, selector', subject: 'sampleWaypoint', spec: sel(`{${GW}: sample-waypoint}`), attaches: false },
  {
    name: 'waypoint, targetRef and selector',
    subject: 'sampleWaypoint',
    spec: sel(`{${GW}: sample-waypoint}`) + `  targetRef: ${gatewayRef('sample-waypoint')}\n`,
    attaches: true,
  },
  { name: 'waypoint, neither', subject: 'sampleWaypoint', spec: '  {}\n', attaches: false },
  {
    name: 'waypoint, another targetRef',
    subject: 'sampleWaypoint',
    spec: `  targetRef: ${gatewayRef('sample-gateway')}\n`,
    attaches: false,
  },
  {
    name: 'waypoint, matching targetRefs',
    subject: 'sampleWaypoint',
    spec: `  targetRefs: [${gatewayRef('sample-waypoint')}]\n`,
    attaches: true,
  },
  {
    name: 'waypoint, partly matching targetRefs',
    subject: 'sampleWaypoint',
    spec: `  targetRefs: [${gatewayRef('sample-waypoint')}, ${gatewayRef('sample-gateway')}]\n`,
    attaches: true,
  },
  {
    name: 'waypoint, non-matching targetRefs',
    subject: 'sampleWaypoint',
    spec: `  targetRefs: [${gatewayRef('sample-gateway')}]\n`,
    attaches: false,
  },
  { name: 'Service attached', subject: 'serviceTarget', spec: `  targetRefs: [${serviceRef}]\n`, attaches: true },
  {
    name: 'ServiceEntry attached',
    subject: 'serviceEntryTarget',
    spec: `  targetRefs: [${serviceEntryRef('sample-svc-entry')}]\n`,
    attaches: true,
  },
  {
    name: 'a ServiceEntry ref naming a Kubernetes Service',
    subject: 'serviceTarget',
    spec: `  targetRefs: [${serviceEntryRef('sample-svc')}]\n`,
    attaches: false,
  },
  {
    name: 'Gateway attached, waypoint also serving a Service',
    subject: 'serviceTarget',
    spec: `  targetRefs: [${gatewayRef('sample-waypoint')}]\n`,
    attaches: true,
  },
  {
    name: 'Gateway ref from the Service namespace to a waypoint in another namespace',
    subject: 'crossNamespaceWaypoint',
    spec: `  targetRefs: [${gatewayRef('sample-waypoint')}]\n`,
    policyNs: 'default',
    attaches: false,
  },
  {
    name: 'GatewayClass istio-waypoint in the root namespace',
    subject: 'sampleWaypoint',
    spec: `  targetRefs: [${classRef}]\n`,
    policyNs: 'istio-system',
    attaches: true,
  },
  { name: 'GatewayClass istio-waypoint elsewhere', subject: 'sampleWaypoint', spec: `  targetRefs: [${classRef}]\n`, attaches: false },
];

const applied = (e: EffectivePolicy): string[] =>
  names([...e.authorization.custom, ...e.authorization.deny, ...e.authorization.allow, ...e.authorization.audit]);

for (const c of matcher)
  test(`TestPolicyMatcher: ${c.name}`, async () => {
    const s = subjects[c.subject];
    const ns = c.policyNs ?? 'default';
    const e = await explainJson(
      {
        'ns.yaml': docs(namespace('default'), namespace('waypoint')),
        'w.yaml': docs(...s.files),
        'ap.yaml': ap({ ns, name: 'policy1' }, c.spec),
      },
      `${s.ns}/subject`,
    );
    assert.equal(applied(e).includes(`${ns}/policy1`), c.attaches, JSON.stringify(e.notApplicable));
    if (!c.attaches) assert.ok(names(e.notApplicable).includes(`${ns}/policy1`), 'a policy looked at and not applied says why');
  });

// ListAuthorizationPolicies: one rule (from principals sleep, to methods GET); root namespace istio-config.
const rule = '  rules: [{from: [{source: {principals: [sleep]}}], to: [{operation: {methods: [GET]}}]}]\n';
const withSelector = sel('{app: httpbin, version: v1}') + rule;
const deny = '  action: DENY\n' + rule;
interface ListCase {
  name: string;
  ns: string;
  labels?: Record<string, string>;
  policies: [string, string, string][];
  deny?: string[];
  allow?: string[];
}
const list: ListCase[] = [
  { name: 'no policies', ns: 'foo', policies: [] },
  {
    name: 'none in namespace foo',
    ns: 'foo',
    policies: [
      ['authz-1', 'bar', rule],
      ['authz-2', 'bar', rule],
    ],
  },
  { name: 'one allow', ns: 'bar', policies: [['authz-1', 'bar', rule]], allow: ['bar/authz-1'] },
  { name: 'one deny', ns: 'bar', policies: [['authz-1', 'bar', deny]], deny: ['bar/authz-1'] },
  {
    name: 'two of the namespace',
    ns: 'bar',
    policies: [
      ['authz-1', 'foo', rule],
      ['authz-1', 'bar', rule],
      ['authz-2', 'bar', rule],
    ],
    allow: ['bar/authz-1', 'bar/authz-2'],
  },
  {
    name: 'allow and deny',
    ns: 'bar',
    policies: [
      ['authz-1', 'bar', rule],
      ['authz-2', 'bar', deny],
    ],
    deny: ['bar/authz-2'],
    allow: ['bar/authz-1'],
  },
  {
    name: 'selector exact match',
    ns: 'bar',
    labels: { app: 'httpbin', version: 'v1' },
    policies: [['authz-1', 'bar', withSelector]],
    allow: ['bar/authz-1'],
  },
  {
    name: 'selector subset match',
    ns: 'bar',
    labels: { app: 'httpbin', version: 'v1', env: 'dev' },
    policies: [['authz-1', 'bar', withSelector]],
    allow: ['bar/authz-1'],
  },
  { name: 'selector miss', ns: 'bar', labels: { app: 'httpbin', version: 'v2' }, policies: [['authz-1', 'bar', withSelector]] },
  { name: 'other namespace', ns: 'foo', labels: { app: 'httpbin', version: 'v1' }, policies: [['authz-1', 'bar', withSelector]] },
  { name: 'root namespace', ns: 'bar', policies: [['authz-1', 'istio-config', rule]], allow: ['istio-config/authz-1'] },
  {
    name: 'the workload in the root namespace',
    ns: 'istio-config',
    policies: [['authz-1', 'istio-config', rule]],
    allow: ['istio-config/authz-1'],
  },
  {
    name: 'root and own namespace',
    ns: 'bar',
    policies: [
      ['authz-1', 'istio-config', rule],
      ['authz-2', 'bar', rule],
    ],
    allow: ['istio-config/authz-1', 'bar/authz-2'],
  },
];

for (const c of list)
  test(`ListAuthorizationPolicies: ${c.name}`, async () => {
    const files: Record<string, string> = {
      '.meshlint.yaml': 'rootNamespace: istio-config\n',
      'ns.yaml': docs(namespace('foo'), namespace('bar'), namespace('istio-config')),
      'w.yaml': deployment(c.ns, 'subject', c.labels ?? { app: 'any' }),
    };
    if (c.policies.length > 0) files['ap.yaml'] = docs(...c.policies.map(([name, ns, spec]) => ap({ ns, name }, spec)));
    const e = await explainJson(files, `${c.ns}/subject`);
    assert.deepEqual(names(e.authorization.deny), c.deny ?? []);
    assert.deepEqual(names(e.authorization.allow), c.allow ?? []);
  });
