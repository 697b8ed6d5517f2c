// Which resource a document describes and its root schema, for editor features. Works from the
// positioned tree, so a document that is half typed (and has no plain value yet) still counts.
import { identify, type ResourceRef } from '../resources';
import { locate, scalarText } from '../locate';
import type { YNode } from '../parse';
import type { SchemaKind, SchemaRegistry } from '../schema';
import { resolve, type JsonSchema } from '../schema-walk';

export function resourceFromTree(root: YNode | null): ResourceRef | undefined {
  const text = (...path: string[]): string | undefined => {
    const loc = locate(root, path);
    return loc ? scalarText(loc.value) : undefined;
  };
  return resourceFromFields(text('apiVersion'), text('kind'), text('metadata', 'name'), text('metadata', 'namespace'));
}

export function resourceFromFields(
  apiVersion: string | undefined,
  kind: string | undefined,
  name?: string,
  namespace?: string,
): ResourceRef | undefined {
  if (!apiVersion || !kind) return undefined;
  const metadata: Record<string, string> = {};
  if (name !== undefined) metadata.name = name;
  if (namespace !== undefined) metadata.namespace = namespace;
  return identify({ apiVersion, kind, metadata });
}

export interface KindSchema {
  kind: SchemaKind;
  root: JsonSchema;
}

/** The schema of a recognised resource; undefined for kinds meshlint has no schema for. */
export function kindSchemaOf(registry: SchemaRegistry, ref: ResourceRef | undefined): KindSchema | undefined {
  if (!ref) return undefined;
  const kind = registry.find(ref.group, ref.version, ref.kind);
  if (!kind) return undefined;
  const root = resolve(registry, registry.schemaById(kind.id));
  return root ? { kind, root } : undefined;
}
