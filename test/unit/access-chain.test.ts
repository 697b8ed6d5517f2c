// The order of the proxy's checks: mTLS, CUSTOM, JWT (401), DENY, ALLOW, AUDIT, dry-run; TCP ports
// (ALLOW rules with HTTP fields dropped, DENY rules widened: builder testdata tcp/*); ztunnel; UNKNOWN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runQuery as run, short, type ModelSpec, type PolicySpec } from '../support/access-model';

const tcp = { protocol: 'tcp' as const };

test('TCP: ALLOW rules with HTTP fields are dropped, the rest kept (tcp/allow-both-http-tcp)', () => {
  const p: PolicySpec = {
    name: 'httpbin-deny',
    rules: [
      { from: [{ source: { requestPrincipals: ['id-1'] } }], to: [{ operation: { methods: ['GET'] } }] },
      { from: [{ source: { namespaces: ['ns-1'] } }], to: [{ operation: { ports: ['8080'], methods: ['GET'] } }] },
      { from: [{ source: { namespaces: ['ns-2'] } }], to: [{ operation: { ports: ['9090'] } }] },
      { from: [{ source: { namespaces: ['ns-1'] } }], to: [{ operation: { ports: ['80'] } }] },
    ],
  };
  assert.equal(short(run({ policies: [p] }, tcp)), 'DENY allow-policies-exist-none-matched');
  assert.equal(
    short(run({ policies: [p], ports: [{ port: 80 }] }, { ...tcp, destination: { workload: 'foo/httpbin', targetPort: 80 } })),
    'ALLOW allow-policy-matched foo/httpbin-deny#3',
  );
  // Over HTTP rule[1] matches.
  assert.equal(short(run({ policies: [p] })), 'ALLOW allow-policy-matched foo/httpbin-deny#1');
  const r = run({ policies: [p] }, tcp);
  assert.deepEqual(
    r.trace[0].rules.map((x) => x.result),
    ['skipped-on-tcp', 'skipped-on-tcp', 'no-match', 'no-match'],
  );
});

test('TCP: an ALLOW policy of only HTTP rules denies every connection (tcp/allow-only-http)', () => {
  const p: PolicySpec = { name: 'only-http', rules: [{ to: [{ operation: { methods: ['GET'], paths: ['/'] } }] }] };
  assert.equal(short(run({ policies: [p] }, tcp)), 'DENY allow-policies-exist-none-matched');
  assert.equal(run({ policies: [p] }, tcp).trace[0].result, 'skipped-on-tcp');
});

test('TCP: DENY rules lose their HTTP values and get wider (tcp/deny-both-http-tcp)', () => {
  const p: PolicySpec = {
    name: 'httpbin-deny',
    action: 'DENY',
    rules: [
      { from: [{ source: { requestPrincipals: ['id-1'] } }], to: [{ operation: { methods: ['GET'] } }] },
      { to: [{ operation: { methods: ['GET'] } }] },
    ],
  };
  // Both rules become `any`; the first by name decides.
  assert.equal(short(run({ policies: [p] }, tcp)), 'DENY deny-policy-matched foo/httpbin-deny#0');
  // Over HTTP only rule[1] matches a GET without a token.
  assert.equal(short(run({ policies: [p] })), 'DENY deny-policy-matched foo/httpbin-deny#1');
  assert.equal(short(run({ policies: [p] }, { request: { method: 'POST' } })), 'ALLOW no-allow-policies');
  const portOnly: PolicySpec = {
    name: 'd',
    action: 'DENY',
    rules: [{ from: [{ source: { requestPrincipals: ['id-1'] } }], to: [{ operation: { ports: ['80'] } }] }],
  };
  assert.equal(run({ policies: [portOnly] }, tcp).verdict, 'ALLOW');
  assert.equal(
    run({ policies: [portOnly], ports: [{ port: 80 }] }, { ...tcp, destination: { workload: 'foo/httpbin', targetPort: 80 } }).verdict,
    'DENY',
  );
});

test('the deciding rule is the lexicographically first Envoy name: rule[10] before rule[2]', () => {
  const rules = Array.from({ length: 11 }, () => ({}));
  const r = run({ policies: [{ name: 'a', action: 'DENY', rules }] });
  assert.equal(r.decidedBy?.envoyName, 'ns[foo]-policy[a]-rule[0]');
  const later = run({
    policies: [{ name: 'a', action: 'DENY', rules: [{ to: [{ operation: { methods: ['PUT'] } }] }, ...rules.slice(1)] }],
  });
  assert.equal(later.decidedBy?.envoyName, 'ns[foo]-policy[a]-rule[10]');
  const two = run({
    policies: [
      { name: 'zz', action: 'DENY', rules: [{}] },
      { name: 'aa', action: 'DENY', rules: [{}] },
    ],
  });
  assert.equal(two.decidedBy?.envoyName, 'ns[foo]-policy[aa]-rule[0]');
});

