// meshlint/workspaceInventory: the workloads, service accounts and Service ports of a folder's index,
// which the editor's pickers (Explain Workload, Check Access) offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsOfText } from '../../server/src/core/workspace/extract';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspace-index';
import { inventoryOf } from '../../server/src/lsp/inventory';

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: retail}
spec:
  selector: {matchLabels: {app: cart}}
  template:
    metadata: {labels: {app: cart}}
    spec:
      serviceAccountName: cart
      containers: [{name: cart, image: cart:1, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: retail}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: auditor, namespace: ops}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: retail}
spec:
  selector: {app: cart}
  ports: [{name: http-web, port: 80, targetPort: 8080}]
`;

test('the inventory lists workloads with kind and account, accounts, and the workloads each Service selects', () => {
  const index = new WorkspaceIndex();
  index.set(factsOfText('file:///ws/retail.yaml', WORKLOADS));
  const inventory = inventoryOf(index.view());
  assert.deepEqual(
    inventory.workloads.map((w) => [w.namespace, w.name, w.kind, w.serviceAccount, w.location.line]),
    [
      ['retail', 'cart', 'Deployment', 'cart', 2],
      ['retail', 'web', 'Deployment', 'default', 13],
    ],
  );
  assert.deepEqual(inventory.serviceAccounts, [
    { namespace: 'ops', name: 'auditor' },
    { namespace: 'retail', name: 'cart' },
  ]);
  assert.deepEqual(
    inventory.services.map((s) => [s.namespace, s.name, s.workloads]),
    [['retail', 'cart', ['retail/cart']]],
  );
  assert.deepEqual(inventory.services[0].ports, [
    { port: 80, targetPort: 8080, name: 'http-web', protocol: undefined, appProtocol: undefined },
  ]);
});
