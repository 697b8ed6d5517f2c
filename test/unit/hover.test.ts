// Hover from the core: field text from the schema, concept pages for security fields, the meaning
// of enum values, and the rule behind a finding at the cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newEngine, registry, offsetOf } from '../support/engine';
import { concepts } from '../support/editing';
import { peerAuthentication } from '../support/sample-manifests';
import { hoverAt, type HoverDeps, type HoverResult } from '../../server/src/core/hover/hover';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { DEFAULT_CONFIG } from '../../server/src/core/config';

const deps: HoverDeps = {
  registry: registry(),
  concepts: concepts(),
  rules: allRuleMetas(),
  docsLink: (id) => `https://example.test/rules/${id}`,
  conceptLink: (name) => `https://example.test/concepts/${name}`,
};

const PA = peerAuthentication({ namespace: 'shop', mode: 'PERMISSIVE' });

function hover(text: string, needle: string, nth = 0, delta = 1): { h: HoverResult | undefined; text: string } {
  const analysis = newEngine().analyze(text, DEFAULT_CONFIG);
  return { h: hoverAt(analysis, offsetOf(text, needle, nth) + delta, deps), text };
}

test('on a key: path, type, description and the concept with its example', () => {
  const { h, text } = hover(PA, 'mtls:');
  assert.ok(h);
  assert.equal(text.slice(h.start, h.end), 'mtls');
  assert.match(h.markdown, /\*\*`spec\.mtls`\*\* · object/);
  assert.match(h.markdown, /mTLS mode for all ports/);
  assert.match(h.markdown, /Mutual TLS and PeerAuthentication modes/);
  assert.match(h.markdown, /```yaml/);
  assert.match(h.markdown, /workload > |overrides the selector-less policy/);
  assert.match(h.markdown, /\(https:\/\/example\.test\/concepts\/mtls-modes\)/);
});

test('on an enum value: what that value means, the allowed values, and the rule reporting it', () => {
  const { h, text } = hover(PA, 'PERMISSIVE', 0, 3);
  assert.ok(h);
  assert.equal(text.slice(h.start, h.end), 'PERMISSIVE');
  assert.match(h.markdown, /^\*\*`PERMISSIVE`\*\* — a value of `spec\.mtls\.mode`/);
  assert.match(h.markdown, /plaintext/);
  assert.match(h.markdown, /Allowed values: `UNSET`, `DISABLE`, `PERMISSIVE`, `STRICT`/);
  assert.match(h.markdown, /\[peer-authentication-permissive\]\(https:\/\/example\.test\/rules\/peer-authentication-permissive\)/);
  // The value's own section, not the other values' sections.
  assert.doesNotMatch(h.markdown, /No mode of its own/);
});

test('STRICT has no finding, so no rule is named', () => {
  const { h } = hover(PA.replace('PERMISSIVE', 'STRICT'), 'STRICT', 0, 2);
  assert.ok(h);
  assert.match(h.markdown, /verified identity/);
  assert.doesNotMatch(h.markdown, /meshlint (warning|error)/);
});

test('a required field says so; a field without a concept shows only its own text', () => {
  const cert = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: api
  namespace: shop
spec:
  secretName: api-tls
  dnsNames:
    - api.shop.svc
  issuerRef:
    name: mesh-ca
    kind: ClusterIssuer
`;
  const issuer = hover(cert, 'issuerRef').h;
  assert.match(issuer?.markdown ?? '', /\*\*`spec\.issuerRef`\*\* · object · required/);
  const name = hover(cert, 'name: api').h;
  assert.match(name?.markdown ?? '', /\*\*`metadata\.name`\*\* · string/);
  assert.doesNotMatch(name?.markdown ?? '', /---/);
  const dns = hover(cert, 'dnsNames').h;
  assert.match(dns?.markdown ?? '', /list of string/);
});

test('list items of an enum are explained with the list concept (usages)', () => {
  const cert = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: api
spec:
  secretName: api-tls
  dnsNames: [api.shop.svc]
  usages:
    - client auth
  issuerRef:
    name: mesh-ca
`;
  const { h } = hover(cert, 'client auth', 0, 2);
  assert.match(h?.markdown ?? '', /\*\*`client auth`\*\* — a value of `spec\.usages\[\]`/);
  assert.match(h?.markdown ?? '', /calling side of mutual TLS/);
});

test('an enum value without a concept section is explained from the schema description', () => {
  const ap = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: shop
spec:
  ingress:
    - port:
        number: 8080
      captureMode: IPTABLES
`;
  const { h } = hover(ap, 'IPTABLES', 0, 2);
  assert.match(h?.markdown ?? '', /\*\*`IPTABLES`\*\* — a value of `spec\.ingress\[\]\.captureMode`/);
  assert.match(h?.markdown ?? '', /DEFAULT \(per the environment\), IPTABLES or NONE/);
});

test('the kind value describes the resource and its concept', () => {
  const { h } = hover(PA, 'PeerAuthentication', 0, 4);
  assert.match(h?.markdown ?? '', /\*\*PeerAuthentication \(security\.istio\.io\/v1\)\*\*/);
  assert.match(h?.markdown ?? '', /Mutual TLS and PeerAuthentication modes/);
});

test('a deprecated version says so on its kind', () => {
  const { h } = hover(PA.replace('security.istio.io/v1', 'security.istio.io/v1beta1'), 'PeerAuthentication', 0, 4);
  assert.match(h?.markdown ?? '', /deprecated/);
});

test('an unknown key gets the schema finding (with the rule) instead of field text', () => {
  const { h } = hover(PA.replace('    mode:', '    mdoe:'), 'mdoe', 0, 1);
  assert.ok(h);
  assert.match(h.markdown, /schema-validation/);
  assert.doesNotMatch(h.markdown, /spec\.mtls\.mdoe`\*\* ·/);
});

test('in a multi-document file each document uses its own schema', () => {
  const text = `${PA}---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n`;
  const { h } = hover(text, 'ISTIO_MUTUAL', 0, 2);
  assert.match(h?.markdown ?? '', /a value of `spec\.trafficPolicy\.tls\.mode`/);
  assert.match(h?.markdown ?? '', /Client-side TLS: DestinationRule modes and auto mTLS/);
  assert.match(h?.markdown ?? '', /auto mTLS/);
});

test('sidecar injection labels are explained on kinds without a schema', () => {
  const deploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch
spec:
  template:
    metadata:
      labels:
        sidecar.istio.io/inject: "false"
`;
  const { h } = hover(deploy, 'sidecar.istio.io/inject', 0, 3);
  assert.match(h?.markdown ?? '', /keeps this pod out of the mesh/);
  assert.match(h?.markdown ?? '', /Sidecar injection/);
});

test('nothing to say: plain YAML, blank space, a non-mesh field', () => {
  const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n';
  assert.equal(hover(other, 'a: b').h, undefined);
  const analysis = newEngine().analyze(PA, DEFAULT_CONFIG);
  assert.equal(hoverAt(analysis, PA.indexOf('spec:') + 5, deps), undefined);
});

test('hover still works in a document that does not parse cleanly', () => {
  const broken = `${PA}  portLevelMtls:\n    8080:\n      mode: [DISABLE\n`;
  const { h } = hover(broken, 'mtls:', 0, 1);
  assert.match(h?.markdown ?? '', /spec\.mtls/);
});