test('DENY before ALLOW; AUDIT never decides; dry-run only shadows', () => {
  const both = [
    { name: 'allow-all', rules: [{}] },
    { name: 'deny-get', action: 'DENY' as const, rules: [{ to: [{ operation: { methods: ['GET'] } }] }] },
  ];
  assert.equal(short(run({ policies: both })), 'DENY deny-policy-matched foo/deny-get#0');
  assert.equal(short(run({ policies: both }, { request: { method: 'POST' } })), 'ALLOW allow-policy-matched foo/allow-all#0');
  assert.equal(short(run({ policies: [{ name: 'audit', action: 'AUDIT', rules: [{}] }] })), 'ALLOW no-allow-policies');
  const dry = run({
    policies: [
      { name: 'dry-deny', action: 'DENY', dryRun: true, rules: [{}] },
      { name: 'dry-allow', dryRun: true, rules: [{ to: [{ operation: { paths: ['/x'] } }] }] },
    ],
  });
  assert.equal(short(dry), 'ALLOW no-allow-policies');
  assert.deepEqual(
    dry.shadow.map((s) => `${s.policy.name}#${s.rule}:${s.wouldBe}`),
    ['dry-deny#0:DENY'],
  );
  const dryAllowOnly = run({ policies: [{ name: 'dry-allow', dryRun: true, rules: [] }] });
  assert.equal(short(dryAllowOnly), 'ALLOW no-allow-policies');
});

test('an unknown when key skips the rule: a DENY then denies less', () => {
  const p: PolicySpec = { name: 'd', action: 'DENY', rules: [{ when: [{ key: 'request.headerz[x]', values: ['a'] }] }] };
  const r = run({ policies: [p] });
  assert.equal(short(r), 'ALLOW no-allow-policies');
  assert.match(r.trace[0].rules[0].note ?? '', /unknown attribute/);
});

test('mTLS: STRICT refuses plaintext before any policy; PERMISSIVE lets it through without identity', () => {
  const p = [{ name: 'allow-ns', rules: [{ from: [{ source: { namespaces: ['ns-1'] } }] }] }];
  assert.equal(
    short(run({ mtls: 'STRICT', policies: p }, { source: { plaintext: true } })),
    'DENY mtls-strict-plaintext-rejected istio-system/default',
  );
  assert.equal(short(run({ mtls: 'PERMISSIVE', policies: p }, { source: { plaintext: true } })), 'DENY allow-policies-exist-none-matched');
  assert.equal(short(run({ mtls: 'PERMISSIVE' }, { source: { plaintext: true } })), 'ALLOW no-allow-policies');
  assert.equal(run({ mtls: 'STRICT', policies: p }).verdict, 'ALLOW');
  // Port-level DISABLE: no client certificate reaches the server, identity fields never match.
  assert.equal(run({ mtls: 'STRICT', ports: [{ port: 8080, mode: 'DISABLE' }], policies: p }).verdict, 'DENY');
  assert.equal(
    run({ mtls: 'STRICT', clientTls: [{ clientNamespace: 'ns-1', tlsMode: 'DISABLE' }], policies: p }).reason,
    'mtls-strict-plaintext-rejected',
  );
});

