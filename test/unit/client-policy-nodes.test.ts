// The Mesh Policy tree's nodes: the sections in the design's order, every policy and rule node
// opening the exact key the answer names, and rule nodes expanding to from/to/when fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { policyNodes } from '../../client/src/policy/policy-nodes';
import type { PolicyNode } from '../../client/src/policy/tree-node';
import type { EffectivePolicy, Ref } from '../../server/src/core/policy/types';
import type { Site } from '../../server/src/core/workspace/facts';

function site(file: string, line: number, character = 2, length = 4): Site {
  return {
    uri: `file:///ws/${file}`,
    start: line * 100 + character,
    end: line * 100 + character + length,
    line,
    character,
    endLine: line,
    endCharacter: character + length,
  };
}

function ref(kind: string, namespace: string, name: string, at: Site): Ref {
  return { kind, namespace, name, location: at };
}

const MESH_PA = ref('PeerAuthentication', 'istio-system', 'default', site('mtls.yaml', 3));
const CART_PA = ref('PeerAuthentication', 'retail', 'cart-ports', site('mtls.yaml', 12));
const DENY = ref('AuthorizationPolicy', 'retail', 'deny-admin', site('authz.yaml', 4));
const ALLOW = ref('AuthorizationPolicy', 'retail', 'cart-allow', site('authz.yaml', 30));
const TARGETED = ref('AuthorizationPolicy', 'retail', 'waypoint-only', site('authz.yaml', 60));

function sample(): EffectivePolicy {
  return {
    workload: {
      ...ref('Deployment', 'retail', 'cart', site('workloads.yaml', 5)),
      labels: { app: 'cart' },
      serviceAccount: 'cart',
      dataPlane: 'sidecar',
      identity: 'spiffe://cluster.local/ns/retail/sa/cart',
    },
    mtls: {
      defaultMode: 'STRICT',
      chain: [
        { level: 'mesh', policy: MESH_PA, mode: 'STRICT', effect: 'sets', why: 'mesh-wide policy' },
        { level: 'workload', policy: CART_PA, mode: 'UNSET', effect: 'inherits', why: 'mode unset' },
      ],
      ports: [{ port: 8080, services: [], mode: 'PERMISSIVE', decidedBy: 'port', policy: CART_PA }],
    },
    authorization: {
      custom: [],
      deny: [
        {
          policy: DENY,
          action: 'DENY',
          scope: 'namespace',
          dryRun: false,
          noRules: false,
          rules: [
            {
              index: 0,
              site: site('authz.yaml', 9),
              to: [
                {
                  site: site('authz.yaml', 10),
                  fields: [
                    {
                      path: 'rules[0].to[0].operation.paths',
                      name: 'paths',
                      negated: false,
                      values: [
                        { value: '/admin*', site: site('authz.yaml', 12, 10) },
                        { value: '/debug*', site: site('authz.yaml', 13, 10) },
                      ],
                      site: site('authz.yaml', 11),
                    },
                  ],
                },
              ],
              when: [
                {
                  path: 'rules[0].when[0]',
                  name: 'source.namespace',
                  negated: true,
                  values: [{ value: 'ops', site: site('authz.yaml', 16, 20) }],
                  site: site('authz.yaml', 15),
                },
              ],
            },
          ],
        },
      ],
      allow: [{ policy: ALLOW, action: 'ALLOW', scope: 'workload', dryRun: true, noRules: true, rules: [] }],
      audit: [],
      posture: 'allow-unless-denied',
      perPort: [{ port: 9000, protocol: 'tcp', notes: ['this DENY matches every connection'] }],
    },
    requestAuthentication: { policies: [], issuers: [] },
    destinationRules: { asDestination: [], asClient: [] },
    notApplicable: [{ policy: TARGETED, why: 'targetRefs binds to Service/cart: a waypoint enforces it' }],
    assumptions: ['Istio default PERMISSIVE for namespaces without policy'],
    mesh: {
      rootNamespace: { value: 'istio-system', source: 'default' },
      trustDomain: { value: 'cluster.local', source: 'default' },
      trustDomainAliases: { value: [], source: 'default' },
      extensionProviders: { value: [], source: 'default' },
      pathNormalization: { value: 'BASE', source: 'default' },
    },
  };
}

