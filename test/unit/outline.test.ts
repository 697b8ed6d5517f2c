// The outline: one symbol per resource named `Kind namespace/name`, spanning its own document, with
// the spec's sections (and their entries) as children.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newEngine } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';
import { outline, type OutlineSymbol } from '../../server/src/core/outline/outline';
import { DEFAULT_CONFIG } from '../../server/src/core/config';

const FILE = `# Namespace policy
${peerAuthentication({ namespace: 'shop', app: 'api', mode: 'STRICT' })}  portLevelMtls:
    9090:
      mode: UNSET
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
spec:
  servers:
    - port:
        number: 443
        name: https
        protocol: HTTPS
      hosts: [shop.example.com]
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts: [shop.example.com]
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: mesh-ca
spec:
  ca:
    secretName: mesh-ca
---
just: some yaml
`;

function symbols(text = FILE): OutlineSymbol[] {
  return outline(newEngine().analyze(text, DEFAULT_CONFIG));
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

test('one symbol per resource, named Kind namespace/name, in file order; plain YAML is skipped', () => {
  const s = symbols();
  assert.deepEqual(
    s.map((x) => x.name),
    ['PeerAuthentication shop/default', 'Gateway public', 'ClusterIssuer mesh-ca'],
  );
  assert.deepEqual(
    s.map((x) => x.detail),
    ['security.istio.io/v1', 'networking.istio.io/v1', 'cert-manager.io/v1'],
  );
});

test('each resource spans its own document and selects its name', () => {
  const s = symbols();
  const docs = FILE.split(/^---\n/m);
  let at = 0;
  s.forEach((sym, i) => {
    const start = FILE.indexOf(docs[i], at);
    at = start + docs[i].length;
    assert.equal(sym.start, start, sym.name);
    assert.equal(FILE.slice(sym.start, sym.end), docs[i].trimEnd());
    assert.ok(contains({ start: sym.start, end: sym.end }, { start: sym.selectionStart, end: sym.selectionEnd }));
  });
  assert.equal(FILE.slice(s[0].selectionStart, s[0].selectionEnd), 'default');
  // Symbols of different documents never overlap.
  assert.ok(s[0].end < s[1].start && s[1].end < s[2].start);
});

test('children are the spec sections, then their entries; ranges nest', () => {
  const [pa, gw] = symbols();
  assert.deepEqual(
    pa.children.map((c) => c.name),
    ['selector', 'mtls', 'portLevelMtls'],
  );
  assert.deepEqual(
    pa.children[1].children.map((c) => [c.name, c.detail]),
    [['mode', 'STRICT']],
  );
  assert.deepEqual(
    pa.children[2].children.map((c) => c.name),
    ['9090'],
  );
  const servers = gw.children[0];
  assert.equal(servers.name, 'servers');
  assert.equal(servers.kind, 'list');
  assert.deepEqual(
    servers.children.map((c) => [c.name, c.detail]),
    [
      ['#1', 'port 443'],
      ['#2', 'port 80'],
    ],
  );
  const check = (parent: OutlineSymbol): void => {
    for (const c of parent.children) {
      assert.ok(contains(parent, c), `${c.name} inside ${parent.name}`);
      assert.ok(contains(c, { start: c.selectionStart, end: c.selectionEnd }));
      check(c);
    }
  };
  symbols().forEach(check);
  assert.equal(FILE.slice(pa.children[1].selectionStart, pa.children[1].selectionEnd), 'mtls');
});

test('a half-typed document still gets its symbol', () => {
  const s = symbols('apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: x\nspec:\n  rules: [\n');
  assert.equal(s[0]?.name, 'AuthorizationPolicy x');
});
