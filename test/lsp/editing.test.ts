// Protocol tests of the editing features: hover, completion and document symbols from the built
// server over stdio, as an editor asks for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lsp-client';
import { peerAuthentication } from '../support/sample-manifests';

const PA = peerAuthentication({ namespace: 'shop', mode: 'PERMISSIVE' });

let client: TestLspClient;
let init: InitializeResult;
before(async () => {
  client = new TestLspClient();
  init = (await client.initialize()) as InitializeResult;
});
after(async () => client.dispose());

/** Position of the n-th occurrence of `needle`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return TextDocument.create('x', 'yaml', 1, text).positionAt(at + delta);
}

async function hover(uri: string, position: Position): Promise<Hover | null> {
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
}

async function complete(uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
  const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  const r = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position,
    context,
  });
  const items = Array.isArray(r) ? r : (r?.items ?? []);
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

/** Applies a completion the way an editor does (adjustIndentation: new lines get the line's indent). */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const doc = TextDocument.create('x', 'yaml', 1, text);
  const line = text.split('\n')[edit.range.start.line];
  const indent = /^ */.exec(line)?.[0] ?? '';
  let newText = edit.newText.replace(/\n/g, `\n${indent}`);
  if (item.insertTextFormat === InsertTextFormat.Snippet) newText = newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
  return TextDocument.applyEdits(doc, [{ range: edit.range, newText }]);
}

test('the server announces hover, completion and document symbols', () => {
  assert.equal(init.capabilities.hoverProvider, true);
  assert.ok(init.capabilities.completionProvider?.triggerCharacters?.includes(' '));
  assert.ok(init.capabilities.documentSymbolProvider);
});

test('hover on a key explains the field and the mutual TLS concept, on the key range', async () => {
  const uri = 'file:///tmp/meshlint-lsp-editing/hover-key.yaml';
  await client.openAndWait(uri, PA);
  const h = await hover(uri, positionOf(PA, 'mtls:', 2));
  assert.ok(h);
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, MarkupKind.Markdown);
  assert.match(contents.value, /`spec\.mtls`/);
  assert.match(contents.value, /mutual TLS/i);
  assert.deepEqual(h.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } });
  client.close(uri);
});

test('hover on an enum value explains that value and names the rule with its page', async () => {
  const uri = 'file:///tmp/meshlint-lsp-editing/hover-value.yaml';
  await client.openAndWait(uri, PA);
  const h = await hover(uri, positionOf(PA, 'PERMISSIVE', 4));
  const value = (h?.contents as MarkupContent).value;
  assert.match(value, /\*\*`PERMISSIVE`\*\* — a value of `spec\.mtls\.mode`/);
  assert.match(value, /plaintext/);
  assert.match(value, /STRICT/);
  assert.match(value, /\[peer-authentication-permissive\]\(file:\/\/[^)]*docs\/rules\/peer-authentication-permissive\.md\)/);
  assert.deepEqual(h?.range, { start: { line: 7, character: 10 }, end: { line: 7, character: 20 } });
  assert.equal(await hover(uri, { line: 5, character: 5 }), null, 'nothing to say after `spec:`');
  client.close(uri);
});

test('completion of enum values: empty value after `mode: `, after the colon, partly typed', async () => {
  const uri = 'file:///tmp/meshlint-lsp-editing/complete-mode.yaml';
  const text = PA.replace('mode: PERMISSIVE', 'mode: ');
  await client.openAndWait(uri, text);
  const items = await complete(uri, { line: 7, character: 10 }, ' ');
  assert.deepEqual(
    items.map((i) => i.label),
    ['STRICT', 'UNSET', 'DISABLE', 'PERMISSIVE'],
  );
  assert.equal(items[0].kind, CompletionItemKind.EnumMember);
  assert.equal(items[0].preselect, true);
  assert.equal(accept(text, items[0]), PA.replace('PERMISSIVE', 'STRICT'));

  // Typing on: the items replace the partly typed word (the editor filters by it).
  client.change(uri, [{ range: { start: { line: 7, character: 10 }, end: { line: 7, character: 10 } }, text: 'PE' }]);
  const typed = await complete(uri, { line: 7, character: 12 });
  const permissive = typed.find((i) => i.label === 'PERMISSIVE')!;
  assert.deepEqual((permissive.textEdit as TextEdit).range, { start: { line: 7, character: 10 }, end: { line: 7, character: 12 } });
  client.close(uri);

  const colon = 'file:///tmp/meshlint-lsp-editing/complete-colon.yaml';
  const colonText = PA.replace('mode: PERMISSIVE', 'mode:');
  await client.openAndWait(colon, colonText);
  const afterColon = await complete(colon, { line: 7, character: 9 }, ':');
  assert.equal((afterColon[0].textEdit as TextEdit).newText, ' STRICT');
  client.close(colon);
});

