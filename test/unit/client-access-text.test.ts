// The words of the Check Access wizard and of failed access tests: the wizard's choices from the
// workspace inventory (Service ports as `cart:80 → 8080 (http)`), the verdict line, the key of the
// deciding rule and the trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { destinationChoices, protocolOf, sourceChoices } from '../../client/src/access/inventory-choices';
import { decidingSite, failureMarkdown, verdictLine } from '../../client/src/access/access-result-text';
import type { AccessResult } from '../../server/src/core/access/types';
import type { Site } from '../../server/src/core/workspace/facts';
import type { WorkspaceInventory } from '../../server/src/lsp/protocol';

function site(line: number): Site {
  return { uri: 'file:///ws/authz.yaml', start: line * 10, end: line * 10 + 5, line, character: 4, endLine: line, endCharacter: 9 };
}

const INVENTORY: WorkspaceInventory = {
  workloads: [
    { namespace: 'retail', name: 'cart', kind: 'Deployment', serviceAccount: 'cart', location: site(1) },
    { namespace: 'retail', name: 'batch', kind: 'CronJob', serviceAccount: 'default', location: site(2) },
  ],
  serviceAccounts: [{ namespace: 'retail', name: 'web' }],
  services: [
    {
      namespace: 'retail',
      name: 'cart',
      workloads: ['retail/cart'],
      ports: [
        { port: 80, targetPort: 8080, name: 'http-web' },
        { port: 5432, name: 'tcp-db' },
        { port: 9090, targetPort: 'metrics' },
      ],
    },
  ],
};

test('protocol follows the port name or appProtocol, as Istio selects it', () => {
  assert.equal(protocolOf({ port: 80, name: 'http-web' }), 'http');
  assert.equal(protocolOf({ port: 80, name: 'grpc-web-api' }), 'http');
  assert.equal(protocolOf({ port: 80, name: 'web', appProtocol: 'http2' }), 'http');
  assert.equal(protocolOf({ port: 5432, name: 'tcp-db' }), 'tcp');
  assert.equal(protocolOf({ port: 443, name: 'https' }), 'tcp');
  assert.equal(protocolOf({ port: 9090 }), 'unknown');
});

test('sources: workloads, service accounts, then plaintext', () => {
  const choices = sourceChoices(INVENTORY);
  assert.deepEqual(
    choices.map((c) => [c.label, c.value]),
    [
      ['retail/cart', { workload: 'retail/cart' }],
      ['retail/batch', { workload: 'retail/batch' }],
      ['retail:web', { namespace: 'retail', serviceAccount: 'web' }],
      ['plaintext', { plaintext: true }],
    ],
  );
});

test('destinations: every Service port with its target port and protocol, and workloads no Service selects', () => {
  const choices = destinationChoices(INVENTORY);
  assert.deepEqual(
    choices.map((c) => c.label),
    ['cart:80 → 8080 (http)', 'cart:5432 (tcp)', 'cart:9090 → metrics (unnamed)', 'retail/batch'],
  );
  assert.deepEqual(choices[0].value, {
    destination: { workload: 'retail/cart', service: 'retail/cart', servicePort: 80 },
    protocol: 'http',
  });
  assert.deepEqual(choices[3].value, { workload: 'retail/batch' });
});

function denied(): AccessResult {
  const policy = { kind: 'AuthorizationPolicy', namespace: 'retail', name: 'deny-admin', location: site(3) };
  return {
    verdict: 'DENY',
    reason: 'deny-policy-matched',
    decidedBy: { policy, rule: 1, envoyName: 'ns[retail]-policy[deny-admin]-rule[1]' },
    context: {
      transport: 'mtls',
      identity: 'spiffe://cluster.local/ns/retail/sa/web',
      targetPort: 8080,
      servicePort: 80,
      protocol: 'http',
      mtlsMode: 'STRICT',
    },
    trace: [
      {
        policy,
        action: 'DENY',
        dryRun: false,
        result: 'match',
        rules: [
          {
            index: 0,
            result: 'no-match',
            fields: [
              {
                path: 'rules[0].to[0].operation.methods',
                values: ['DELETE'],
                negated: false,
                requestValue: 'GET',
                result: 'no-match',
                location: site(6),
              },
            ],
          },
          {
            index: 1,
            result: 'match',
            fields: [
              {
                path: 'rules[1].to[0].operation.paths',
                values: ['/admin*'],
                negated: false,
                requestValue: '/admin/x',
                result: 'match',
                location: site(11),
              },
            ],
          },
        ],
      },
    ],
    shadow: [],
    considered: { allow: [], deny: [policy], custom: [], audit: [], notApplicable: [] },
    assumptions: ['no RequestAuthentication: tokens are ignored'],
  };
}

test('the verdict names the deciding policy and rule; its site is the first field of that rule', () => {
  const result = denied();
  assert.equal(verdictLine(result), 'DENY (deny-policy-matched) by AuthorizationPolicy retail/deny-admin rule[1]');
  assert.deepEqual(decidingSite(result), site(11));
  // Without a trace of the rule, the policy itself.
  assert.deepEqual(decidingSite({ ...result, trace: [] }), site(3));
  assert.equal(decidingSite({ ...result, decidedBy: undefined }), undefined);
});

test('a failed test says what was expected, what came out, and shows the trace field by field', () => {
  const text = failureMarkdown({
    name: 'web reads admin',
    range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    expectRange: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } },
    passed: false,
    expected: 'ALLOW',
    result: denied(),
  });
  assert.match(text, /^Expected ALLOW, got DENY \(deny-policy-matched\) by AuthorizationPolicy retail\/deny-admin rule\[1\]/);
  assert.match(text, /`rules\[1\]\.to\[0\]\.operation\.paths` \["\/admin\*"\] vs "\/admin\/x": \*\*match\*\*/);
  assert.match(text, /Envoy names the rule `ns\[retail\]-policy\[deny-admin\]-rule\[1\]`/);
  assert.match(text, /- no RequestAuthentication: tokens are ignored/);
  const broken = failureMarkdown({
    name: 'x',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    expectRange: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } },
    passed: false,
    expected: 'DENY',
    error: 'unknown workload retail/nope',
  });
  assert.equal(broken, 'Expected DENY; the test could not be evaluated: unknown workload retail/nope.');
});
