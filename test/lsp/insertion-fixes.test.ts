// Protocol test for fixes that insert text rather than replace a value: the code action from
// Diagnostic.data adds a list item at the right indentation and the diagnostic clears.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../support/lsp-client';

const CERT = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: api
  namespace: shop
spec:
  secretName: api-tls
  duration: 24h
  commonName: api.shop.svc.cluster.local
  dnsNames:
    - api.shop.svc # short form
  issuerRef:
    name: cluster-ca
    kind: ClusterIssuer
`;

let client: TestLspClient;
before(async () => {
  client = new TestLspClient();
  await client.initialize();
});
after(async () => client.dispose());

test('adding the common name to dnsNames inserts one list item and clears the finding', async () => {
  const uri = 'file:///tmp/meshlint-lsp/cert-cn.yaml';
  const published = await client.openAndWait(uri, CERT, (d) => d.some((x) => x.code === 'certificate-common-name-not-in-dns-names'));
  const diag = published.find((x) => x.code === 'certificate-common-name-not-in-dns-names');
  assert.ok(diag);
  assert.deepEqual(diag.range, { start: { line: 8, character: 14 }, end: { line: 8, character: 40 } });
  const actions = await client.quickFixes(uri, diag);
  const fix = actions.find((a) => a.title === 'Add api.shop.svc.cluster.local to dnsNames');
  assert.ok(fix?.edit?.changes, JSON.stringify(actions));
  const edits = fix.edit.changes[uri];
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, CERT), edits);
  assert.equal(
    fixed,
    CERT.replace('    - api.shop.svc # short form\n', '    - api.shop.svc # short form\n    - api.shop.svc.cluster.local\n'),
  );

  const cleared = client.waitForDiagnostics(uri, (_d, p) => p.version === 2);
  client.changeByEdits(uri, edits);
  assert.deepEqual(
    (await cleared).map((d) => d.code),
    [],
  );
  client.close(uri);
});