test('JWT: unknown issuer or audience is a 401 even with an allow-all; no RequestAuthentication ignores the token', () => {
  const allowAll = [{ name: 'allow-all', rules: [{}] }];
  const issuers = [{ issuer: 'https://idp.example', audiences: ['cart'] }];
  assert.equal(
    short(run({ issuers, policies: allowAll }, { request: { jwtClaims: { iss: 'https://other', sub: 'u' } } })),
    'DENY jwt-rejected-401 foo/jwt',
  );
  assert.equal(
    run({ issuers, policies: allowAll }, { request: { jwtClaims: { iss: 'https://idp.example', sub: 'u', aud: 'x' } } }).reason,
    'jwt-rejected-401',
  );
  assert.equal(
    run({ issuers, policies: allowAll }, { request: { jwtClaims: { iss: 'https://idp.example', sub: 'u', aud: ['x', 'cart'] } } }).verdict,
    'ALLOW',
  );
  assert.equal(run({ issuers, policies: allowAll }).verdict, 'ALLOW'); // no token: passes, no identity
  const rp = [{ name: 'need-jwt', rules: [{ from: [{ source: { requestPrincipals: ['https://idp.example/*'] } }] }] }];
  const good = { request: { jwtClaims: { iss: 'https://idp.example', sub: 'carol', aud: 'cart' } } };
  assert.equal(run({ issuers, policies: rp }, good).verdict, 'ALLOW');
  assert.equal(run({ policies: rp }, good).verdict, 'DENY'); // no RequestAuthentication: token ignored
  assert.equal(run({ issuers, policies: rp }).verdict, 'DENY');
  assert.equal(
    run({ issuers, policies: [{ name: 'x', rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] }] }, good).verdict,
    'ALLOW',
  );
  const claim = [
    {
      name: 'c',
      rules: [
        {
          when: [
            { key: 'request.auth.claims[groups]', values: ['admin'] },
            { key: 'request.auth.claims[a][b]', values: ['x*'] },
          ],
        },
      ],
    },
  ];
  const claims = { iss: 'https://idp.example', sub: 's', aud: 'cart', groups: ['dev', 'admin'], a: { b: 'xyz' } };
  assert.equal(run({ issuers, policies: claim }, { request: { jwtClaims: claims } }).verdict, 'ALLOW');
  assert.equal(run({ issuers, policies: claim }, { request: { jwtClaims: { ...claims, groups: 'dev' } } }).verdict, 'DENY');
  const scope = [{ name: 's', rules: [{ when: [{ key: 'request.auth.claims[scope]', values: ['write'] }] }] }];
  assert.equal(run({ issuers, policies: scope }, { request: { jwtClaims: { ...claims, scope: 'read write' } } }).verdict, 'ALLOW');
  // A raw token is decoded (signature not checked).
  const payload = Buffer.from(JSON.stringify({ iss: 'https://idp.example', sub: 'carol', aud: 'cart' })).toString('base64url');
  assert.equal(run({ issuers, policies: rp }, { request: { jwt: `e30.${payload}.sig` } }).verdict, 'ALLOW');
});

test('requestPrincipals split at the last slash (URL issuers)', () => {
  const p = (v: string) => ({
    issuers: [{ issuer: 'https://a.example/realm' }],
    policies: [{ name: 'r', rules: [{ from: [{ source: { requestPrincipals: [v] } }] }] }],
  });
  const token = { request: { jwtClaims: { iss: 'https://a.example/realm', sub: 'bob' } } };
  assert.equal(run(p('https://a.example/realm/bob'), token).verdict, 'ALLOW');
  assert.equal(run(p('https://a.example/realm/*'), token).verdict, 'ALLOW');
  assert.equal(run(p('*/bob'), token).verdict, 'ALLOW');
  assert.equal(run(p('*realm/bob'), token).verdict, 'ALLOW');
  // The last `/` splits even a prefix form: issuer exactly `https:/`, subject prefix `a.example`.
  assert.equal(run(p('https://a.example*'), token).verdict, 'DENY');
  assert.equal(run(p('https://a.example/realm*'), token).verdict, 'DENY');
  assert.equal(
    run(p('https://a.example/realm/*'), { request: { jwtClaims: { iss: 'https://a.example/realm', sub: '' } } }).verdict,
    'DENY',
  );
  assert.equal(run(p('https://a.example/realm'), token).verdict, 'DENY');
  assert.equal(run(p('https://a.example/realm/bo*'), token).verdict, 'ALLOW');
});

test('CUSTOM runs first, reports what happens if the provider allows; bad provider config denies', () => {
  const providers = [{ name: 'ext', kind: 'envoyExtAuthzGrpc' }];
  const custom: PolicySpec = {
    name: 'ext-authz',
    action: 'CUSTOM',
    provider: 'ext',
    rules: [{ to: [{ operation: { paths: ['/admin*'] } }] }],
  };
  const deny: PolicySpec = { name: 'deny-post', action: 'DENY', rules: [{ to: [{ operation: { methods: ['POST'] } }] }] };
  const r = run({ providers, policies: [custom, deny] }, { request: { path: '/admin/x', method: 'POST' } });
  assert.equal(short(r), 'CUSTOM custom-provider-decides foo/ext-authz#0');
  assert.equal(r.ifCustomAllows, 'DENY');
  assert.equal(r.provider, 'ext');
  assert.equal(run({ providers, policies: [custom] }, { request: { path: '/admin' } }).ifCustomAllows, 'ALLOW');
  assert.equal(short(run({ providers, policies: [custom] }, { request: { path: '/public' } })), 'ALLOW no-allow-policies');
  assert.equal(
    run({ providers: [{ name: 'other', kind: 'envoyExtAuthzGrpc' }], policies: [custom] }, { request: { path: '/admin' } }).reason,
    'custom-bad-config-deny',
  );
  const two = [custom, { ...custom, name: 'ext2', provider: 'ext2' }];
  assert.equal(
    run({ providers: [...providers, { name: 'ext2', kind: 'envoyExtAuthzGrpc' }], policies: two }, { request: { path: '/admin' } }).reason,
    'custom-bad-config-deny',
  );
  // TCP: paths dropped, the CUSTOM rule widens; an HTTP provider is not applied on TCP at all.
  assert.equal(run({ providers, policies: [custom] }, tcp).verdict, 'CUSTOM');
  assert.equal(run({ providers: [{ name: 'ext', kind: 'envoyExtAuthzHttp' }], policies: [custom] }, tcp).verdict, 'ALLOW');
});

