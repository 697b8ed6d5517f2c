// The trust-domain bundle (mesh trustDomain then its aliases) and how Istio rewrites policy
// principals with it before matching (pilot/pkg/security/trustdomain/bundle.go:54-134, util.go:26-50):
// `cluster.local` in a policy means "the local trust domain", whatever the mesh calls it.

function prefixMatch(a: string, pattern: string): boolean {
  return pattern.endsWith('*') && a.startsWith(pattern.slice(0, -1));
}

function suffixMatch(a: string, pattern: string): boolean {
  return pattern.startsWith('*') && a.endsWith(pattern.slice(1));
}

/** Either side may hold the wildcard (util.go stringMatch). */
export function inBundle(td: string, bundle: readonly string[]): boolean {
  return bundle.some((s) => td === s || s === '*' || prefixMatch(td, s) || prefixMatch(s, td) || suffixMatch(td, s) || suffixMatch(s, td));
}

/** principals values as the sidecar enforces them: one per bundle entry when the trust domain is local. */
export function rewritePrincipals(values: readonly string[], bundle: readonly string[]): string[] {
  const out: string[] = [];
  for (const principal of values) {
    const parts = principal.split('/');
    // Not `<td>/ns/<ns>/sa/<sa>`, or a `*` trust domain: the trust domain is not enforced, kept verbatim.
    if (parts.length !== 5 || parts[0] === '*') {
      out.push(principal);
      continue;
    }
    const td = parts[0];
    if (td !== 'cluster.local' && !inBundle(td, bundle)) {
      out.push(principal);
      continue;
    }
    const replaced: string[] = [];
    for (const entry of bundle) {
      const next = suffixMatch(entry, td) ? principal : [entry, ...parts.slice(1)].join('/');
      if (!replaced.includes(next)) replaced.push(next);
    }
    out.push(...replaced);
  }
  return out;
}

/** trustDomains values equal to a bundle entry stand for every entry (bundle.go ExpandTrustDomainAliases). */
export function expandTrustDomains(values: readonly string[], bundle: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) for (const e of bundle.includes(v) ? bundle : [v]) if (!out.includes(e)) out.push(e);
  return out;
}
