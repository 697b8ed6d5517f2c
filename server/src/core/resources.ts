// Recognises Kubernetes resources in parsed documents and tells the mesh ones (Istio and
// cert-manager, the groups meshlint checks) from everything else, which is only indexed.

export const MESH_GROUPS: readonly string[] = [
  'security.istio.io',
  'networking.istio.io',
  'telemetry.istio.io',
  'extensions.istio.io',
  'cert-manager.io',
  'acme.cert-manager.io',
  'trust.cert-manager.io',
];

export interface ResourceRef {
  apiVersion: string;
  group: string;
  version: string;
  kind: string;
  name?: string;
  /** As written; undefined when the manifest leaves it to the namespace it is applied in. */
  namespace?: string;
  /** True for the groups meshlint validates. */
  mesh: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return isRecord(v) ? v : undefined;
}

export function identify(value: unknown): ResourceRef | undefined {
  if (!isRecord(value)) return undefined;
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const slash = apiVersion.lastIndexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  const meta = asRecord(value.metadata);
  const name = typeof meta?.name === 'string' ? meta.name : undefined;
  const namespace = typeof meta?.namespace === 'string' ? meta.namespace : undefined;
  return { apiVersion, group, version, kind, name, namespace, mesh: MESH_GROUPS.includes(group) };
}

/** Cheap text test: could this text hold a mesh resource? Used before a document parses cleanly. */
// Blanks before the key are `[ \t]*`: a `\s*` there would read on across line breaks from every line
// start, quadratic in a run of blank lines.
const MESH_API_RE = /^[ \t]*apiVersion\s*:\s*["']?(?:[a-z]+\.)?(?:istio\.io|cert-manager\.io)\//m;

export function mentionsMeshApi(text: string): boolean {
  return MESH_API_RE.test(text);
}
