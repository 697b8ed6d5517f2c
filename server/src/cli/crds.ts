// Reads the CRD files named by --crds and the config's `crds:` (files or folders of YAML) and
// builds the schema registry from them and from CRD documents among the checked files.
import * as path from 'node:path';
import { SchemaRegistry } from '../core/schema';
import { registryWithCrds } from '../core/crd/crd-registry';
import { mayHoldCrd, type CrdText } from '../core/crd/read-crds';
import { loadSchemas, findPackageDir } from '../node/load-schemas';
import { collectFiles } from './walk';
import { readTextFile } from './read-text';
import type { Input } from './lint';

export interface CliRegistry {
  registry: SchemaRegistry;
  problems: { path: string; message: string }[];
  /** Lines for standard error: CRD sources without mesh CRDs, parts of CRDs meshlint cannot check. */
  notes: string[];
  /** The CRD texts the registry was built from (worker threads build the same registry from them). */
  texts: CrdText[];
}

export function loadRegistry(crdPaths: readonly string[], inputs: readonly Input[]): CliRegistry {
  const walked = collectFiles(crdPaths);
  const problems = [...walked.problems];
  const given: CrdText[] = [];
  for (const f of walked.files) {
    const read = readTextFile(f);
    if (read.ok) given.push({ source: f, text: read.text });
    else problems.push({ path: f, message: read.message });
  }
  // GitOps repositories often keep the CRDs beside the resources; given CRDs are read last and win.
  const found = inputs.filter((i) => mayHoldCrd(i.text)).map((i) => ({ source: i.path, text: i.text }));
  const texts = [...found, ...given];
  const built = registryWithCrds(loadSchemas(findPackageDir(__dirname)), texts);
  const notes = built.notes.map((n) => `note: ${n}`);
  for (const p of crdPaths) {
    const abs = path.resolve(p);
    const within = (source: string): boolean => {
      const rel = path.relative(abs, path.resolve(source));
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    };
    if (!built.crds.some((c) => within(c.source))) notes.push(`note: ${p} holds no Istio or cert-manager CRD`);
  }
  return { registry: built.registry, problems, notes, texts };
}
