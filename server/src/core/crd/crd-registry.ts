// The one entry point for hosts (CLI today, language server later): CRD texts in, a schema registry
// out whose CRD kinds validate, hover and complete from the CRDs. Hosts keep the result for as long
// as the CRDs do not change, so each version's schema and rules are compiled once.
import { SchemaRegistry, type SchemaBundle } from '../schema';
import { overlayCrds } from './crd-bundle';
import { CrdRuleIndex } from './cel-rules';
import { readCrds, type Crd, type CrdText } from './read-crds';

export interface CrdRegistry {
  registry: SchemaRegistry;
  crds: Crd[];
  /** What meshlint cannot check in these CRDs, one line each, for the host to log. */
  notes: string[];
}

export function registryWithCrds(builtin: SchemaBundle, texts: readonly CrdText[]): CrdRegistry {
  const crds = readCrds(texts);
  if (crds.length === 0) return { registry: new SchemaRegistry(builtin), crds, notes: [] };
  const overlay = overlayCrds(builtin, crds);
  return { registry: new SchemaRegistry(overlay.bundle, new CrdRuleIndex(overlay.rules)), crds, notes: overlay.notes };
}

/** A stable key for a set of CRD texts, so a host can tell whether to rebuild. */
export function crdSetKey(crds: readonly Crd[]): string {
  return crds
    .map((c) => `${c.group}/${c.kind}@${c.versions.map((v) => v.name + (v.served ? '' : '-')).join(',')}:${c.source}`)
    .sort()
    .join('|');
}
