// The validators generated at build time answer exactly as the ones compiled at run time, on every
// resource of every fixture; stale ones (schemas changed since the build) are not used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseYaml } from '../../server/src/core/parse';
import { identify } from '../../server/src/core/resources';
import { newAjv, SchemaRegistry } from '../../server/src/core/schema';
import { splitDocuments } from '../../server/src/core/split';
import { readSchemaFiles } from '../../server/src/node/load-schemas';
import { withPrecompiled } from '../../server/src/node/precompiled-validators';
import { writeValidators } from '../../server/src/node/validators-build';
import { PACKAGE_DIR } from '../support/engine';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlint-validators-'));
const index = writeValidators(PACKAGE_DIR, outDir);
const { bundle, digest } = readSchemaFiles(PACKAGE_DIR);

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

test('a precompiled validator exists for every built-in kind', () => {
  const precompiled = withPrecompiled(bundle, digest, outDir).precompiled;
  assert.ok(precompiled, 'the index matches the schema files, so the validators are attached');
  assert.deepEqual(Object.keys(index.files).sort(), bundle.kinds.map((k) => k.id).sort());
  for (const kind of bundle.kinds) assert.equal(typeof precompiled(kind.id), 'function', kind.id);
});

test('precompiled and run-time compiled validators give the same errors on every fixture resource', () => {
  const fast = new SchemaRegistry(withPrecompiled(bundle, digest, outDir));
  const compiled = new SchemaRegistry(bundle);
  let compared = 0;
  let failing = 0;
  for (const file of yamlFiles(path.join(PACKAGE_DIR, 'test', 'fixtures'))) {
    for (const chunk of splitDocuments(fs.readFileSync(file, 'utf8'))) {
      const value = parseYaml(chunk.text).value;
      const ref = identify(value);
      const kind = ref && fast.find(ref.group, ref.version, ref.kind);
      if (!kind) continue;
      const expected = compiled.validate(kind, value);
      assert.deepEqual(fast.validate(kind, value), expected, `${path.relative(PACKAGE_DIR, file)}: ${kind.id}`);
      compared++;
      if (expected.length > 0) failing++;
    }
  }
  // The fixtures hold hundreds of resources, some invalid on purpose: both paths are exercised.
  assert.ok(compared > 300 && failing > 20, `${compared} resources compared, ${failing} with errors`);
});

test('validators generated from other schema files are not used', () => {
  assert.equal(withPrecompiled(bundle, 'another digest', outDir).precompiled, undefined);
  assert.equal(withPrecompiled(bundle, digest, path.join(outDir, 'missing')).precompiled, undefined);
});

test('the built-in schemas are valid JSON Schemas (the registry no longer checks them at start-up)', () => {
  // A lenient ajv validates every schema it is given against the meta-schema, and throws on the first invalid one.
  assert.doesNotThrow(() => newAjv({ ...bundle, lenient: true }));
});
