// One "oldest first" for the policy model (applicable.ts sortOldest, Istio's creation time, then name,
// then namespace), the Sidecar lookup included; and the Service-port note of portLevelMtls keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, docs, explainJson, namespace, peerAuthentication as pa } from '../support/explain';

const sidecar = (name: string, created: string): string =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: ${name}, namespace: shop, creationTimestamp: "${created}"}\n` +
  'spec:\n  workloadSelector: {labels: {app: cart}}\n  egress: [{hosts: ["./*"]}]\n';

test('Sidecars selecting the same pods, created at the same time: the first by name, as Istio sorts them', async () => {
  const t = '2024-01-01T00:00:00Z';
  const e = await explainJson(
    {
      'ns.yaml': namespace('shop'),
      'w.yaml': deployment('shop', 'cart', { app: 'cart' }),
      's.yaml': docs(sidecar('zeta', t), sidecar('alpha', t)),
    },
    'shop/cart',
  );
  assert.equal(e.sidecar?.policy?.name, 'alpha');
  assert.equal(e.sidecar?.ambiguous, undefined);
  const older = await explainJson(
    {
      'ns.yaml': namespace('shop'),
      'w.yaml': deployment('shop', 'cart', { app: 'cart' }),
      's.yaml': docs(sidecar('alpha', t), sidecar('zeta', '2023-01-01T00:00:00Z')),
    },
    'shop/cart',
  );
  assert.equal(older.sidecar?.policy?.name, 'zeta');
});

test('portLevelMtls keys that are container ports or Service target ports get no Service-port note', async () => {
  const svc =
    'apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nspec:\n  selector: {app: cart}\n  ports: [{port: 8080}]\n';
  const e = await explainJson(
    {
      'ns.yaml': namespace('shop'),
      'w.yaml': deployment('shop', 'cart', { app: 'cart' }, [9090]),
      'svc.yaml': svc,
      'pa.yaml': pa(
        { ns: 'shop', name: 'cart' },
        '  selector: {matchLabels: {app: cart}}\n  portLevelMtls:\n    8080: {mode: DISABLE}\n    9090: {mode: DISABLE}\n',
      ),
    },
    'shop/cart',
  );
  for (const port of [8080, 9090]) {
    const row = e.mtls.ports.find((p) => p.port === port);
    assert.equal(row?.mode, 'DISABLE', JSON.stringify(row));
    assert.ok(!row?.notes?.some((n) => /is a port of Service/.test(n)), JSON.stringify(row));
  }
});
