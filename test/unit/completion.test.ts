// Completion from the core: keys valid at the cursor with the right indentation, enum values (also
// on an empty value and in broken documents), apiVersion/kind, and workspace names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registry } from '../support/engine';
import { concepts, cursorAt } from '../support/editing';
import { completeAt } from '../../server/src/core/completion/complete';
import type { CompletionDeps, Suggestion, WorkspaceHints } from '../../server/src/core/completion/types';
import { expandSnippet } from '../../server/src/core/editing/snippet-text';
import { parseYaml } from '../../server/src/core/parse';

const HINTS: WorkspaceHints = {
  serviceAccounts: [
    { namespace: 'shop', name: 'frontend' },
    { namespace: 'pay', name: 'ledger' },
  ],
  namespaces: ['pay', 'shop'],
  issuers: [
    { name: 'mesh-ca', cluster: true },
    { name: 'shop-ca', namespace: 'shop', cluster: false },
    { name: 'pay-ca', namespace: 'pay', cluster: false },
  ],
  workloads: [
    { namespace: 'shop', labels: { app: 'api', version: 'v1' } },
    { namespace: 'pay', labels: { app: 'ledger' } },
  ],
  secrets: [
    { namespace: 'istio-system', name: 'shop-example-com-tls' },
    { namespace: 'shop', name: 'api-tls' },
  ],
};
const deps: CompletionDeps = { registry: registry(), trustDomain: 'cluster.local', concepts: concepts(), workspace: HINTS };

function complete(textWithCursor: string, d: CompletionDeps = deps): { items: Suggestion[]; text: string } {
  const { text, offset } = cursorAt(textWithCursor);
  const items = completeAt(text, offset, d).sort((a, b) => a.sortText.localeCompare(b.sortText));
  return { items, text };
}
const labels = (items: Suggestion[]): string[] => items.map((i) => i.label);

/** Applies a suggestion the way an editor does: replace the range, re-indent new lines by the line's indent. */
function apply(text: string, s: Suggestion): string {
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  const indent = /^ */.exec(text.slice(lineStart))?.[0] ?? '';
  const inserted = (s.snippet ? expandSnippet(s.insertText) : s.insertText).replace(/\n/g, `\n${indent}`);
  return text.slice(0, s.start) + inserted + text.slice(s.end);
}

const PA = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\nspec:\n';
const AP = PA.replace('PeerAuthentication', 'AuthorizationPolicy');
const CERT = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  secretName: api-tls\n';

test('an empty value after `mode: ` offers the modes, STRICT first and preselected', () => {
  const { items, text } = complete(`${PA}  mtls:\n    mode: §\n`);
  assert.deepEqual(labels(items), ['STRICT', 'UNSET', 'DISABLE', 'PERMISSIVE']);
  assert.equal(items[0].preselect, true);
  assert.equal(items[0].detail, 'recommended');
  assert.match(items[3].documentation ?? '', /plaintext/);
  assert.equal(apply(text, items[0]), `${PA}  mtls:\n    mode: STRICT\n`);
});

test('values: right after the colon, partly typed, quoted, in portLevelMtls', () => {
  const after = complete(`${PA}  mtls:\n    mode:§\n`);
  assert.equal(apply(after.text, after.items[0]), `${PA}  mtls:\n    mode: STRICT\n`);
  const partial = complete(`${PA}  mtls:\n    mode: PERM§\n`);
  const permissive = partial.items.find((i) => i.label === 'PERMISSIVE')!;
  assert.equal(apply(partial.text, permissive), `${PA}  mtls:\n    mode: PERMISSIVE\n`);
  const quoted = complete(`${PA}  mtls:\n    mode: "§"\n`);
  assert.equal(apply(quoted.text, quoted.items[0]), `${PA}  mtls:\n    mode: "STRICT"\n`);
  const port = complete(`${PA}  selector:\n    matchLabels:\n      app: api\n  portLevelMtls:\n    8080:\n      mode: §\n`);
  assert.ok(labels(port.items).includes('DISABLE'));
});