function find(nodes: PolicyNode[] | undefined, label: string): PolicyNode {
  const hit = nodes?.find((n) => n.label === label);
  assert.ok(hit, `no node "${label}" among ${JSON.stringify(nodes?.map((n) => n.label))}`);
  return hit;
}

test('top nodes: the workload, then the sections of the design in order', () => {
  const labels = policyNodes(sample()).map((n) => n.label);
  assert.deepEqual(labels, [
    'retail/cart',
    'mTLS',
    'Authorization',
    'Request authentication',
    'Destination rules',
    'Sidecar',
    'Not applicable',
    'Assumptions',
  ]);
});

test('mTLS shows the default mode, each port with the policy that decides it, and the chain', () => {
  const mtls = find(policyNodes(sample()), 'mTLS');
  assert.equal(mtls.description, 'default STRICT');
  const port = find(mtls.children, 'port 8080: PERMISSIVE');
  assert.deepEqual(port.site, CART_PA.location);
  const chain = find(mtls.children, 'Chain');
  assert.deepEqual(
    chain.children?.map((n) => [n.label, n.site]),
    [
      ['mesh: STRICT', MESH_PA.location],
      ['workload: UNSET', CART_PA.location],
    ],
  );
});

test('authorization groups policies by action; rule nodes open the rule and expand to to/when fields and values', () => {
  const authz = find(policyNodes(sample()), 'Authorization');
  assert.equal(authz.description, 'allow-unless-denied');
  const deny = find(authz.children, 'DENY');
  const policy = find(deny.children, 'retail/deny-admin');
  assert.deepEqual(policy.site, DENY.location);
  const rule = find(policy.children, 'rule[0]');
  assert.deepEqual(rule.site, site('authz.yaml', 9));
  assert.deepEqual(
    rule.children?.map((n) => n.label),
    ['from', 'to[0]', 'source.namespace'],
  );
  assert.equal(find(rule.children, 'from').description, 'any source');
  const paths = find(find(rule.children, 'to[0]').children, 'paths');
  assert.equal(paths.description, '/admin*, /debug*');
  assert.deepEqual(
    paths.children?.map((n) => n.site),
    [site('authz.yaml', 12, 10), site('authz.yaml', 13, 10)],
  );
  const when = find(rule.children, 'source.namespace');
  assert.equal(when.description, 'not ops');
  assert.deepEqual(when.site, site('authz.yaml', 15));
  const allow = find(find(authz.children, 'ALLOW').children, 'retail/cart-allow');
  assert.match(allow.description ?? '', /dry-run/);
  assert.match(allow.description ?? '', /no rules/);
  assert.deepEqual(find(authz.children, 'port 9000 (tcp)').children?.[0]?.label, 'this DENY matches every connection');
});

test('not applicable policies say why and open the policy; assumptions list mesh settings with their source', () => {
  const nodes = policyNodes(sample());
  const skipped = find(find(nodes, 'Not applicable').children, 'retail/waypoint-only');
  assert.deepEqual(skipped.site, TARGETED.location);
  assert.match(skipped.description ?? '', /targetRefs/);
  const assumptions = find(nodes, 'Assumptions').children?.map((n) => `${n.label} (${n.description ?? ''})`);
  assert.deepEqual(assumptions, [
    'root namespace: istio-system (default)',
    'trust domain: cluster.local (default)',
    'Istio default PERMISSIVE for namespaces without policy ()',
  ]);
});

test('every node that names a policy or a rule carries the site of its key', () => {
  const missing: string[] = [];
  const walk = (nodes: PolicyNode[] | undefined, trail: string): void => {
    for (const n of nodes ?? []) {
      const named = /^retail\/|^istio-system\/|^rule\[|^(to|from)\[/.test(n.label);
      if (named && !n.site) missing.push(`${trail}/${n.label}`);
      walk(n.children, `${trail}/${n.label}`);
    }
  };
  walk(policyNodes(sample()), '');
  assert.deepEqual(missing, []);
});
