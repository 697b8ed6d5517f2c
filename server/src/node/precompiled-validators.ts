// Loads the schema validators the build generated (node/validators-build.ts) instead of compiling
// the built-in schemas in every process and worker: each kind's module is read on its first use.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { ValidateFunction } from 'ajv';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import equal from 'ajv/dist/runtime/equal';
import type { SchemaBundle } from '../core/schema';

/** Where the build writes them, under the package folder; the `index.json` there names a module per kind. */
export const VALIDATORS_DIR = path.join('dist', 'schema-validators');

export interface ValidatorIndex {
  /** Digest of the schema files they were generated from (see load-schemas.ts). */
  digest: string;
  /** Module file by schema id. */
  files: Record<string, string>;
}

/**
 * What generated code may require: the ajv runtime helpers, bundled here, as the package ships no
 * node_modules. The generator refuses code that requires anything else.
 */
export const RUNTIME_MODULES: Readonly<Record<string, unknown>> = {
  'ajv/dist/runtime/ucs2length': { default: ucs2length },
  'ajv/dist/runtime/equal': { default: equal },
};

/**
 * The bundle with its precompiled validators attached when the build's index matches these very
 * schema files; otherwise the bundle as it is (the registry compiles, as it always could).
 */
export function withPrecompiled(bundle: SchemaBundle, digest: string, dir: string): SchemaBundle {
  let index: ValidatorIndex;
  try {
    index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as ValidatorIndex;
  } catch {
    return bundle;
  }
  if (index.digest !== digest) return bundle;
  return { ...bundle, precompiled: (id) => (id in index.files ? loadValidator(path.join(dir, index.files[id]), id) : undefined) };
}

function loadValidator(file: string, id: string): ValidateFunction | undefined {
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string): unknown => {
    if (name in RUNTIME_MODULES) return RUNTIME_MODULES[name];
    throw new Error(`meshlint: ${file} requires ${name}`);
  };
  const code = fs.readFileSync(file, 'utf8');
  const run = vm.compileFunction(code, ['require', 'module', 'exports'], { filename: file }) as (...args: unknown[]) => void;
  run(require, module, module.exports);
  return module.exports[id] as ValidateFunction | undefined;
}
