// Completion of what a manifest is: `apiVersion` + `kind` pairs for an empty document, and the
// values of apiVersion and kind that fit each other. Current versions come before deprecated ones.
import type { SchemaKind, SchemaRegistry } from '../schema';
import type { CursorContext } from '../editing/cursor-context';
import { escapeSnippet } from './insert-text';
import type { Suggestion } from './types';

/** Kinds that live outside namespaces: their manifests carry no metadata.namespace. */
const CLUSTER_SCOPED = new Set(['ClusterIssuer', 'Bundle']);

function byPreference(a: SchemaKind, b: SchemaKind): number {
  return Number(b.current) - Number(a.current) || a.kind.localeCompare(b.kind) || b.version.localeCompare(a.version);
}

function span(ctx: CursorContext, fileOffset: number): { start: number; end: number } {
  return { start: fileOffset + ctx.replaceStart, end: fileOffset + ctx.replaceEnd };
}

/** One item per kind and version: inserts apiVersion, kind and the metadata to fill in. */
export function resourcePairItems(registry: SchemaRegistry, ctx: CursorContext, fileOffset: number): Suggestion[] {
  const kinds = [...registry.bundle.kinds].sort(byPreference);
  return kinds.map((k, order) => {
    const apiVersion = `${k.group}/${k.version}`;
    const namespaced = !CLUSTER_SCOPED.has(k.kind);
    const lines = [`apiVersion: ${apiVersion}`, `kind: ${k.kind}`, 'metadata:', '  name: ${1:name}'];
    if (namespaced) lines.push('  namespace: ${2:namespace}');
    lines.push('$0');
    const root = registry.schemaById(k.id) as { description?: string } | undefined;
    return {
      label: k.kind,
      kind: 'resource' as const,
      detail: k.current ? apiVersion : `${apiVersion} (deprecated version)`,
      documentation: root?.description,
      insertText: lines.map((l, i) => (i < 2 ? escapeSnippet(l) : l)).join('\n'),
      snippet: true,
      ...span(ctx, fileOffset),
      sortText: `${k.current ? 0 : 1}${String(order).padStart(4, '0')}`,
      filterText: k.kind,
      deprecated: !k.current || undefined,
    };
  });
}

export function apiVersionItems(registry: SchemaRegistry, ctx: CursorContext, fileOffset: number, kind: string | undefined): Suggestion[] {
  const matching = registry.bundle.kinds.filter((k) => !kind || k.kind === kind);
  const byVersion = new Map<string, { current: boolean; kinds: string[] }>();
  for (const k of matching) {
    const key = `${k.group}/${k.version}`;
    const entry = byVersion.get(key) ?? { current: false, kinds: [] };
    entry.current ||= k.current;
    entry.kinds.push(k.kind);
    byVersion.set(key, entry);
  }
  return [...byVersion]
    .sort(([a, x], [b, y]) => Number(y.current) - Number(x.current) || a.localeCompare(b))
    .map(([apiVersion, info], order) => ({
      label: apiVersion,
      kind: 'value' as const,
      detail: info.current ? info.kinds.join(', ') : `deprecated: ${info.kinds.join(', ')}`,
      insertText: `${ctx.needsSpace ? ' ' : ''}${apiVersion}`,
      snippet: false,
      ...span(ctx, fileOffset),
      sortText: `${info.current ? 0 : 1}${String(order).padStart(4, '0')}`,
      filterText: apiVersion,
      deprecated: !info.current || undefined,
      preselect: (kind !== undefined && info.current && order === 0) || undefined,
    }));
}

export function kindItems(registry: SchemaRegistry, ctx: CursorContext, fileOffset: number, apiVersion: string | undefined): Suggestion[] {
  const slash = apiVersion?.lastIndexOf('/') ?? -1;
  const group = apiVersion && slash >= 0 ? apiVersion.slice(0, slash) : undefined;
  const version = apiVersion && slash >= 0 ? apiVersion.slice(slash + 1) : undefined;
  let matching = registry.bundle.kinds.filter((k) => group === undefined || (k.group === group && k.version === version));
  // An apiVersion we do not know: offer every kind rather than nothing.
  if (matching.length === 0) matching = registry.bundle.kinds;
  const byKind = new Map<string, SchemaKind[]>();
  for (const k of [...matching].sort(byPreference)) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), k]);
  return [...byKind].map(([kind, versions], order) => {
    const best = versions[0];
    const root = registry.schemaById(best.id) as { description?: string } | undefined;
    return {
      label: kind,
      kind: 'value' as const,
      detail: group === undefined ? `${best.group}/${best.version}` : undefined,
      documentation: root?.description,
      insertText: `${ctx.needsSpace ? ' ' : ''}${kind}`,
      snippet: false,
      ...span(ctx, fileOffset),
      sortText: String(order).padStart(4, '0'),
      filterText: kind,
    };
  });
}
