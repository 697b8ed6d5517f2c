// Where the cursor writes, from indentation alone: keys of which map, value of which field, item of
// which list; robust to documents that do not parse yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext, pathKey, type CursorContext } from '../../server/src/core/editing/cursor-context';

/** `§` marks the cursor. */
function at(textWithCursor: string): CursorContext | undefined {
  const offset = textWithCursor.indexOf('§');
  assert.ok(offset >= 0, 'cursor marker');
  return cursorContext(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset);
}

const HEAD = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\n';

test('an empty value after `mode: ` is the value of spec.mtls.mode', () => {
  const ctx = at(`${HEAD}spec:\n  mtls:\n    mode: §\n`);
  assert.equal(ctx?.slot, 'value');
  assert.deepEqual(ctx?.path, ['spec', 'mtls', 'mode']);
  assert.equal(ctx?.prefix, '');
  assert.equal(ctx?.needsSpace, false);
});

test('right after the colon, the value needs a leading space', () => {
  const ctx = at(`${HEAD}spec:\n  mtls:\n    mode:§\n`);
  assert.equal(ctx?.slot, 'value');
  assert.equal(ctx?.needsSpace, true);
});

test('a partly typed value is the prefix and the replaced range covers the whole word', () => {
  const text = `${HEAD}spec:\n  mtls:\n    mode: PER§MISSIVE # keep\n`;
  const ctx = at(text);
  assert.equal(ctx?.prefix, 'PER');
  const plain = text.replace('§', '');
  assert.equal(plain.slice(ctx.replaceStart, ctx.replaceEnd), 'PERMISSIVE');
});

test('an opening quote is not part of the prefix', () => {
  const ctx = at(`${HEAD}spec:\n  mtls:\n    mode: "ST§"\n`);
  assert.equal(ctx?.quote, '"');
  assert.equal(ctx?.prefix, 'ST');
});

test('an empty line inside a map completes its keys, minus those present above and below', () => {
  const ctx = at(`${HEAD}spec:\n  selector:\n    matchLabels:\n      app: api\n  §\n  mtls:\n    mode: STRICT\n`);
  assert.equal(ctx?.slot, 'key');
  assert.deepEqual(ctx?.path, ['spec']);
  assert.deepEqual([...(ctx?.presentKeys ?? [])].sort(), ['mtls', 'selector']);
  assert.equal(ctx?.column, 2);
});

test('deeper indentation completes the nested map', () => {
  const ctx = at(`${HEAD}spec:\n  mtls:\n    §\n`);
  assert.deepEqual(ctx?.path, ['spec', 'mtls']);
  assert.equal(ctx?.presentKeys.size, 0);
});

test('a key typed at the root of a manifest', () => {
  const ctx = at(`${HEAD}sp§`);
  assert.equal(ctx?.slot, 'key');
  assert.deepEqual(ctx?.path, []);
  assert.equal(ctx?.prefix, 'sp');
  assert.ok(ctx?.presentKeys.has('metadata'));
});

test('inside an existing key only the name is replaced', () => {
  const text = `${HEAD}spec:\n  mt§ls:\n    mode: STRICT\n`;
  const ctx = at(text);
  assert.equal(ctx?.keyOnly, true);
  assert.equal(text.replace('§', '').slice(ctx.replaceStart, ctx.replaceEnd), 'mtls');
});

test('list items: `- ` opens an item, indexes count the earlier items, indentless lists work', () => {
  const ap = `${HEAD.replace('PeerAuthentication', 'AuthorizationPolicy')}spec:\n  rules:\n  - from:\n    - source:\n        principals: ["a"]\n  - to:\n    - operation:\n        §\n`;
  const ctx = at(ap);
  assert.equal(ctx?.slot, 'key');
  assert.deepEqual(ctx?.path, ['spec', 'rules', 1, 'to', 0, 'operation']);

  const item = at(`${HEAD}spec:\n  rules:\n    - from: []\n    - §\n`);
  assert.equal(item?.slot, 'item');
  assert.deepEqual(item?.path, ['spec', 'rules', 1]);
  assert.equal(item?.column, 6);
  assert.equal(item?.lineIndent, 4);

  const value = at(`${HEAD}spec:\n  rules:\n    - from:\n        - source:\n            principals:\n              - cluster.local/ns/§\n`);
  assert.equal(value?.slot, 'item');
  assert.deepEqual(value?.path, ['spec', 'rules', 0, 'from', 0, 'source', 'principals', 0]);
  assert.equal(value?.prefix, 'cluster.local/ns/');
});

test('a key after `- ` on the same line', () => {
  const ctx = at(`${HEAD}spec:\n  jwtRules:\n    - issuer: x\n      jwksUri: y\n    - fromHeaders:\n        - name: §\n`);
  assert.equal(ctx?.slot, 'value');
  assert.deepEqual(ctx?.path, ['spec', 'jwtRules', 1, 'fromHeaders', 0, 'name']);
});

test('scalars written anywhere in the document are collected (for apiVersion, kind, siblings)', () => {
  const ctx = at(`# comment\n${HEAD}spec:\n  issuerRef:\n    name: §\n    kind: "ClusterIssuer" # cluster-wide\n`);
  assert.equal(ctx?.scalars.get(pathKey(['kind'])), 'PeerAuthentication');
  assert.equal(ctx?.scalars.get(pathKey(['metadata', 'namespace'])), 'shop');
  assert.equal(ctx?.scalars.get(pathKey(['spec', 'issuerRef', 'kind'])), 'ClusterIssuer');
});

test('a document that does not parse still yields the right path', () => {
  const broken = `${HEAD}spec:\n  selector: [app\n  mtls:\n    mode: §\n  portLevelMtls:\n    8080:\n      mode:\n\t- nonsense: {\n`;
  const ctx = at(broken);
  assert.equal(ctx?.slot, 'value');
  assert.deepEqual(ctx?.path, ['spec', 'mtls', 'mode']);
});

test('no completion inside comments, block scalars or under a key that already has a value', () => {
  assert.equal(at(`${HEAD}# mode: §\n`), undefined);
  assert.equal(at(`${HEAD}spec:\n  jwks: |\n    {"keys": §\n`), undefined);
  assert.equal(at(`${HEAD}spec:\n  mtls: {}\n    §\n`), undefined);
});

test('a document marker line starts over at the root', () => {
  const ctx = at(`---\n${HEAD}spec:\n  mtls:\n    mode: STRICT\n§`);
  assert.equal(ctx?.slot, 'key');
  assert.deepEqual(ctx?.path, []);
});
