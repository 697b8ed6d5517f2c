// Build step: generates one standalone validator module per built-in kind (ajv's standalone code,
// with the registry's own ajv setup), for precompiled-validators.ts to load at run time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { newAjv } from '../core/schema';
import { readSchemaFiles } from './load-schemas';
import { RUNTIME_MODULES, VALIDATORS_DIR, type ValidatorIndex } from './precompiled-validators';

/** Writes the modules and their index into `outDir` (default: the package's dist/schema-validators). */
export function writeValidators(packageDir: string, outDir: string = path.join(packageDir, VALIDATORS_DIR)): ValidatorIndex {
  const { bundle, digest } = readSchemaFiles(packageDir);
  const ajv = newAjv(bundle, { source: true });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const index: ValidatorIndex = { digest, files: {} };
  bundle.kinds.forEach((kind, i) => {
    const code = standaloneCode(ajv, { [kind.id]: kind.id });
    for (const m of code.matchAll(/require\("([^"]+)"\)/g))
      if (!(m[1] in RUNTIME_MODULES)) throw new Error(`the validator of ${kind.id} requires ${m[1]}: add it to RUNTIME_MODULES`);
    const file = `kind-${i}.js`;
    fs.writeFileSync(path.join(outDir, file), code);
    index.files[kind.id] = file;
  });
  // The index last: a build stopped halfway leaves no index, so nothing half-written is loaded.
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index));
  return index;
}
