// The sidecar access check against Istio's builder golden files (policy -> Envoy RBAC), with
// requests chosen so the golden RBAC allows or denies them; hand-built policy models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runQuery as run, short, type ModelSpec, type PolicySpec } from '../support/access-model';

const allow = (rules: PolicySpec['rules'], name = 'httpbin'): PolicySpec => ({ name, rules });
const deny = (rules: PolicySpec['rules'], name = 'httpbin-deny'): PolicySpec => ({ name, action: 'DENY', rules });

test('no policies: allowed; an ALLOW policy without rules denies everything (allow-none)', () => {
  assert.equal(short(run({})), 'ALLOW no-allow-policies');
  assert.equal(short(run({ policies: [allow(undefined)] })), 'DENY allow-policies-exist-none-matched');
});

test('an empty rule matches everything (allow-empty-rule, deny-empty-rule)', () => {
  assert.equal(short(run({ policies: [allow([{}])] })), 'ALLOW allow-policy-matched foo/httpbin#0');
  assert.equal(short(run({ policies: [deny([{}])] })), 'DENY deny-policy-matched foo/httpbin-deny#0');
});

test('principals: spiffe:// prefix added, prefix/suffix/presence forms, plaintext never matches', () => {
  const p = (v: string[]) => [allow([{ from: [{ source: { principals: v } }] }])];
  assert.equal(run({ policies: p(['cluster.local/ns/ns-1/sa/sa-1']) }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['cluster.local/ns/ns-1/*']) }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['*/sa/sa-1']) }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['*/sa/sa-2']) }).verdict, 'DENY');
  assert.equal(run({ policies: p(['*']) }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['*']) }, { source: { plaintext: true } }).verdict, 'DENY');
  const notAll = [deny([{ from: [{ source: { notPrincipals: ['*'] } }] }])];
  assert.equal(short(run({ policies: notAll }, { source: { plaintext: true } })), 'DENY deny-policy-matched foo/httpbin-deny#0');
  assert.equal(run({ policies: notAll }).verdict, 'ALLOW');
});

test('namespaces: regex on the principal, `*` forms, needs a peer certificate', () => {
  const p = (v: string[]) => [allow([{ from: [{ source: { namespaces: v } }] }])];
  assert.equal(run({ policies: p(['ns-1']) }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['ns-*']) }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['*-1']) }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['ns-2']) }).verdict, 'DENY');
  assert.equal(run({ policies: p(['ns-1']) }, { source: { plaintext: true } }).verdict, 'DENY');
});

test('serviceAccounts: name alone means the policy namespace; ns/name anywhere', () => {
  const p = (v: string[], namespace = 'foo') => [{ ...allow([{ from: [{ source: { serviceAccounts: v } }] }]), namespace }];
  assert.equal(run({ policies: p(['ns-1/sa-1']) }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['sa-1']) }).verdict, 'DENY');
  assert.equal(run({ policies: p(['sa-1'], 'ns-1') }).verdict, 'ALLOW');
  assert.equal(run({ policies: p(['ns-1/sa-10']) }).verdict, 'DENY');
  assert.equal(run({ policies: p(['ns-1/sa-1']) }, { source: { principal: 'spiffe://td/ns/ns-1/x/y/sa/sa-1' } }).verdict, 'ALLOW');
});

