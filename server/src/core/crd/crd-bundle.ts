// Puts the user's CRDs in place of meshlint's own schemas: each kind a CRD defines loses its
// built-in versions and gains the CRD's served ones (with their CEL rules); other kinds are kept.
// Build the result once per set of CRDs: the registry made from it compiles each version once.
import type { SchemaBundle, SchemaKind } from '../schema';
import type { Crd } from './read-crds';
import { convertCrdSchema, type CelSite } from './structural';

export interface CrdKindRules {
  /** The kind's schema id in the bundle. */
  id: string;
  sites: CelSite[];
}

export interface CrdOverlay {
  bundle: SchemaBundle;
  /** CEL rules by schema id, for the kinds that came from CRDs. */
  rules: Map<string, CelSite[]>;
  /** Things a CRD holds that meshlint cannot check, worded for people (one line each). */
  notes: string[];
}

const METADATA_REF = 'meshlint:common/objectmeta';

export function crdSchemaId(group: string, version: string, kind: string): string {
  return `meshlint:crd/${group}/${version}/${kind}`;
}

export function overlayCrds(builtin: SchemaBundle, crds: readonly Crd[]): CrdOverlay {
  const replaced = new Set(crds.map((c) => `${c.group}/${c.kind}`));
  const kinds: SchemaKind[] = builtin.kinds.filter((k) => !replaced.has(`${k.group}/${k.kind}`));
  const documents: object[] = [...builtin.documents];
  const rules = new Map<string, CelSite[]>();
  const notes: string[] = [];
  const hasMetadata = builtin.documents.some((d) => (d as { $id?: string }).$id === METADATA_REF);
  for (const crd of crds) {
    const served = crd.versions.filter((v) => v.served);
    // A deprecated version is not current; when every served version is deprecated, the storage one is.
    const anyCurrent = served.some((v) => !v.deprecated);
    for (const v of served) {
      const id = crdSchemaId(crd.group, v.name, crd.kind);
      const apiVersion = `${crd.group}/${v.name}`;
      // Istio's CRDs do not mark their old versions deprecated; meshlint's own list of which
      // version replaced which still holds for the versions it knows.
      const known = builtin.kinds.find((k) => k.group === crd.group && k.kind === crd.kind && k.version === v.name);
      const current = (anyCurrent ? !v.deprecated : v.storage) && (known?.current ?? true);
      kinds.push({ group: crd.group, version: v.name, kind: crd.kind, id, current });
      if (!v.schema) {
        // No schema: the API server accepts any fields, and so does meshlint.
        documents.push({ $id: id, type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
        continue;
      }
      const converted = convertCrdSchema(v.schema, { id, apiVersion, kind: crd.kind, metadataRef: hasMetadata ? METADATA_REF : undefined });
      documents.push(converted.schema);
      if (converted.sites.length > 0) rules.set(id, converted.sites);
      for (const n of converted.notes) notes.push(`${crd.kind} ${apiVersion} (${crd.source}): ${n}`);
    }
  }
  return { bundle: { kinds, documents, lenient: true }, rules, notes };
}
