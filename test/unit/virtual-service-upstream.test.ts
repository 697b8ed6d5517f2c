// The cases of Istio's TestValidateVirtualService (pkg/config/validation/validation_test.go) that fall
// to virtual-service-invalid and virtual-service-unreachable, transcribed as facts: the same spec, and
// whether upstream accepts it and warns. HTTP route checks (destinations, rewrites, headers, JWT claim
// matches) are virtual-service-http-invalid's and left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../support/engine';

const RULES = ['virtual-service-invalid', 'virtual-service-unreachable'];
const ROUTE = 'route: [{destination: {host: foo.baz}}]';

interface Case {
  name: string;
  spec: string;
  valid: boolean;
  warning?: boolean;
}

const CASES: Case[] = [
  { name: 'simple', spec: `hosts: [foo.bar]\nhttp: [{${ROUTE}}]`, valid: true },
  {
    name: 'allow sni based domains',
    spec:
      'hosts: ["outbound_.15010_._.istiod.istio-system.svc.cluster.local"]\ngateways: [ns1/gateway]\n' +
      'tls: [{match: [{sniHosts: ["outbound_.15010_._.istiod.istio-system.svc.cluster.local"]}], ' +
      'route: [{destination: {host: istio.istio-system.svc.cluster.local}}]}]',
    valid: true,
  },
  { name: 'duplicate hosts', spec: `hosts: ["*.foo.bar", "*.bar"]\nhttp: [{${ROUTE}}]`, valid: false },
  { name: 'delegate with no hosts', spec: `http: [{${ROUTE}}]`, valid: true },
  { name: 'bad host', spec: `hosts: [foo.ba!r]\nhttp: [{${ROUTE}}]`, valid: false },
  { name: 'no tcp or http routing', spec: 'hosts: [foo.bar]', valid: false },
  { name: 'bad gateway', spec: `hosts: [foo.bar]\ngateways: [b@dgateway]\nhttp: [{${ROUTE}}]`, valid: false },
  { name: 'FQDN for gateway', spec: `hosts: [foo.bar]\ngateways: [gateway.example.com]\nhttp: [{${ROUTE}}]`, valid: true, warning: true },
  { name: 'namespace/name for gateway', spec: `hosts: [foo.bar]\ngateways: [ns1/gateway]\nhttp: [{${ROUTE}}]`, valid: true },
  { name: 'namespace/* for gateway', spec: `hosts: [foo.bar]\ngateways: ["ns1/*"]\nhttp: [{${ROUTE}}]`, valid: false },
  { name: '*/name for gateway', spec: `hosts: [foo.bar]\ngateways: ["*/gateway"]\nhttp: [{${ROUTE}}]`, valid: false },
  { name: 'wildcard for mesh gateway', spec: `hosts: ["*"]\nhttp: [{${ROUTE}}]`, valid: false },
  { name: 'wildcard for non-mesh gateway', spec: `hosts: ["*"]\ngateways: [somegateway]\nhttp: [{${ROUTE}}]`, valid: true },
  { name: 'missing tcp route', spec: 'hosts: [foo.bar]\ntcp: [{match: [{port: 999}]}]', valid: false },
  { name: 'missing tls route', spec: 'hosts: [foo.bar]\ntls: [{match: [{port: 999, sniHosts: [foo.bar]}]}]', valid: false },
  {
    name: 'non-method-get',
    spec: `hosts: [foo.bar]\nhttp: [{${ROUTE}, match: [{uri: {prefix: /api/v1/product}}, {uri: {prefix: /api/v1/products}, method: {exact: GET}}]}]`,
    valid: true,
    warning: true,
  },
  {
    name: 'uri-with-prefix-exact',
    spec: `hosts: [foo.bar]\nhttp: [{${ROUTE}, match: [{uri: {prefix: /}}, {uri: {exact: /}, method: {exact: GET}}]}]`,
    valid: true,
  },
  {
    name: 'ip address as sni host',
    spec: 'hosts: [foo.bar]\ntls: [{route: [{destination: {host: foo.baz}}], match: [{port: 999, sniHosts: [1.1.1.1]}]}]',
    valid: true,
    warning: true,
  },
  {
    name: 'invalid wildcard as sni host',
    spec: 'hosts: [foo.bar]\ntls: [{route: [{destination: {host: foo.baz}}], match: [{port: 999, sniHosts: ["foo.*.com"]}]}]',
    valid: false,
  },
];

function manifest(spec: string): string {
  const body = spec
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\n  namespace: shop\nspec:\n${body}\n`;
}

for (const c of CASES) {
  test(`TestValidateVirtualService "${c.name}": ${c.valid ? 'accepted' : 'rejected'}${c.warning ? ' with a warning' : ''}`, () => {
    const findings = analyze(manifest(c.spec)).filter((f) => RULES.includes(f.ruleId));
    const errors = findings.filter((f) => f.severity === 'error').map((f) => f.message);
    const warnings = findings.filter((f) => f.severity === 'warning').map((f) => f.message);
    if (c.valid) assert.deepEqual(errors, []);
    else assert.ok(errors.length > 0, 'no error for a spec upstream rejects');
    if (c.warning) assert.ok(warnings.length > 0, 'no warning where upstream warns');
    else assert.deepEqual(warnings, []);
  });
}