test('trust domain aliases: cluster.local means the local trust domain and its aliases (simple-policy-td-aliases)', () => {
  const rules = [{ from: [{ source: { principals: ['cluster.local/ns/ns-1/sa/sa-1'] } }] }];
  const spec = { trustDomain: 'td1', aliases: ['cluster.local', 'some-td'], policies: [allow(rules)] };
  for (const td of ['td1', 'cluster.local', 'some-td']) {
    assert.equal(run(spec, { source: { principal: `spiffe://${td}/ns/ns-1/sa/sa-1` } }).verdict, 'ALLOW', td);
  }
  assert.equal(run(spec, { source: { principal: 'spiffe://other/ns/ns-1/sa/sa-1' } }).verdict, 'DENY');
  // A foreign trust domain is kept verbatim; a `*` trust domain is not enforced.
  const foreign = {
    trustDomain: 'td1',
    aliases: ['td2'],
    policies: [allow([{ from: [{ source: { principals: ['td3/ns/ns-1/sa/sa-1'] } }] }])],
  };
  assert.equal(run(foreign, { source: { principal: 'spiffe://td1/ns/ns-1/sa/sa-1' } }).verdict, 'DENY');
  assert.equal(run(foreign, { source: { principal: 'spiffe://td3/ns/ns-1/sa/sa-1' } }).verdict, 'ALLOW');
  const any = { trustDomain: 'td1', policies: [allow([{ from: [{ source: { principals: ['*/ns/ns-1/sa/sa-1'] } }] }])] };
  assert.equal(run(any, { source: { principal: 'spiffe://x/ns/ns-1/sa/sa-1' } }).verdict, 'ALLOW');
  // With the mesh trust domain td1 and no alias, cluster.local in the policy still means td1.
  const local = { trustDomain: 'td1', policies: [allow([{ from: [{ source: { principals: ['cluster.local/ns/ns-1/sa/sa-1'] } }] }])] };
  assert.equal(run(local, { source: { principal: 'spiffe://td1/ns/ns-1/sa/sa-1' } }).verdict, 'ALLOW');
  assert.equal(run(local, { source: { principal: 'spiffe://cluster.local/ns/ns-1/sa/sa-1' } }).verdict, 'DENY');
});

test('trustDomains: exact, `*`, one inner `*`, aliases expanded', () => {
  const p = (v: string[]) => ({ trustDomain: 'td1', aliases: ['td2'], policies: [allow([{ from: [{ source: { trustDomains: v } }] }])] });
  assert.equal(run(p(['td1']), { source: { principal: 'spiffe://td2/ns/a/sa/b' } }).verdict, 'ALLOW');
  assert.equal(run(p(['td3']), { source: { principal: 'spiffe://td2/ns/a/sa/b' } }).verdict, 'DENY');
  assert.equal(run(p(['*']), { source: { principal: 'spiffe://x/ns/a/sa/b' } }).verdict, 'ALLOW');
  assert.equal(run(p(['t*3']), { source: { principal: 'spiffe://tx3/ns/a/sa/b' } }).verdict, 'ALLOW');
  assert.equal(run(p(['*']), { source: { plaintext: true } }).verdict, 'DENY');
});

test('methods are case-sensitive; hosts ignore case and include the port', () => {
  const m = [allow([{ to: [{ operation: { methods: ['GET'] } }] }])];
  assert.equal(run({ policies: m }, { request: { method: 'GET' } }).verdict, 'ALLOW');
  assert.equal(run({ policies: m }, { request: { method: 'get' } }).verdict, 'DENY');
  assert.equal(run({ policies: m }).verdict, 'ALLOW'); // GET by default
  const h = [allow([{ to: [{ operation: { hosts: ['example.com'] } }] }])];
  assert.equal(run({ policies: h }, { request: { host: 'EXAMPLE.com' } }).verdict, 'ALLOW');
  assert.equal(run({ policies: h }, { request: { host: 'example.com:8080' } }).verdict, 'DENY');
  const hp = [allow([{ to: [{ operation: { hosts: ['example.com:*'] } }] }])];
  assert.equal(run({ policies: hp }, { request: { host: 'example.com:8080' } }).verdict, 'ALLOW');
  assert.equal(
    run({ policies: [allow([{ to: [{ operation: { hosts: ['*.suffix.com'] } }] }])] }, { request: { host: 'a.suffix.com' } }).verdict,
    'ALLOW',
  );
});

