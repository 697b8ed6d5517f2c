// Finds CustomResourceDefinitions of the mesh groups in YAML texts (CRD files, `kubectl get crd
// -o yaml` lists, or manifests that carry their CRDs) and keeps what validation needs from them.
import { parseYaml } from '../parse';
import { splitDocuments } from '../split';
import { asRecord } from '../resources';

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated: boolean;
  /** `schema.openAPIV3Schema`, undefined when the version has none. */
  schema: Record<string, unknown> | undefined;
}

export interface Crd {
  group: string;
  kind: string;
  versions: CrdVersion[];
  /** Where it came from (a path or URI), for messages. */
  source: string;
}

export interface CrdText {
  source: string;
  text: string;
}

/** Groups whose CRDs replace meshlint's own schemas. */
export function isMeshCrdGroup(group: string): boolean {
  return group.endsWith('.istio.io') || group === 'cert-manager.io' || group.endsWith('.cert-manager.io');
}

const CRD_API = /^apiextensions\.k8s\.io\//;

/** Cheap text test, so files without a CRD are not parsed a second time. */
export function mayHoldCrd(text: string): boolean {
  return text.includes('CustomResourceDefinition');
}

/** Every mesh CRD in the texts; a later definition of the same group and kind replaces an earlier one. */
export function readCrds(texts: readonly CrdText[]): Crd[] {
  const byKey = new Map<string, Crd>();
  for (const { source, text } of texts) {
    if (!mayHoldCrd(text)) continue;
    for (const chunk of splitDocuments(text)) {
      if (!mayHoldCrd(chunk.text)) continue;
      for (const item of crdObjects(parseYaml(chunk.text).value)) {
        const crd = toCrd(item, source);
        if (crd) byKey.set(`${crd.group}/${crd.kind}`, crd);
      }
    }
  }
  return [...byKey.values()];
}

/** The document itself, or the items of a `v1/List` (what `kubectl get crd -o yaml` prints). */
function crdObjects(value: unknown): Record<string, unknown>[] {
  const doc = asRecord(value);
  if (!doc) return [];
  if (doc.kind === 'List' && Array.isArray(doc.items)) return doc.items.flatMap((i) => crdObjects(i));
  if (doc.kind === 'CustomResourceDefinition' && typeof doc.apiVersion === 'string' && CRD_API.test(doc.apiVersion)) return [doc];
  return [];
}

function toCrd(doc: Record<string, unknown>, source: string): Crd | undefined {
  const spec = asRecord(doc.spec);
  const names = asRecord(spec?.names);
  const group = spec?.group;
  const kind = names?.kind;
  if (typeof group !== 'string' || typeof kind !== 'string' || !isMeshCrdGroup(group)) return undefined;
  const rawVersions = Array.isArray(spec?.versions) ? spec.versions : [];
  // apiextensions v1beta1 put one schema under spec.validation for every version.
  const shared = asRecord(asRecord(spec?.validation)?.openAPIV3Schema);
  const versions: CrdVersion[] = [];
  for (const raw of rawVersions) {
    const v = asRecord(raw);
    if (!v || typeof v.name !== 'string') continue;
    versions.push({
      name: v.name,
      served: v.served !== false,
      storage: v.storage === true,
      deprecated: v.deprecated === true,
      schema: asRecord(asRecord(v.schema)?.openAPIV3Schema) ?? shared,
    });
  }
  if (versions.length === 0 && typeof spec?.version === 'string') {
    versions.push({ name: spec.version, served: true, storage: true, deprecated: false, schema: shared });
  }
  return versions.length > 0 ? { group, kind, versions, source } : undefined;
}
