// Istio's own tables for mTLS composition, transcribed in our words and run through
// `meshlint explain --format json`: TestComposePeerAuthentication (14 cases) and
// TestInboundMTLSSettings (8 cases) of istio/istio pilot/pkg/security/authn/policy_applier_test.go.
// The pods are labelled app=foo, stage=prod in namespace my-ns; the root namespace is root-namespace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, docs, explainJson, namespace, peerAuthentication as pa } from '../support/explain';

const ROOT = 'root-namespace';
const NOW = '2026-01-01T00:00:10Z';
const SECOND_AGO = '2026-01-01T00:00:09Z';
const LATER = '2026-01-01T00:00:11Z';
const mode = (m: string): string => `  mtls: {mode: ${m}}\n`;
const selectorFoo = '  selector: {matchLabels: {app: foo}}\n';

function workspace(policies: string[]): Record<string, string> {
  return {
    '.meshlint.yaml': `rootNamespace: ${ROOT}\n`,
    'ns.yaml': docs(namespace('my-ns'), namespace(ROOT)),
    'pod.yaml': deployment('my-ns', 'foo', { app: 'foo', stage: 'prod' }),
    ...(policies.length > 0 ? { 'policies.yaml': docs(...policies) } : {}),
  };
}

interface ComposeCase {
  name: string;
  policies: string[];
  mode: string;
  perPort?: Record<number, string>;
}

const compose: ComposeCase[] = [
  { name: 'no config', policies: [], mode: 'PERMISSIVE' },
  { name: 'mesh only', policies: [pa({ ns: ROOT, name: 'default' }, mode('STRICT'))], mode: 'STRICT' },
  {
    name: 'mesh (empty matchLabels counts as none) vs namespace',
    policies: [
      pa({ ns: ROOT, name: 'default' }, '  selector: {matchLabels: {}}\n' + mode('STRICT')),
      pa({ ns: 'my-ns', name: 'default' }, mode('PERMISSIVE')),
    ],
    mode: 'PERMISSIVE',
  },
  {
    name: 'a selector in the root namespace is ignored',
    policies: [pa({ ns: ROOT, name: 'default' }, selectorFoo + mode('STRICT'))],
    mode: 'PERMISSIVE',
  },
  {
    name: 'workload vs namespace, both unset',
    policies: [pa({ ns: 'my-ns', name: 'default' }), pa({ ns: 'my-ns', name: 'foo' }, selectorFoo)],
    mode: 'PERMISSIVE',
  },
  {
    name: 'namespace PERMISSIVE over mesh DISABLE',
    policies: [pa({ ns: 'my-ns', name: 'default' }, mode('PERMISSIVE')), pa({ ns: ROOT, name: 'default' }, mode('DISABLE'))],
    mode: 'PERMISSIVE',
  },
  {
    name: 'several mesh policies: the oldest (then by name) wins',
    policies: [
      pa({ ns: ROOT, name: 'now', created: NOW }, mode('DISABLE')),
      pa({ ns: ROOT, name: 'second-ago', created: SECOND_AGO }, mode('PERMISSIVE')),
      pa({ ns: ROOT, name: 'second-later', created: SECOND_AGO }, mode('STRICT')),
    ],
    mode: 'PERMISSIVE',
  },
  {
    name: 'several namespace policies: the oldest wins',
    policies: [
      pa({ ns: 'my-ns', name: 'now', created: NOW }, mode('DISABLE')),
      pa({ ns: 'my-ns', name: 'second-ago', created: SECOND_AGO }, mode('PERMISSIVE')),
      pa({ ns: 'my-ns', name: 'second-later', created: SECOND_AGO }, mode('STRICT')),
    ],
    mode: 'PERMISSIVE',
  },
  {
    name: 'several workload policies: the oldest wins',
    policies: [
      pa({ ns: 'my-ns', name: 'now', created: NOW }, selectorFoo + mode('DISABLE')),
      pa({ ns: 'my-ns', name: 'second-ago', created: SECOND_AGO }, selectorFoo + mode('PERMISSIVE')),
      pa({ ns: 'my-ns', name: 'second-later', created: SECOND_AGO }, '  selector: {matchLabels: {stage: prod}}\n' + mode('STRICT')),
    ],
    mode: 'PERMISSIVE',
  },
  { name: 'a mesh policy with UNSET means PERMISSIVE', policies: [pa({ ns: ROOT, name: 'default' }, mode('UNSET'))], mode: 'PERMISSIVE' },
  {
    name: 'workload UNSET inherits the mesh',
    policies: [pa({ ns: ROOT, name: 'default' }, mode('STRICT')), pa({ ns: 'my-ns', name: 'foo' }, selectorFoo)],
    mode: 'STRICT',
  },
  {
    name: 'workload UNSET inherits the namespace',
    policies: [pa({ ns: 'my-ns', name: 'default' }, mode('STRICT')), pa({ ns: 'my-ns', name: 'foo' }, selectorFoo)],
    mode: 'STRICT',
  },
  {
    name: 'mesh to namespace (UNSET) to workload (UNSET)',
    policies: [
      pa({ ns: ROOT, name: 'default' }, mode('STRICT')),
      pa({ ns: 'my-ns', name: 'default' }, mode('UNSET')),
      pa({ ns: 'my-ns', name: 'foo' }, selectorFoo),
    ],
    mode: 'STRICT',
  },
  {
    name: 'port level: DISABLE kept, UNSET and an empty entry inherit',
    policies: [
      pa({ ns: ROOT, name: 'default' }, mode('STRICT')),
      pa({ ns: 'my-ns', name: 'foo' }, selectorFoo + '  portLevelMtls:\n    80: {mode: DISABLE}\n    90: {mode: UNSET}\n    100: {}\n'),
    ],
    mode: 'STRICT',
    perPort: { 80: 'DISABLE', 90: 'STRICT', 100: 'STRICT' },
  },
];