test('ambient: ztunnel drops ALLOW rules with L7 attributes, leaves L7 parts of DENY out (never matching)', () => {
  const amb = (policies: PolicySpec[], extra: ModelSpec = {}) => ({ dataPlane: 'ambient' as const, policies, ...extra });
  const l7allow: PolicySpec = {
    name: 'a',
    rules: [{ from: [{ source: { namespaces: ['ns-1'] } }], to: [{ operation: { methods: ['GET'] } }] }],
  };
  assert.equal(short(run(amb([l7allow]))), 'DENY allow-policies-exist-none-matched');
  const l4allow: PolicySpec = {
    name: 'a',
    rules: [{ from: [{ source: { namespaces: ['ns-1'] } }], to: [{ operation: { ports: ['8080'] } }] }],
  };
  assert.equal(short(run(amb([l4allow]))), 'ALLOW allow-policy-matched foo/a#0');
  const l7deny: PolicySpec = { name: 'd', action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }] }] };
  assert.equal(short(run(amb([l7deny]))), 'ALLOW no-allow-policies');
  const mixedDeny: PolicySpec = {
    name: 'd',
    action: 'DENY',
    rules: [{ from: [{ source: { namespaces: ['ns-1'] } }], to: [{ operation: { methods: ['GET'], ports: ['8080'] } }] }],
  };
  assert.equal(short(run(amb([mixedDeny]))), 'DENY deny-policy-matched foo/d#0');
  const tdOnly: PolicySpec = { name: 'a', rules: [{ from: [{ source: { trustDomains: ['cluster.local'] } }] }] };
  assert.equal(run(amb([tdOnly])).verdict, 'DENY');
  const ns: PolicySpec = { name: 'a', rules: [{ from: [{ source: { namespaces: ['ns-*'] } }] }] };
  assert.equal(run(amb([ns])).verdict, 'ALLOW');
  assert.equal(run(amb([ns]), { source: { plaintext: true } }).verdict, 'DENY');
  assert.equal(run(amb([], { mtls: 'STRICT' }), { source: { plaintext: true } }).reason, 'mtls-strict-plaintext-rejected');
  assert.equal(run(amb([{ name: 'c', action: 'CUSTOM', provider: 'x', rules: [{}] }])).verdict, 'ALLOW');
  assert.equal(run(amb([{ name: 'dd', action: 'DENY', dryRun: true, rules: [{}] }])).verdict, 'ALLOW');
});

test('UNKNOWN only when the verdict hinges on an unknown attribute (design 4.5)', () => {
  const vendor: PolicySpec = {
    name: 'vendor-allow',
    rules: [{ to: [{ operation: { hosts: ['vendor.example.com'], paths: ['/catalog*'] } }] }],
  };
  const r = run({ policies: [vendor] }, { request: { method: 'GET', path: '/catalog' } });
  assert.equal(short(r), 'UNKNOWN unknown-attribute missing=host');
  assert.equal(short(run({ policies: [vendor] }, { request: { path: '/private' } })), 'DENY allow-policies-exist-none-matched');
  assert.equal(run({ policies: [vendor] }, { request: { path: '/catalog', host: 'vendor.example.com' } }).verdict, 'ALLOW');
  const sni: PolicySpec = { name: 'd', action: 'DENY', rules: [{ when: [{ key: 'connection.sni', values: ['x'] }] }] };
  assert.equal(short(run({ policies: [sni] })), 'UNKNOWN unknown-attribute missing=sni');
  // The DENY's unknown does not matter when the ALLOW step denies anyway.
  assert.equal(run({ policies: [sni, { name: 'none', rules: [] }] }).verdict, 'DENY');
  const meta: PolicySpec = { name: 'm', rules: [{ when: [{ key: 'experimental.envoy.filters.a.b[c]', values: ['x'] }] }] };
  assert.equal(run({ policies: [meta] }).verdict, 'UNKNOWN');
});
