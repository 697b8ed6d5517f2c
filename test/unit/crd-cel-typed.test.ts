// The API server hands CEL a `format: byte` string as bytes (and duration / date-time as typed
// values); meshlint gives CEL the text. A rule that reads such a field and fails here may pass on the
// server, so it is a note, never a false error; a rule that only asks has() stays exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { registryWithCrds } from '../../server/src/core/crd/crd-registry';
import { builtinBundle } from '../support/crds';

// A Sidecar-shaped CRD of our own: `key` holds base64 (16 bytes are 24 characters); exactly one of
// `a` and `b` must be set, and each of them holds a date-time. `egress` keeps the manifests real
// Sidecars for the per-document rules (an empty Sidecar is rejected by Istio's webhook).
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: sidecars.networking.istio.io}
spec:
  group: networking.istio.io
  names: {kind: Sidecar, plural: sidecars}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            x-kubernetes-validations:
            - rule: "!has(self.key) || self.key.size() <= 16"
              message: the key is at most 16 bytes
            - rule: "(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) == 1"
              message: set exactly one of a and b
            properties:
              key: {type: string, format: byte}
              a: {type: object, properties: {since: {type: string, format: date-time}}}
              b: {type: object, properties: {since: {type: string, format: date-time}}}
              egress: {type: array, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`;

const manifest = (spec: string): string =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: s, namespace: shop}\nspec:\n${spec}  egress: [{hosts: ["./*"]}]\n`;

const engine = new Engine(registryWithCrds(builtinBundle(), [{ source: 'crd.yaml', text: CRD }]).registry);
const loud = (text: string): string[] =>
  engine
    .analyze(text, DEFAULT_CONFIG)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => f.message);

test('a rule that reads a byte field is not a false error: 16 bytes are 24 base64 characters', () => {
  const text = manifest('  key: AAECAwQFBgcICQoLDA0ODw==\n  a: {since: "2026-01-01T00:00:00Z"}\n');
  assert.deepEqual(loud(text), []);
  const notes = engine.analyze(text, DEFAULT_CONFIG).findings.filter((f) => f.severity === 'info');
  assert.ok(
    notes.some((n) => /typed value/.test(n.message)),
    notes.map((n) => n.message).join('\n'),
  );
});

test('a has() one-of beside typed fields still fails as an error', () => {
  const text = manifest('  a: {since: "2026-01-01T00:00:00Z"}\n  b: {since: "2026-01-01T00:00:00Z"}\n');
  assert.ok(
    loud(text).some((m) => /set exactly one of a and b/.test(m)),
    loud(text).join('\n'),
  );
});
