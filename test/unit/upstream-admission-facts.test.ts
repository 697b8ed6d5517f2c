// Facts from Istio's and cert-manager's admission code and test tables, checked against the
// helpers that model them: path templates, JWKS parsing, RFC 2136 nameservers, Kubernetes label
// syntax, server TLS options, and the rules built on them (issue 13).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathTemplateProblem } from '../../server/src/core/rules/lib/path-template';
import { jwksProblem } from '../../server/src/core/rules/lib/jwks';
import { nameserverProblem } from '../../server/src/core/rules/lib/nameserver';
import { labelValueProblem, qualifiedNameProblem } from '../../server/src/core/rules/lib/k8s-names';
import { serverTlsProblems } from '../../server/src/core/rules/lib/server-tls-options';
import { analyze, only } from '../support/engine';

test('path templates: what Istio rejects and what it accepts', () => {
  // Istio's own invalid cases (security_test and validation tables).
  for (const p of ['/api/{**}/{*}', '/{**}/test/{*}', '/{**}/{**}', '/{**}/{**}test', '/{**}{*}', '/api/{**}{*}', '/{**}test']) {
    assert.ok(pathTemplateProblem(p), p);
  }
  for (const p of ['/{*', '/*}', '/{*api}', '/{***}', '/users/{id}', '/api/{*}/user profile', '/api/{*}/a?b', '/a/{*}//b']) {
    assert.ok(pathTemplateProblem(p), p);
  }
  // Accepted: literals may follow {**}; paths without templates are not literal-checked.
  for (const p of ['foo/{**}/bar.tmp', '/a/{**}/b', '{*}/foo/{**}/bar.tmp', '/a/{*}/b', '/static/{**}', '/api/*/x', '*', '/a b']) {
    assert.equal(pathTemplateProblem(p), undefined, p);
  }
});

test('inline JWKS: readable sets and keys pass, anything else is refused', () => {
  assert.equal(jwksProblem('{"keys":[]}'), undefined);
  assert.equal(jwksProblem('{"keys":[{"kty":"RSA","n":"x","e":"AQAB"}]}'), undefined);
  assert.equal(jwksProblem('{"kty":"EC","crv":"P-256","x":"a","y":"b"}'), undefined);
  for (const bad of ['not json', '[]', '"x"', '{"keys":{}}', '{"keys":[1]}', '{"keys":[{"n":"x"}]}', '{"kty":"DSA"}']) {
    assert.ok(jwksProblem(bad), bad);
  }
});

test('RFC 2136 nameservers, as cert-manager reads them', () => {
  for (const ok of ['8.8.8.8', '8.8.8.8:', '8.8.8.8:53', '[2001:db8::1]', '[2001:db8::1]:53', 'ns.example.com', ' ns.example.com:5353 ']) {
    assert.equal(nameserverProblem(ok), undefined, ok);
  }
  for (const bad of ['', '   ', ':53', '2001:db8::1', '[2001:db8::1', '10.0.0.1:0', '10.0.0.1:65536', '10.0.0.1:abc', '[::1]x']) {
    assert.ok(nameserverProblem(bad), bad);
  }
});

test('Kubernetes label keys and values', () => {
  for (const ok of ['app', 'app.kubernetes.io/name', 'a_b.c-d', 'example.com/x']) assert.equal(qualifiedNameProblem(ok), undefined, ok);
  for (const bad of ['-bad', 'a/b/c', '/x', 'Example.com/x', 'x/', 'a'.repeat(64)]) assert.ok(qualifiedNameProblem(bad), bad);
  for (const ok of ['', 'v1', 'front.end_2']) assert.equal(labelValueProblem(ok), undefined, ok);
  for (const bad of ['front end', '-x', 'x-', 'a'.repeat(64)]) assert.ok(labelValueProblem(bad), bad);
});

test('server TLS options: the absent mode is PASSTHROUGH, ISTIO_MUTUAL takes no certificates', () => {
  const levels = (tls: Record<string, unknown>): string[] => serverTlsProblems(tls).map((p) => `${p.severity}:${p.at.join('.')}`);
  assert.deepEqual(levels({ credentialName: 'x' }), ['warning:credentialName']);
  assert.deepEqual(levels({ mode: 'SIMPLE', credentialName: 'x' }), []);
  assert.deepEqual(levels({ mode: 'ISTIO_MUTUAL', caCertificates: '/ca', credentialNames: ['a'] }), [
    'error:caCertificates',
    'error:credentialNames',
  ]);
  assert.deepEqual(levels({ mode: 'MUTUAL', credentialName: 'x', tlsCertificates: [{}] }), ['error:tlsCertificates']);
  // A CRL beside a Secret is only refused where the Secret does not already end the check.
  assert.deepEqual(levels({ mode: 'MUTUAL', credentialName: 'x', caCrl: '/crl' }), []);
  assert.deepEqual(levels({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k', caCrl: '/crl' }), ['error:caCrl']);
  assert.deepEqual(levels({ mode: 'SIMPLE', credentialName: 'x', cipherSuites: ['-ALL', 'ALL', 'AES128-SHA', 'AES128-SHA', 'NOPE'] }), [
    'warning:cipherSuites.3',
    'warning:cipherSuites.4',
  ]);
});

const gateway = (server: string): string =>
  `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: istio-ingress}
spec:
  selector: {istio: ingressgateway}
  servers:
  - hosts: ["a.example.com"]
${server}`;

test('gateway-server-tls compares port and TLS only when the port itself is valid', () => {
  const count = (server: string): number => only(analyze(gateway(server)), 'gateway-server-tls').length;
  assert.equal(count('    port: {number: 443, name: https, protocol: HTTPS}\n'), 1);
  // Without a port name Istio reports the port and skips the protocol/TLS comparison.
  assert.equal(count('    port: {number: 443, protocol: HTTPS}\n'), 0);
  assert.equal(count('    port: {number: 80, name: http, protocol: http}\n    tls: {httpsRedirect: true}\n'), 0);
  assert.equal(count('    port: {number: 80, name: http, protocol: HTTP}\n    tls: {httpsRedirect: true, privateKey: /k}\n'), 2);
});

test('RequestAuthentication timeout: a Go duration of at least 1ms', () => {
  const findings = (timeout: string): number =>
    only(
      analyze(`apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: ra, namespace: shop}
spec:
  jwtRules:
  - issuer: https://id.example.com
    jwksUri: https://id.example.com/jwks
    timeout: "${timeout}"
`),
      'request-authentication-jwt-rule',
    ).length;
  for (const ok of ['1ms', '5s', '1m30s', '1000us']) assert.equal(findings(ok), 0, ok);
  for (const bad of ['apple', '0s', '0', '999us', '-1s', '5']) assert.equal(findings(bad), 1, bad);
});
