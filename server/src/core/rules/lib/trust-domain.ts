// Which trust domains a sidecar treats as the mesh's own, the way Istio rewrites principals before
// building its RBAC filter (istio/istio pilot/pkg/security/trustdomain/bundle.go, util.go).

/** Istio's stand-in for "the local trust domain" in policies (bundle.go:72, constants.DefaultClusterLocalDomain). */
export const CLUSTER_LOCAL = 'cluster.local';

/**
 * Does a principal's trust domain belong to the mesh? True for `cluster.local`, which a sidecar
 * rewrites to the trust domain and every alias (bundle.go:69-74), and for a domain that matches an
 * entry of the bundle `[trustDomain, ...aliases]` exactly, or by a `*` prefix or suffix written on
 * either side (util.go:25-32 `stringMatch`).
 */
export function isMeshTrustDomain(td: string, trustDomain: string, aliases: readonly string[] = []): boolean {
  if (td === CLUSTER_LOCAL) return true;
  return [trustDomain, ...aliases].some((entry) => wildcardMatch(td, entry) || wildcardMatch(entry, td));
}

/** `pattern` equals `value`, is `*`, or is `prefix*` / `*suffix` of it. */
function wildcardMatch(value: string, pattern: string): boolean {
  if (value === pattern || pattern === '*') return true;
  if (pattern.endsWith('*') && value.startsWith(pattern.slice(0, -1))) return true;
  return pattern.startsWith('*') && value.endsWith(pattern.slice(1));
}
