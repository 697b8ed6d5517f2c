// The design's acceptance cases E1-E12 for the effective policy (design §3.4), each through
// `meshlint explain --format json`, plus the command's exit codes and text form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  authorizationPolicy as ap,
  deployment,
  docs,
  explainJson,
  explainOutcome,
  explainRun,
  namespace,
  names,
  peerAuthentication as pa,
} from '../support/explain';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';

const mode = (m: string): string => `  mtls: {mode: ${m}}\n`;
const base = (labels: Record<string, string> = { app: 'cart' }, ports = [8080]): Record<string, string> => ({
  'ns.yaml': docs(namespace('shop')),
  'w.yaml': deployment('shop', 'cart', labels, ports),
});
const service = (ports: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nspec:\n  selector: {app: cart}\n  ports: ${ports}\n`;

test('E1: port-level DISABLE and UNSET under a PERMISSIVE namespace and a STRICT mesh', async () => {
  const e = await explainJson(
    {
      ...base(),
      'pa.yaml': docs(
        pa({ ns: 'istio-system', name: 'default' }, mode('STRICT')),
        pa({ ns: 'shop', name: 'default' }, mode('PERMISSIVE')),
        pa(
          { ns: 'shop', name: 'cart' },
          '  selector: {matchLabels: {app: cart}}\n  portLevelMtls:\n    8080: {mode: DISABLE}\n    9090: {mode: UNSET}\n',
        ),
      ),
    },
    'shop/cart',
  );
  assert.equal(e.mtls.defaultMode, 'PERMISSIVE');
  assert.deepEqual(
    e.mtls.ports.map((p) => [p.port, p.mode, p.decidedBy]),
    [
      [8080, 'DISABLE', 'port'],
      [9090, 'PERMISSIVE', 'port'],
    ],
  );
  const mesh = e.mtls.chain.find((c) => c.level === 'mesh');
  assert.equal(mesh?.effect, 'ignored');
  assert.match(mesh?.why ?? '', /overridden by the namespace level/);
  assert.equal(e.mtls.chain.find((c) => c.level === 'workload')?.effect, 'inherits');
});

test('E2: a matching root-namespace PeerAuthentication with a selector is not applicable', async () => {
  const e = await explainJson(
    {
      ...base(),
      'pa.yaml': docs(
        pa({ ns: 'istio-system', name: 'strict-cart' }, '  selector: {matchLabels: {app: cart}}\n' + mode('STRICT')),
        pa({ ns: 'shop', name: 'default' }, mode('DISABLE')),
      ),
    },
    'shop/cart',
  );
  assert.equal(e.mtls.defaultMode, 'DISABLE');
  const na = e.notApplicable.find((n) => n.policy.name === 'strict-cart');
  assert.match(na?.why ?? '', /selector in the root namespace is ignored/);
});

test('E3: two selector-less PeerAuthentications in one namespace are ambiguous', async () => {
  const e = await explainJson(
    { ...base(), 'pa.yaml': docs(pa({ ns: 'shop', name: 'a' }, mode('STRICT')), pa({ ns: 'shop', name: 'b' }, mode('DISABLE'))) },
    'shop/cart',
  );
  assert.equal(e.mtls.ambiguous?.level, 'namespace');
  assert.deepEqual(
    e.mtls.ambiguous?.policies.map((p) => p.name),
    ['a', 'b'],
  );
  assert.ok(e.assumptions.some((a) => /oldest by creationTimestamp.*shop\/a .*assumed/.test(a)));
  assert.equal(e.mtls.defaultMode, 'STRICT');
});

test('E4: no PeerAuthentication, mesh config in the workspace: PERMISSIVE by default, settings from the ConfigMap', async () => {
  const cm =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |-\n    trustDomain: corp.example\n';
  const e = await explainJson({ ...base(), 'mesh.yaml': cm }, 'shop/cart');
  assert.equal(e.mtls.defaultMode, 'PERMISSIVE');
  assert.deepEqual(e.mtls.chain, []);
  assert.ok(e.assumptions.some((a) => /default PERMISSIVE/.test(a)));
  assert.equal(e.mesh.trustDomain.value, 'corp.example');
  assert.equal(e.mesh.trustDomain.source, 'workspace');
  assert.equal(e.workload.identity, 'spiffe://corp.example/ns/shop/sa/default');
});

test('E5: a portLevelMtls key that is a Service port, not a workload port', async () => {
  const e = await explainJson(
    {
      ...base(),
      'svc.yaml': service('[{name: http, port: 80, targetPort: 8080}]'),
      'pa.yaml': pa({ ns: 'shop', name: 'cart' }, '  selector: {matchLabels: {app: cart}}\n  portLevelMtls:\n    80: {mode: DISABLE}\n'),
    },
    'shop/cart',
  );
  const p80 = e.mtls.ports.find((p) => p.port === 80);
  assert.ok(
    p80?.notes?.some((n) => /80 is a port of Service cart \(to target port 8080\).*workload \(container\) ports/.test(n)),
    JSON.stringify(p80),
  );
  assert.equal(e.mtls.ports.find((p) => p.port === 8080)?.mode, 'PERMISSIVE');
});

test('E6: targetRefs to a Service does not reach the sidecar pods', async () => {
  const e = await explainJson(
    { ...base(), 'ap.yaml': ap({ ns: 'shop', name: 'by-ref' }, '  targetRefs: [{kind: Service, group: "", name: cart}]\n  rules: [{}]\n') },
    'shop/cart',
  );
  assert.deepEqual(names(e.authorization.allow), []);
  assert.match(e.notApplicable.find((n) => n.policy.name === 'by-ref')?.why ?? '', /targetRefs Service\/cart.*sidecars ignore it/);
});

test('E7: a root-namespace selector policy applies to matching pods of another namespace', async () => {
  const e = await explainJson(
    {
      ...base({ app: 'cart', version: 'canary' }),
      'ap.yaml': ap(
        { ns: 'istio-system', name: 'canary' },
        '  action: DENY\n  selector: {matchLabels: {version: canary}}\n  rules: [{}]\n',
      ),
    },
    'shop/cart',
  );
  assert.deepEqual(
    e.authorization.deny.map((p) => [p.policy.name, p.scope]),
    [['canary', 'root']],
  );
});

test('E8: an ALLOW with spec {} allows nothing', async () => {
  const e = await explainJson({ ...base(), 'ap.yaml': ap({ ns: 'shop', name: 'allow-nothing' }) }, 'shop/cart');
  assert.equal(e.authorization.allow[0]?.noRules, true);
  assert.equal(e.authorization.posture, 'deny-unless-allowed');
});

test('E9: a DENY on methods matches every connection on a TCP port', async () => {
  const e = await explainJson(
    {
      ...base(),
      'svc.yaml': service('[{name: tcp-db, port: 5432, targetPort: 8080}]'),
      'ap.yaml': ap({ ns: 'shop', name: 'no-delete' }, '  action: DENY\n  rules: [{to: [{operation: {methods: [DELETE]}}]}]\n'),
    },
    'shop/cart',
  );
  const port = e.authorization.perPort.find((p) => p.port === 8080);
  assert.equal(port?.protocol, 'tcp');
  assert.ok(
    port?.notes.some((n) => /DENY shop\/no-delete.*methods.*matches every connection/.test(n)),
    JSON.stringify(port),
  );
});

test('E10: an ALLOW whose only rule needs HTTP denies every TCP connection', async () => {
  const e = await explainJson(
    {
      ...base(),
      'svc.yaml': service('[{name: tcp-db, port: 5432, targetPort: 8080}]'),
      'ap.yaml': ap({ ns: 'shop', name: 'paths' }, '  rules: [{to: [{operation: {paths: [/api/*]}}]}]\n'),
    },
    'shop/cart',
  );
  const notes = e.authorization.perPort.find((p) => p.port === 8080)?.notes ?? [];
  assert.ok(
    notes.some((n) => /no ALLOW rule survives on TCP port 8080: every TCP connection is denied/.test(n)),
    notes.join('\n'),
  );
});

test('E11: a waypoint takes the targetRefs policy and ignores the selector policy', async () => {
  const e = await explainJson(
    {
      'ns.yaml': namespace('shop', { 'istio.io/dataplane-mode': 'ambient' }),
      'w.yaml': docs(
        deployment('shop', 'wp', { 'gateway.networking.k8s.io/gateway-name': 'wp' }, [15008]),
        'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: wp, namespace: shop}\nspec: {gatewayClassName: istio-waypoint}\n',
      ),
      'ap.yaml': docs(
        ap({ ns: 'shop', name: 'by-selector' }, '  selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: wp}}\n  rules: [{}]\n'),
        ap({ ns: 'shop', name: 'by-ref' }, '  targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: wp}]\n  rules: [{}]\n'),
      ),
    },
    'shop/wp',
  );
  assert.equal(e.workload.dataPlane, 'waypoint');
  assert.deepEqual(names(e.authorization.allow), ['shop/by-ref']);
  assert.match(e.notApplicable.find((n) => n.policy.name === 'by-selector')?.why ?? '', /waypoints ignore selector/);
});

test('E12: CUSTOM policies naming two providers', async () => {
  const custom = (provider: string): string =>
    `  action: CUSTOM\n  provider: {name: ${provider}}\n  rules: [{to: [{operation: {paths: [/admin]}}]}]\n`;
  const e = await explainJson(
    { ...base(), 'ap.yaml': docs(ap({ ns: 'shop', name: 'opa' }, custom('opa')), ap({ ns: 'shop', name: 'oauth' }, custom('oauth2'))) },
    'shop/cart',
  );
  assert.deepEqual(
    e.authorization.custom.map((p) => p.provider),
    ['opa', 'oauth2'],
  );
  assert.ok(e.assumptions.some((a) => /2 providers.*PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS.*DENY/.test(a)));
});

test('explain exits 2 for an unknown or ambiguous name and lists the candidates', async () => {
  const unknown = await explainOutcome(base(), 'shop/kart');
  assert.equal(unknown.code, 2);
  assert.equal(unknown.outcome.kind, 'not-found');
  assert.deepEqual(
    unknown.outcome.candidates.map((c) => c.name),
    ['cart'],
  );
  const twice = { ...base(), 'sts.yaml': deployment('shop', 'cart', { app: 'cart' }).replace('kind: Deployment', 'kind: StatefulSet') };
  const ambiguous = await explainRun(twice, 'shop/cart');
  assert.equal(ambiguous.code, 2);
  assert.match(
    ambiguous.err,
    /names several workloads:\n {2}StatefulSet shop\/cart \(.*sts\.yaml:3\)\n {2}Deployment shop\/cart \(.*w\.yaml:3\)\nName one with --kind/,
  );
  const byKind = await explainJson(twice, 'shop/cart', ['--kind', 'StatefulSet']);
  assert.equal(byKind.workload.kind, 'StatefulSet');
  assert.equal((await runCli(['explain', 'no-slash'])).code, 2);
});

test('explain prints a text answer by default', async () => {
  const dir = writeTempWorkspace({ ...base(), 'pa.yaml': pa({ ns: 'istio-system', name: 'default' }, mode('STRICT')) });
  const run = await runCli(['explain', 'shop/cart', dir]);
  assert.equal(run.code, 0, run.err);
  assert.match(run.out, /^Workload shop\/cart \(Deployment, w\.yaml:3\), sidecar, sa default/);
  assert.match(
    run.out,
    /port 8080 \(and any other port\): STRICT\n\s+← mesh level: PeerAuthentication istio-system\/default \(pa\.yaml:\d+\)/,
  );
});