test('enum values also complete in a document that does not parse', () => {
  const { items } = complete(`${PA}  selector: [app\n  mtls:\n    mode: §\n  portLevelMtls:\n    9090:\n      mode:\n`);
  assert.deepEqual(labels(items), ['STRICT', 'UNSET', 'DISABLE', 'PERMISSIVE']);
});

test('keys under spec: all valid ones, minus those written, with a placeholder for maps', () => {
  const { items, text } = complete(`${PA}  §\n  mtls:\n    mode: STRICT\n`);
  assert.deepEqual(labels(items), ['selector', 'portLevelMtls']);
  const selector = items[0];
  assert.equal(selector.kind, 'key');
  assert.equal(selector.snippet, true);
  assert.equal(selector.insertText, 'selector:\n  $1');
  assert.match(selector.documentation ?? '', /spec\.selector/);
  assert.equal(apply(text, selector), `${PA}  selector:\n    \n  mtls:\n    mode: STRICT\n`);
});

test('keys: scalars insert `key: `, lists `- `, required keys first and filled in', () => {
  const mtls = complete(`${PA}  mtls:\n    §\n`);
  assert.deepEqual(
    mtls.items.map((i) => i.insertText),
    ['mode: '],
  );
  const cert = complete(`${CERT}  §\n`);
  assert.equal(cert.items[0].label, 'issuerRef');
  assert.equal(cert.items[0].detail, 'required');
  assert.equal(cert.items[0].insertText, 'issuerRef:\n  name: $1');
  assert.ok(!labels(cert.items).includes('secretName'), 'present key left out');
  assert.equal(cert.items.find((i) => i.label === 'dnsNames')?.insertText, 'dnsNames:\n  - $1');
  const after = apply(
    cert.text,
    cert.items.find((i) => i.label === 'dnsNames')!,
  );
  assert.equal(after, `${CERT}  dnsNames:\n    - \n`);
});

test('inside list items the nested lines line up under the item', () => {
  const { items, text } = complete(`${AP}  rules:\n    - §\n`);
  assert.deepEqual(labels(items), ['from', 'to', 'when']);
  const when = items.find((i) => i.label === 'when')!;
  assert.equal(when.insertText, 'when:\n    - key: $1');
  assert.equal(apply(text, when), `${AP}  rules:\n    - when:\n        - key: \n`);
  const parsed = parseYaml(apply(text, when).replace('key: ', 'key: x'));
  assert.deepEqual(parsed.problems, []);
});

test('a partly typed key replaces the word; inside an existing key only the name', () => {
  const typed = complete(`${PA}  mt§\n`);
  const mtls = typed.items.find((i) => i.label === 'mtls')!;
  assert.equal(typed.text.slice(mtls.start, mtls.end), 'mt');
  const inside = complete(`${PA}  mt§ls:\n    mode: STRICT\n`);
  const again = inside.items.find((i) => i.label === 'mtls')!;
  assert.equal(again.insertText, 'mtls');
  assert.equal(apply(inside.text, again), `${PA}  mtls:\n    mode: STRICT\n`);
});

test('list items of an enum (usages) and booleans', () => {
  const usages = complete(`${CERT}  usages:\n    - serv§\n`);
  assert.ok(labels(usages.items).includes('server auth'));
  const serverAuth = usages.items.find((i) => i.label === 'server auth')!;
  assert.equal(apply(usages.text, serverAuth), `${CERT}  usages:\n    - server auth\n`);
  assert.match(serverAuth.documentation ?? '', /TLS server/);
  const ca = complete(`${CERT}  isCA: §\n`);
  assert.deepEqual(labels(ca.items), ['true', 'false']);
});

