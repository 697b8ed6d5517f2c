// Walking the shipped schemas by data path: $refs across documents, map entries, list items,
// and the short type labels hover shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registry } from '../support/engine';
import {
  conceptOf,
  descriptionOf,
  enumOf,
  propertiesOf,
  resolve,
  resolveRef,
  schemaAt,
  shapeOf,
  typeLabel,
  type JsonSchema,
} from '../../server/src/core/schema-walk';

const reg = registry();
function root(id: string): JsonSchema {
  const r = resolve(reg, reg.schemaById(id));
  assert.ok(r, id);
  return r;
}
const PA = root('meshlint:security.istio.io/v1/PeerAuthentication');
const AP = root('meshlint:security.istio.io/v1/AuthorizationPolicy');

test('a $ref into another schema document resolves by id and JSON pointer', () => {
  const spec = resolveRef(reg, 'meshlint:security.istio.io/defs#/definitions/PeerAuthenticationSpec');
  assert.ok(spec?.properties);
  assert.equal(resolveRef(reg, 'meshlint:nope#/definitions/X'), undefined);
  assert.equal(resolveRef(reg, 'meshlint:security.istio.io/defs#/definitions/Missing'), undefined);
});

test('the path spec.mtls.mode leads through the $ref to the enum', () => {
  const mode = schemaAt(reg, PA, ['spec', 'mtls', 'mode']);
  assert.ok(mode);
  assert.deepEqual(enumOf(mode), ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']);
  assert.equal(conceptOf(mode), 'mtls-modes');
});

test('map entries use additionalProperties: portLevelMtls.<port>.mode', () => {
  const mode = schemaAt(reg, PA, ['spec', 'portLevelMtls', '8080', 'mode']);
  assert.deepEqual(enumOf(mode ?? {}), ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']);
});

test('list items are reached by index', () => {
  const principals = schemaAt(reg, AP, ['spec', 'rules', 0, 'from', 3, 'source', 'principals']);
  assert.ok(principals);
  assert.equal(typeLabel(reg, principals), 'list of string');
  assert.equal(shapeOf(reg, principals), 'array');
  assert.equal(schemaAt(reg, AP, ['spec', 'rules', 0, 'nope']), undefined);
});

test('a description written beside a $ref wins over the shared definition', () => {
  const selector = schemaAt(reg, PA, ['spec', 'selector']);
  assert.ok(selector);
  assert.match(descriptionOf(selector) ?? '', /Without it the policy covers the whole namespace/);
  // The definition's own keywords are still there.
  assert.ok(propertiesOf(reg, selector).some(([name]) => name === 'matchLabels'));
  assert.equal(conceptOf(selector), 'workload-identity');
});

test('type labels for maps, int-or-string and objects', () => {
  assert.equal(typeLabel(reg, schemaAt(reg, PA, ['spec', 'selector', 'matchLabels']) ?? {}), 'map of string to string');
  assert.equal(typeLabel(reg, schemaAt(reg, PA, ['spec', 'mtls']) ?? {}), 'object');
  assert.equal(
    typeLabel(reg, { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] }),
    'integer or string',
  );
  assert.equal(shapeOf(reg, schemaAt(reg, PA, ['spec', 'portLevelMtls']) ?? {}), 'object');
});
