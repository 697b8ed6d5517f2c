// Protocol tests of CRDs in the editor: the server checks against CRDs found among the workspace's
// files, named by `crds:` in .meshlint.yaml or by the `meshlint.crds` setting, and follows a CRD that
// changes on disk or in the editor (schema and CEL rules), for diagnostics, hover and completion alike.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { messageOf, TestLspClient } from '../support/lsp-client';
import { writeTempWorkspace } from '../support/temp-workspace';
import { CRD_FIXTURES, TRUST_DOMAINS_POLICY } from '../support/crds';

const WITH = fs.readFileSync(path.join(CRD_FIXTURES, 'authorization-policy-with-trust-domains.yaml'), 'utf8');
const WITHOUT = fs.readFileSync(path.join(CRD_FIXTURES, 'authorization-policy-without-trust-domains.yaml'), 'utf8');
const PEER_RULES = fs.readFileSync(path.join(CRD_FIXTURES, 'peer-authentication-rules.yaml'), 'utf8');
const DISABLED = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: legacy
  namespace: shop
spec:
  mtls:
    mode: DISABLE
`;

/** A source being written: the cursor goes on the empty line 10, column 8. */
const DRAFT = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: draft
  namespace: shop
spec:
  rules:
  - from:
    - source:
        principals: ["a"]
${' '.repeat(8)}
`;

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups) await c();
});

/** A server on a fresh folder holding `files`, with the given `meshlint` settings. */
async function serve(files: Record<string, string>, settings: Record<string, unknown> = {}) {
  const dir = writeTempWorkspace(files, 'meshlint-crds-');
  const client = new TestLspClient();
  client.settings = settings;
  cleanups.push(async () => {
    await client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const root = pathToFileURL(dir).href;
  await client.initialize(root, [{ uri: root, name: 'ws' }]);
  return { dir, client, uriOf: (name: string) => pathToFileURL(path.join(dir, name)).href };
}

const unknownTrustDomains = (d: Diagnostic[]) =>
  d.some((x) => x.code === 'schema-validation' && messageOf(x).startsWith('Unknown field `trustDomains`'));
const noUnknownTrustDomains = (d: Diagnostic[]) => !unknownTrustDomains(d);
const celMessage = (text: string) => (d: Diagnostic[]) => d.some((x) => x.code === 'schema-validation' && messageOf(x).endsWith(text));

test('a workspace CRD decides: without source.trustDomains it is an unknown field, and a CRD changed on disk clears it', async () => {
  const { dir, client, uriOf } = await serve({ 'crds/authorization-policy.yaml': WITHOUT, 'policy.yaml': TRUST_DOMAINS_POLICY });
  const policy = uriOf('policy.yaml');
  const diags = await client.openAndWait(policy, TRUST_DOMAINS_POLICY, unknownTrustDomains);
  const d = diags.find((x) => messageOf(x).startsWith('Unknown field `trustDomains`'));
  assert.deepEqual(d?.range.start, { line: 10, character: 8 }, 'on the trustDomains key');
  // Completion reads the same CRD: the built-in schemas would offer trustDomains here.
  const draft = uriOf('draft.yaml');
  client.open(draft, DRAFT);
  const items = await client.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri: draft },
    position: { line: 10, character: 8 },
  });
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('namespaces') && !labels.includes('trustDomains'), labels.join(', '));
  // The built-in schemas accept the field: this publish shows the CRD was used, and now the CRD gains it.
  fs.writeFileSync(path.join(dir, 'crds/authorization-policy.yaml'), WITH);
  const cleared = client.waitForDiagnostics(policy, noUnknownTrustDomains);
  client.filesChanged([{ uri: uriOf('crds/authorization-policy.yaml'), type: 2 }]);
  await cleared;
  // And back: the CRD loses the field again.
  fs.writeFileSync(path.join(dir, 'crds/authorization-policy.yaml'), WITHOUT);
  const back = client.waitForDiagnostics(policy, unknownTrustDomains);
  client.filesChanged([{ uri: uriOf('crds/authorization-policy.yaml'), type: 2 }]);
  await back;
});

test('a CRD with the field is clean, and hover describes the field from that CRD', async () => {
  const described = WITH.replace(
    '                              trustDomains:\n',
    '                              trustDomains:\n                                description: Trust domains our partners sign with.\n',
  );
  assert.notEqual(described, WITH);
  const { client, uriOf } = await serve({
    'crds/ap.yaml': described,
    'crds/peer.yaml': PEER_RULES,
    'legacy.yaml': DISABLED,
    'policy.yaml': TRUST_DOMAINS_POLICY,
  });
  // One registry holds both CRDs: the CEL message shows it is in use (the built-in schemas accept trustDomains too).
  await client.openAndWait(uriOf('legacy.yaml'), DISABLED, celMessage('mode DISABLE is not allowed in this cluster'));
  const policy = uriOf('policy.yaml');
  await client.openAndWait(policy, TRUST_DOMAINS_POLICY, noUnknownTrustDomains);
  const hover = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri: policy },
    position: { line: 10, character: 10 },
  });
  const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(text, /Trust domains our partners sign with\./);
});

test('a CRD edited in the editor changes a CEL rule message at once', async () => {
  const { client, uriOf } = await serve({ 'crds/peer.yaml': PEER_RULES, 'legacy.yaml': DISABLED });
  const legacy = uriOf('legacy.yaml');
  await client.openAndWait(legacy, DISABLED, celMessage('mode DISABLE is not allowed in this cluster'));
  const crd = uriOf('crds/peer.yaml');
  client.open(crd, PEER_RULES);
  const edited = PEER_RULES.replace('" is not allowed in this cluster"', '" is forbidden by the platform team"');
  assert.notEqual(edited, PEER_RULES);
  const changed = client.waitForDiagnostics(legacy, celMessage('mode DISABLE is forbidden by the platform team'));
  client.change(crd, [{ text: edited }]);
  await changed;
});

test('`crds:` in .meshlint.yaml names CRDs the index skips, and a change on disk under it is followed', async () => {
  const { dir, client, uriOf } = await serve({
    '.meshlint.yaml': 'exclude: ["platform/**"]\ncrds: [platform/]\n',
    'platform/ap.yaml': WITHOUT,
    'policy.yaml': TRUST_DOMAINS_POLICY,
  });
  const policy = uriOf('policy.yaml');
  await client.openAndWait(policy, TRUST_DOMAINS_POLICY, unknownTrustDomains);
  fs.writeFileSync(path.join(dir, 'platform/ap.yaml'), WITH);
  const cleared = client.waitForDiagnostics(policy, noUnknownTrustDomains);
  client.filesChanged([{ uri: uriOf('platform/ap.yaml'), type: 2 }]);
  await cleared;
});

test('the meshlint.crds setting names CRDs, and taking it away restores the built-in schemas', async () => {
  const { client, uriOf } = await serve(
    { 'vendor/ap.yaml': WITHOUT, 'policy.yaml': TRUST_DOMAINS_POLICY },
    { crds: ['vendor/ap.yaml'], exclude: ['vendor/**'] },
  );
  const policy = uriOf('policy.yaml');
  await client.openAndWait(policy, TRUST_DOMAINS_POLICY, unknownTrustDomains);
  client.settings = { exclude: ['vendor/**'] };
  const cleared = client.waitForDiagnostics(policy, noUnknownTrustDomains);
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await cleared;
});