test('an empty manifest offers apiVersion/kind pairs, current versions first', () => {
  const { items, text } = complete('§');
  const pa = items.find((i) => i.label === 'PeerAuthentication' && i.detail === 'security.istio.io/v1');
  assert.ok(pa);
  const old = items.find((i) => i.label === 'PeerAuthentication' && i.deprecated);
  assert.ok(old, 'the v1beta1 pair is offered, marked deprecated');
  assert.ok(items.indexOf(pa) < items.indexOf(old));
  const inserted = apply(text, pa);
  assert.equal(inserted, 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: name\n  namespace: namespace\n');
  const issuer = items.find((i) => i.label === 'ClusterIssuer')!;
  assert.doesNotMatch(issuer.insertText, /namespace/);
  assert.ok(labels(items).includes('apiVersion'));
});

test('apiVersion values fit the kind; kind values fit the apiVersion', () => {
  const versions = complete('apiVersion: §\nkind: PeerAuthentication\n');
  assert.deepEqual(labels(versions.items), ['security.istio.io/v1', 'security.istio.io/v1beta1']);
  assert.equal(versions.items[1].deprecated, true);
  const kinds = complete('apiVersion: cert-manager.io/v1\nkind: §\n');
  assert.deepEqual(labels(kinds.items).sort(), ['Certificate', 'CertificateRequest', 'ClusterIssuer', 'Issuer']);
  const known = complete('apiVersion: security.istio.io/v1\n§');
  assert.deepEqual(labels(known.items), ['kind']);
});

test('principals from known ServiceAccounts use the configured trust domain', () => {
  const text = `${AP}  rules:\n    - from:\n        - source:\n            principals:\n              - §\n`;
  const { items } = complete(text, { ...deps, trustDomain: 'prod.example' });
  assert.deepEqual(labels(items), ['prod.example/ns/shop/sa/frontend', 'prod.example/ns/pay/sa/ledger']);
  const sas = complete(`${AP}  rules:\n    - from:\n        - source:\n            serviceAccounts:\n              - §\n`);
  assert.deepEqual(labels(sas.items), ['shop/frontend', 'pay/ledger']);
  const nss = complete(`${AP}  rules:\n    - from:\n        - source:\n            notNamespaces:\n              - §\n`);
  assert.deepEqual(labels(nss.items), ['pay', 'shop']);
});

test('namespaces, issuers and selector labels from the workspace', () => {
  const ns = complete('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: §\n');
  assert.deepEqual(labels(ns.items), ['pay', 'shop']);
  const issuer = complete(`${CERT}  issuerRef:\n    name: §\n`);
  assert.deepEqual(labels(issuer.items), ['shop-ca'], 'namespaced Issuers of the same namespace');
  const cluster = complete(`${CERT}  issuerRef:\n    kind: ClusterIssuer\n    name: §\n`);
  assert.deepEqual(labels(cluster.items), ['mesh-ca']);
  const keys = complete(`${AP}  selector:\n    matchLabels:\n      §\n`);
  assert.deepEqual(labels(keys.items), ['app', 'version']);
  const values = complete(`${AP}  selector:\n    matchLabels:\n      app: §\n`);
  assert.deepEqual(labels(values.items), ['api']);
});

test('gateway credentials from Secrets and Certificates, the Gateway namespace first', () => {
  const gw =
    'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: istio-system\nspec:\n  servers:\n    - port:\n        number: 443\n        name: https\n        protocol: HTTPS\n      hosts: [shop.example.com]\n      tls:\n        mode: SIMPLE\n        credentialName: §\n';
  assert.deepEqual(labels(complete(gw).items), ['shop-example-com-tls', 'api-tls']);
});

test('nothing is proposed in comments, block scalars or unknown places', () => {
  assert.deepEqual(complete(`${PA}  # mode: §\n`).items, []);
  assert.deepEqual(complete(`${PA}  mtls:\n    mode: STRICT\n      §\n`).items, []);
  assert.deepEqual(complete('apiVersion: v1\nkind: ConfigMap\ndata:\n  §\n', { ...deps, workspace: undefined }).items, []);
});

test('in a multi-document file the cursor document decides', () => {
  const text = `${CERT}---\n${PA}  mtls:\n    mode: §\n---\napiVersion: v1\nkind: Namespace\n`;
  assert.equal(complete(text).items[0].label, 'STRICT');
});