for (const c of compose)
  test(`TestComposePeerAuthentication: ${c.name}`, async () => {
    const e = await explainJson(workspace(c.policies), 'my-ns/foo');
    assert.equal(e.mtls.defaultMode, c.mode);
    for (const [port, m] of Object.entries(c.perPort ?? {}))
      assert.equal(e.mtls.ports.find((p) => p.port === Number(port))?.mode, m, `port ${port}`);
    assert.equal(e.mtls.ambiguous, undefined, 'timestamps decide ties here');
  });

interface InboundCase {
  name: string;
  policies: string[];
  mode: string;
}

const inbound: InboundCase[] = [
  { name: 'no policy behaves as PERMISSIVE', policies: [], mode: 'PERMISSIVE' },
  { name: 'one policy, DISABLE', policies: [pa({ ns: 'my-ns', name: 'p' }, mode('DISABLE'))], mode: 'DISABLE' },
  { name: 'one policy, PERMISSIVE', policies: [pa({ ns: 'my-ns', name: 'p' }, mode('PERMISSIVE'))], mode: 'PERMISSIVE' },
  { name: 'one policy, STRICT', policies: [pa({ ns: 'my-ns', name: 'p' }, mode('STRICT'))], mode: 'STRICT' },
  {
    name: 'two workload policies resolve to the older STRICT',
    policies: [
      pa({ ns: 'my-ns', name: 'now', created: NOW }, selectorFoo + mode('STRICT')),
      pa({ ns: 'my-ns', name: 'later', created: LATER }, selectorFoo + mode('DISABLE')),
    ],
    mode: 'STRICT',
  },
  {
    name: 'two workload policies resolve to the older PERMISSIVE',
    policies: [
      pa({ ns: 'my-ns', name: 'now', created: NOW }, selectorFoo + mode('DISABLE')),
      pa({ ns: 'my-ns', name: 'earlier', created: SECOND_AGO }, selectorFoo + mode('PERMISSIVE')),
    ],
    mode: 'PERMISSIVE',
  },
  {
    name: 'port level hit',
    policies: [pa({ ns: 'my-ns', name: 'p' }, selectorFoo + mode('DISABLE') + '  portLevelMtls:\n    8080: {mode: STRICT}\n')],
    mode: 'STRICT',
  },
  {
    name: 'port level miss',
    policies: [pa({ ns: 'my-ns', name: 'p' }, selectorFoo + '  portLevelMtls:\n    7070: {mode: STRICT}\n')],
    mode: 'PERMISSIVE',
  },
];

for (const c of inbound)
  test(`TestInboundMTLSSettings: ${c.name} (port 8080)`, async () => {
    const e = await explainJson(workspace(c.policies), 'my-ns/foo', ['--port', '8080']);
    assert.deepEqual(
      e.mtls.ports.map((p) => [p.port, p.mode]),
      [[8080, c.mode]],
    );
  });
