// DestinationRule port entries as Istio reads them (GetPortLevelTrafficPolicy, buildUpstreamTLSSettings):
// an entry does not inherit the rule's tls; without tls (absent or null) auto mTLS decides there, and a
// tls map without mode is DISABLE, the enum's zero value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsOfText } from '../../server/src/core/workspace/extract';
import type { DestinationRuleFact } from '../../server/src/core/workspace/facts';

test('port entries: no tls is auto (recorded as ""), a tls map without mode is DISABLE', () => {
  const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: dr, namespace: ns-1}
spec:
  host: httpbin.foo.svc.cluster.local
  trafficPolicy:
    tls: {mode: ISTIO_MUTUAL}
    portLevelSettings:
      - port: {number: 80}
        tls: {sni: httpbin.example}
      - port: {number: 81}
        tls:
      - port: {number: 82}
        connectionPool: {tcp: {maxConnections: 10}}
      - port: {number: 83}
        tls: {mode: SIMPLE}
`;
  const dr = factsOfText('file:///dr.yaml', text).facts.find((f): f is DestinationRuleFact => f.type === 'destination-rule');
  assert.ok(dr);
  assert.deepEqual(
    dr.tlsModes.map((m) => [m.port ?? 'rule', m.mode]),
    [
      ['rule', 'ISTIO_MUTUAL'],
      [80, 'DISABLE'],
      [81, ''],
      [82, ''],
      [83, 'SIMPLE'],
    ],
  );
});
