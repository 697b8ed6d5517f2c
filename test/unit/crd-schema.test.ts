// Validation against the user's own CRDs: their structural schemas replace the built-in ones for
// the kinds they define (unknown fields, versions served), and hover/completion read the same schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyze } from '../support/engine';
import { analyzeWithCrds, crdRegistry, CRD_FIXTURES, ISTIO_CRDS, CERT_MANAGER_CRDS, crdText, TRUST_DOMAINS_POLICY } from '../support/crds';
import { readCrds } from '../../server/src/core/crd/read-crds';
import { kindSchemaOf } from '../../server/src/core/editing/resource-of';
import { propertiesOf, schemaAt } from '../../server/src/core/schema-walk';
import type { Finding } from '../../server/src/core/types';
import { Engine } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { hoverAt } from '../../server/src/core/hover/hover';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { concepts } from '../support/editing';

const WITHOUT = path.join(CRD_FIXTURES, 'authorization-policy-without-trust-domains.yaml');
const WITH = path.join(CRD_FIXTURES, 'authorization-policy-with-trust-domains.yaml');

const TRUST_DOMAINS = TRUST_DOMAINS_POLICY;

const schemaErrors = (fs: Finding[]): Finding[] => fs.filter((f) => f.ruleId === 'schema-validation' && f.severity === 'error');

test('source.trustDomains is clean with the Istio 1.30 CRDs', () => {
  assert.deepEqual(schemaErrors(analyzeWithCrds(TRUST_DOMAINS, ISTIO_CRDS)), []);
});

test('source.trustDomains is an unknown field with a CRD that lacks it, on its key', () => {
  const fs = schemaErrors(analyzeWithCrds(TRUST_DOMAINS, WITHOUT));
  assert.equal(fs.length, 1);
  assert.equal(TRUST_DOMAINS.slice(fs[0].start, fs[0].end), 'trustDomains');
  assert.match(fs[0].message, /^Unknown field `trustDomains` in AuthorizationPolicy spec\.rules\[0\]\.from\[0\]\.source/);
  assert.deepEqual(schemaErrors(analyzeWithCrds(TRUST_DOMAINS, WITH)), []);
});

test('a CRD replaces only the kinds it defines: other kinds keep the built-in schemas', () => {
  const pa = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: a}\nspec:\n  mtls: {mode: STRICT}\n  bogus: 1\n';
  const ours = schemaErrors(analyze(pa)).map((f) => f.message);
  assert.deepEqual(
    schemaErrors(analyzeWithCrds(pa, WITHOUT)).map((f) => f.message),
    ours,
  );
  assert.equal(ours.length, 1);
});

test('a version the CRD does not serve is unknown-api-version naming the served ones', () => {
  const beta = TRUST_DOMAINS.replace('security.istio.io/v1', 'security.istio.io/v1beta1').replace('trustDomains', 'principals');
  const fs = analyzeWithCrds(beta, WITHOUT).filter((f) => f.ruleId === 'unknown-api-version');
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /version `v1beta1`; served versions: v1\.$/);
  // The built-in schemas serve v1beta1, so without the CRD the same document is fine.
  assert.deepEqual(
    analyze(beta).filter((f) => f.ruleId === 'unknown-api-version'),
    [],
  );
});

test('structural rules: nullable, int-or-string, preserve-unknown-fields and status pass; a wrong type fails', () => {
  const se = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: db, namespace: shop}
spec:
  hosts: [db.example]
  ports:
  - {number: 5432, name: tcp, protocol: TCP}
  resolution: DNS
`;
  assert.deepEqual(schemaErrors(analyzeWithCrds(se, ISTIO_CRDS)), []);
  const bad = se.replace('number: 5432', 'number: "5432"');
  const fs = schemaErrors(analyzeWithCrds(bad, ISTIO_CRDS));
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /must be an integer/);
  const cert = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: web}
spec:
  secretName: web-tls
  dnsNames: [web.example]
  issuerRef: {name: ca, kind: Issuer}
  duration: 2160h
  keystores:
    pkcs12: {create: true, passwordSecretRef: {name: p, key: k}}
`;
  assert.deepEqual(schemaErrors(analyzeWithCrds(cert, CERT_MANAGER_CRDS)), []);
});

test('kubectl get crd -o yaml output (a v1/List) is a source, and the later definition of a kind wins', () => {
  const list = crdText(path.join(CRD_FIXTURES, 'peer-authentication-rules.yaml'));
  const crds = readCrds([crdText(WITHOUT), list, crdText(WITH)]);
  const kinds = crds.map((c) => `${c.group}/${c.kind}`).sort();
  assert.deepEqual(kinds, ['security.istio.io/AuthorizationPolicy', 'security.istio.io/PeerAuthentication']);
  assert.equal(crds.find((c) => c.kind === 'AuthorizationPolicy')?.source, WITH);
});

test('hover and completion read the CRD schema: its fields, not the built-in ones', () => {
  const ref = { apiVersion: 'security.istio.io/v1', group: 'security.istio.io', version: 'v1', kind: 'AuthorizationPolicy', mesh: true };
  const fieldsOfSource = (reg: ReturnType<typeof crdRegistry>['registry']): string[] => {
    const ks = kindSchemaOf(reg, ref);
    assert.ok(ks);
    const source = schemaAt(reg, ks.root, ['spec', 'rules', 0, 'from', 0, 'source']);
    assert.ok(source);
    return propertiesOf(reg, source).map(([n]) => n);
  };
  assert.deepEqual(fieldsOfSource(crdRegistry(WITHOUT).registry), ['principals', 'namespaces']);
  assert.ok(fieldsOfSource(crdRegistry(ISTIO_CRDS).registry).includes('trustDomains'));
});

test('a CRD oneOf of alternative fields is one error naming them, and istio-exclusive-fields yields to it', () => {
  const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: lb, namespace: shop}
spec:
  host: web.shop.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      simple: ROUND_ROBIN
      consistentHash: {useSourceIp: true}
`;
  assert.equal(analyze(text).filter((f) => f.ruleId === 'istio-exclusive-fields').length, 1, 'ours fires without CRDs');
  const fs = analyzeWithCrds(text, ISTIO_CRDS).filter((f) => f.severity === 'error');
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), 'loadBalancer');
  const expected =
    '`spec.trafficPolicy.loadBalancer` sets simple and consistentHash, which are alternatives: ' +
    'only one of simple, consistentHash may be set.';
  assert.equal(fs[0].message, expected);
});

test('hover on a field only the CRD knows shows the CRD schema', () => {
  const reg = crdRegistry(ISTIO_CRDS).registry;
  const analysis = new Engine(reg).analyze(TRUST_DOMAINS, DEFAULT_CONFIG);
  const h = hoverAt(analysis, TRUST_DOMAINS.indexOf('trustDomains') + 2, { registry: reg, concepts: concepts(), rules: allRuleMetas() });
  assert.ok(h);
  assert.equal(TRUST_DOMAINS.slice(h.start, h.end), 'trustDomains');
  assert.match(h.markdown, /^\*\*`spec\.rules\[\]\.from\[\]\.source\.trustDomains`\*\* · list of string\n\nOptional\.$/);
});

test('status written in a manifest is accepted as it is, as with the built-in schemas', () => {
  const text = `${TRUST_DOMAINS}status:\n  conditions: [{type: Ready, bogus: 1}]\n  validationMessages: "wrong type"\n`;
  assert.deepEqual(schemaErrors(analyzeWithCrds(text, ISTIO_CRDS)), []);
});
