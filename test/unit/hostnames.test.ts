// Host, address and label syntax against Istio's own test tables (agent/validation_test.go, labels/instance_test.go),
// plus cases read off the functions where upstream has no table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fqdnProblem,
  ipSubnetProblem,
  isFqdnOrIp,
  labelsProblems,
  namespaceSlashHostProblem,
  partialWildcardProblem,
  wildcardDomainProblem,
} from '../../server/src/core/rules/lib/hostnames';

/** The inputs where `problem` disagrees with upstream's verdict, so a failure names every one. */
function disagreements(problem: (text: string) => string | undefined, ok: readonly string[], bad: readonly string[]): string[] {
  return [
    ...ok.filter((t) => problem(t) !== undefined).map((t) => `rejects ${JSON.stringify(t)} (${problem(t)}), upstream accepts it`),
    ...bad.filter((t) => problem(t) === undefined).map((t) => `accepts ${JSON.stringify(t)}, upstream rejects it`),
  ];
}

test('ValidateWildcardDomain: TestValidateWildcardDomain', () => {
  const ok = ['x'.repeat(63), '*', '*.bar.com', '*foo', '*foo.bar.com', '*-foo.bar.com'];
  const bad = ['', 'x'.repeat(256), 'foo.*.com', 'foo*.bar.com', '1.1.1.1'];
  assert.deepEqual(disagreements(wildcardDomainProblem, ok, bad), []);
  assert.match(wildcardDomainProblem('')!, /empty/);
  assert.match(wildcardDomainProblem('x'.repeat(256))!, /256 characters/);
});

test('ValidateWildcardDomain, read off the function: upper case, trailing dot, all-digit last label, long labels', () => {
  const ok = ['Foo.Example.COM', 'example.com.', '*.example.com.', 'a.99999999999999999999'];
  const bad = ['foo..com', '.foo.com', 'foo.-bar.com', 'a.123', 'a.+1', `${'x'.repeat(64)}.com`, 'foo_bar.com', '**.com'];
  assert.deepEqual(disagreements(wildcardDomainProblem, ok, bad), []);
});

test('ValidateFQDN: TestValidateFQDN', () => {
  const ok = ['istio.io', 'istio.io.', 'istio-pilot.istio-system.svc.cluster.local', 'istio-pilot.istio-system.svc.cluster.local.'];
  const bad = ['x'.repeat(256), '', '*.istio.io', '1.2.3.4'];
  assert.deepEqual(disagreements(fqdnProblem, ok, bad), []);
});

test('ValidatePartialWildCard: "*" alone or a leading "*." only', () => {
  assert.deepEqual(disagreements(partialWildcardProblem, ['*', '*.example.com', 'example.com'], ['*x', '*foo.com', 'foo.*', 'a*.b']), []);
});

test('ValidateNamespaceSlashWildcardHostname for Sidecar egress hosts', () => {
  const problem = (h: string): string | undefined => namespaceSlashHostProblem(h, { gateway: false });
  const ok = ['*/*', './*', '~/*', 'bar/*.foo.com', 'ns1/foo.example.com', '*/*.svc.cluster.local'];
  const bad = ['foo.example.com', 'ns1/foo', '/foo.com', 'ns1/', 'NS_1/foo.com', 'ns1/foo*.com', 'ns1/*foo.com', 'ns1/1.2.3.4'];
  assert.deepEqual(disagreements(problem, ok, bad), []);
  assert.match(problem('foo.example.com')!, /namespace\/dnsName/);
  assert.match(problem('ns1/foo')!, /short name/);
});

test('ValidateNamespaceSlashWildcardHostname for Gateway hosts: old bare form, IPs, no "~"', () => {
  const problem = (h: string): string | undefined => namespaceSlashHostProblem(h, { gateway: true });
  const ok = ['*', 'foo.example.com', '*.example.com', 'ns1/foo.example.com', './*', '*/*', '10.1.2.3', 'ns1/10.1.2.3'];
  // An IPv6 address has no ".", so the short-name test rejects it before the IP exception applies.
  const bad = ['ns1/fe80::1', '~/foo.example.com', 'foo', 'ns1/foo', 'ns1/*foo.com', 'ns1/foo.*.com', 'bad_ns/foo.com', '/foo.com'];
  assert.deepEqual(disagreements(problem, ok, bad), []);
});

test('ValidateIPSubnet: one "/" means a CIDR block, otherwise an IP address', () => {
  const ok = ['10.0.0.1', '10.0.0.0/8', '2001:1::1/64', 'fe80::1%eth0', '::1'];
  const bad = ['10.0.0.0/33', '10.0.0.1/8/8', 'example.com', '1.2.3', '', '10.0.0.0/'];
  assert.deepEqual(disagreements(ipSubnetProblem, ok, bad), []);
});

test('isFqdnOrIp: the workload address and tunnel target host test', () => {
  const ok = ['foo.example.com', 'svc', '10.0.0.1', '2001:db8::1'];
  const bad = ['foo_bar', '1.2.3', '*.example.com', ''];
  assert.deepEqual(
    disagreements((t) => (isFqdnOrIp(t) ? undefined : 'no'), ok, bad),
    [],
  );
});

test('labels.Instance.Validate: TestInstanceValidate', () => {
  const ok: Record<string, string>[] = [
    {},
    { key: 'value' },
    { key: '' },
    { 'k8s.io/key': 'value' },
    { 'app.kubernetes.io/name': 'value' },
  ];
  const bad: Record<string, string>[] = [
    { '^': '^' },
    { '': 'value' },
    { '.key': 'value' },
    { key_: 'value' },
    { key$: 'value' },
    { 'istio./key': 'value' },
    { key: '.value' },
    { key: 'value_' },
    { key: 'value$' },
  ];
  assert.deepEqual(
    ok.filter((l) => labelsProblems(l).length > 0),
    [],
  );
  assert.deepEqual(
    bad.filter((l) => labelsProblems(l).length === 0),
    [],
  );
});

test('labels.Instance.Validate, read off the function: where Istio differs from Kubernetes', () => {
  // Upper-case DNS prefixes and values longer than 63 characters pass; a name over 63 characters does not.
  assert.deepEqual(labelsProblems({ 'Example.COM/app': 'v'.repeat(80) }), []);
  assert.deepEqual(
    labelsProblems({ ['n'.repeat(64)]: 'ok', 'a/b/c': 'ok', app: 'bad value' }).map((p) => [p.key, p.on]),
    [
      ['n'.repeat(64), 'key'],
      ['a/b/c', 'key'],
      ['app', 'value'],
    ],
  );
});
