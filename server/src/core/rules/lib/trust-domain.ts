// Which trust domains a sidecar treats as the mesh's own, the way Istio rewrites principals before
// building its RBAC filter (istio/istio pilot/pkg/security/trustdomain/bundle.go, util.go). The
// bundle match itself is the access check's, so the rules and the evaluator cannot drift apart.
import { inBundle } from '../../access/trust-domain';

/** Istio's stand-in for "the local trust domain" in policies (bundle.go:72, constants.DefaultClusterLocalDomain). */
export const CLUSTER_LOCAL = 'cluster.local';

/**
 * Does a principal's trust domain belong to the mesh? True for `cluster.local`, which a sidecar
 * rewrites to the trust domain and every alias (bundle.go:69-74), and for a domain that matches an
 * entry of the bundle `[trustDomain, ...aliases]` exactly, or by a `*` prefix or suffix written on
 * either side (util.go:25-32 `stringMatch`).
 */
export function isMeshTrustDomain(td: string, trustDomain: string, aliases: readonly string[] = []): boolean {
  return td === CLUSTER_LOCAL || inBundle(td, [trustDomain, ...aliases]);
}