test('paths: prefix/suffix/presence, templates after normalization, query ignored, * inside literal', () => {
  const p = (v: string[], pathNormalization = 'BASE') => ({
    pathNormalization,
    policies: [allow([{ to: [{ operation: { paths: v } }] }])],
  });
  const path = (s: ModelSpec, x: string) => run(s, { request: { path: x } }).verdict;
  assert.equal(path(p(['/api*']), '/apiary'), 'ALLOW');
  assert.equal(path(p(['*/suffix']), '/a/suffix'), 'ALLOW');
  assert.equal(path(p(['/exact']), '/exact?x=1'), 'ALLOW');
  assert.equal(path(p(['/exact']), '/a/../exact'), 'ALLOW');
  assert.equal(path(p(['/exact'], 'NONE'), '/a/../exact'), 'DENY');
  assert.equal(path(p(['/a/b']), '//a//b'), 'DENY');
  assert.equal(path(p(['/a/b'], 'MERGE_SLASHES'), '//a//b'), 'ALLOW');
  assert.equal(path(p(['/a/b'], 'DECODE_AND_MERGE_SLASHES'), '/a%2Fb'), 'ALLOW');
  assert.equal(path(p(['/a/*/c']), '/a/b/c'), 'DENY');
  assert.equal(path(p(['/a/*/c']), '/a/*/c'), 'ALLOW');
  assert.equal(path(p(['/path/template/{*}']), '/path/template/x'), 'ALLOW');
  assert.equal(path(p(['/path/template/{*}']), '/path/template/x/y'), 'DENY');
  assert.equal(path(p(['/path/template/{*}']), '/path/template/'), 'DENY');
  assert.equal(path(p(['/{**}/path/template']), '/a/b/path/template'), 'ALLOW');
  assert.equal(path(p(['/foo/{**}']), '/foo/'), 'ALLOW');
  assert.equal(path(p(['/foo/{**}']), '/foo'), 'DENY');
  assert.equal(path(p(['/foo/{*}/bar/{**}']), '/foo/x/bar/y/z?q'), 'ALLOW');
  assert.equal(path(p(['/API']), '/api'), 'DENY');
});

test('ports are workload ports; headers: name case-insensitive, missing never matches, notValues then true', () => {
  const ports = [allow([{ to: [{ operation: { ports: ['8080'] } }] }])];
  assert.equal(run({ policies: ports }).verdict, 'ALLOW');
  assert.equal(
    run(
      { policies: ports, ports: [{ port: 9090, servicePort: 8080, name: 'http' }] },
      { destination: { workload: 'foo/httpbin', servicePort: 8080 } },
    ).verdict,
    'DENY',
  );
  const hdr = [allow([{ when: [{ key: 'request.headers[X-Tenant]', values: ['acme'] }] }])];
  assert.equal(run({ policies: hdr }, { request: { headers: { 'x-tenant': 'acme' } } }).verdict, 'ALLOW');
  assert.equal(run({ policies: hdr }, { request: { headers: { 'x-tenant': 'ACME' } } }).verdict, 'DENY');
  assert.equal(run({ policies: hdr }).verdict, 'DENY');
  const notHdr = [deny([{ when: [{ key: 'request.headers[X-Tenant]', notValues: ['acme'] }] }])];
  assert.equal(run({ policies: notHdr }).verdict, 'DENY');
  assert.equal(run({ policies: notHdr }, { request: { headers: { 'X-TENANT': 'acme' } } }).verdict, 'ALLOW');
  const present = [allow([{ when: [{ key: 'request.headers[x-a]', values: ['*'] }] }])];
  assert.equal(run({ policies: present }, { request: { headers: { 'x-a': 'v' } } }).verdict, 'ALLOW');
  const joined = [allow([{ when: [{ key: 'request.headers[x-a]', values: ['a,b'] }] }])];
  assert.equal(run({ policies: joined }, { request: { headers: { 'x-a': ['a', 'b'] } } }).verdict, 'ALLOW');
});

test('IP blocks: CIDR containment; unknown unless given', () => {
  const ip = [allow([{ from: [{ source: { ipBlocks: ['5.6.0.0/16', '1.2.3.4'] } }] }])];
  assert.equal(run({ policies: ip }, { network: { sourceIp: '5.6.7.8' } }).verdict, 'ALLOW');
  assert.equal(run({ policies: ip }, { network: { sourceIp: '5.7.0.1' } }).verdict, 'DENY');
  assert.equal(short(run({ policies: ip })), 'UNKNOWN unknown-attribute missing=sourceIp');
  const remote = [allow([{ from: [{ source: { remoteIpBlocks: ['203.0.113.0/24'] } }] }])];
  assert.equal(run({ policies: remote }, { network: { remoteIp: '203.0.113.9', sourceIp: '10.0.0.1' } }).verdict, 'ALLOW');
  assert.equal(run({ policies: remote }, { network: { sourceIp: '203.0.113.1' } }).verdict, 'ALLOW');
  const v6 = [allow([{ when: [{ key: 'destination.ip', values: ['fd00::/8'] }] }])];
  assert.equal(run({ policies: v6 }, { network: { destinationIp: 'fd00::1' } }).verdict, 'ALLOW');
  assert.equal(run({ policies: v6 }, { network: { destinationIp: '10.0.0.1' } }).verdict, 'DENY');
});
