// How workspace findings name things: "PeerAuthentication shop/default", file names for the
// related places, and the namespaces Kubernetes always has.
import type { Fact } from './facts';

/** `Kind namespace/name`, or `Kind name` when the namespace is not written. */
export function nameOf(f: Fact): string {
  const name = f.name ?? '(unnamed)';
  return f.namespace !== undefined ? `${f.kind} ${f.namespace}/${name}` : `${f.kind} ${name}`;
}

/** The last path segment of a URI or path, for messages ("in pa.yaml"). */
export function fileName(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  const at = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  try {
    return decodeURIComponent(clean.slice(at + 1));
  } catch {
    return clean.slice(at + 1);
  }
}

/** Namespaces every cluster has; never "unknown", and never expected to run sidecars. */
export const BUILTIN_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** Namespaces where Istio never injects sidecars. */
export const NO_INJECTION_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export function listOf(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max).map((v) => `\`${v}\``);
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}

/** A few facts by name ("Deployment a/b, Deployment a/c and 4 more"), for messages about many workloads. */
export function namesOf(facts: readonly Fact[], max = 3): string {
  const names = facts.slice(0, max).map(nameOf).join(', ');
  return facts.length > max ? `${names} and ${facts.length - max} more` : names;
}