test('completion of keys: under spec, nested, and in list items, with indentation and placeholders', async () => {
  const uri = 'file:///tmp/meshlint-lsp-editing/complete-keys.yaml';
  const text = `${PA.replace('spec:\n', 'spec:\n  \n')}`;
  await client.openAndWait(uri, text);
  const keys = await complete(uri, { line: 6, character: 2 });
  assert.deepEqual(
    keys.map((i) => i.label),
    ['selector', 'portLevelMtls'],
  );
  const selector = keys[0];
  assert.equal(selector.kind, CompletionItemKind.Property);
  assert.equal(selector.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(selector.insertTextMode, InsertTextMode.adjustIndentation);
  assert.equal((selector.textEdit as TextEdit).newText, 'selector:\n  $1');
  assert.equal(accept(text, selector), PA.replace('spec:\n', 'spec:\n  selector:\n    \n'));
  client.close(uri);

  const ap = 'file:///tmp/meshlint-lsp-editing/complete-items.yaml';
  const apText = `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: x\n  namespace: shop\nspec:\n  action: ALLOW\n  rules:\n    - \n`;
  await client.openAndWait(ap, apText);
  const ruleKeys = await complete(ap, { line: 8, character: 6 });
  assert.deepEqual(
    ruleKeys.map((i) => i.label),
    ['from', 'to', 'when'],
  );
  assert.equal(accept(apText, ruleKeys[0]), apText.replace('    - \n', '    - from:\n        - \n'));
  const actions = await complete(ap, { line: 6, character: 10 });
  assert.deepEqual(
    actions.map((i) => i.label),
    ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'],
  );
  client.close(ap);
});

test('completion in a document that does not parse, and of apiVersion/kind in an empty one', async () => {
  const uri = 'file:///tmp/meshlint-lsp-editing/complete-broken.yaml';
  const text = `${PA.replace('mode: PERMISSIVE', 'mode: ')}  selector: [app\n  portLevelMtls:\n    8080: {mode: }\n`;
  await client.openAndWait(uri, text);
  const items = await complete(uri, { line: 7, character: 10 });
  assert.deepEqual(
    items.map((i) => i.label),
    ['STRICT', 'UNSET', 'DISABLE', 'PERMISSIVE'],
  );
  client.close(uri);

  const empty = 'file:///tmp/meshlint-lsp-editing/complete-empty.yaml';
  client.open(empty, '');
  const kinds = await complete(empty, { line: 0, character: 0 });
  const pa = kinds.find((i) => i.label === 'PeerAuthentication' && i.detail === 'security.istio.io/v1');
  assert.ok(pa, kinds.map((i) => `${i.label} ${i.detail}`).join(', '));
  assert.equal(pa.kind, CompletionItemKind.Class);
  assert.match(
    (pa.textEdit as TextEdit).newText,
    /^apiVersion: security\.istio\.io\/v1\nkind: PeerAuthentication\nmetadata:\n {2}name: \$\{1:name\}/,
  );
  client.close(empty);
});

test('document symbols of a multi-document file: one per resource, on its own lines, with spec sections', async () => {
  const uri = 'file:///tmp/meshlint-lsp-editing/outline.yaml';
  const text = `${PA.replace('PERMISSIVE', 'STRICT')}---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  host: api.shop.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  secretName: api-tls\n  dnsNames:\n    - api.shop.svc\n  issuerRef:\n    name: mesh-ca\n    kind: ClusterIssuer\n`;
  await client.openAndWait(uri, text);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['PeerAuthentication shop/default', 'DestinationRule shop/api', 'Certificate shop/api'],
  );
  assert.deepEqual(
    symbols.map((s) => [s.range.start.line, s.range.end.line]),
    [
      [0, 7],
      [9, 18],
      [20, 31],
    ],
  );
  assert.deepEqual(symbols[1].selectionRange, { start: { line: 12, character: 8 }, end: { line: 12, character: 11 } });
  assert.deepEqual(
    symbols[0].children?.map((c) => c.name),
    ['mtls'],
  );
  assert.deepEqual(
    symbols[1].children?.map((c) => c.name),
    ['host', 'trafficPolicy'],
  );
  assert.deepEqual(
    symbols[1].children?.[1].children?.map((c) => c.name),
    ['tls'],
  );
  assert.deepEqual(
    symbols[2].children?.map((c) => c.name),
    ['secretName', 'dnsNames', 'issuerRef'],
  );
  client.close(uri);
});

test('a trigger character only opens the list after `key: `, `- ` or `key:`', async () => {
  const uri = 'file:///tmp/meshlint-lsp-editing/triggers.yaml';
  const text = `${PA.replace('spec:\n', 'spec:\n  \n')}`;
  await client.openAndWait(uri, text);
  assert.deepEqual(await complete(uri, { line: 6, character: 2 }, ' '), [], 'indenting with spaces');
  assert.ok((await complete(uri, { line: 6, character: 2 })).length > 0, 'asked for explicitly');
  assert.ok((await complete(uri, { line: 8, character: 10 }, ' ')).length > 0, 'after `mode: `');
  client.close(uri);
});
