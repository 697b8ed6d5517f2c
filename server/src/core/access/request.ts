// The request as the destination proxy sees it, derived once from an AccessQuery: what every field
// matcher reads. `undefined` means "not given and not knowable offline" (three-valued logic).

export interface RequestAttrs {
  /** The peer certificate's URI SAN (`spiffe://...`); null without one (plaintext). */
  principal: string | null;
  method: string;
  /** After the mesh's path normalization, query and fragment removed. */
  path: string;
  host?: string;
  /** Lower-cased name -> values joined with `,` as Envoy's header matcher sees them. */
  headers: ReadonlyMap<string, string>;
  /** Claims of a validated JWT; null when no token was validated (none sent, or none checked). */
  claims: Readonly<Record<string, unknown>> | null;
  /** The workload (target) port: what `ports` and `destination.port` match. */
  port: number;
  sourceIp?: string;
  remoteIp?: string;
  destinationIp?: string;
  sni?: string;
}

/** What a matcher needs to know about the policy and mesh, besides the request. */
export interface MatchContext {
  /** The policy's namespace: `serviceAccounts` values without a namespace default to it. */
  policyNamespace: string;
  /** Mesh trust domain then its aliases. */
  trustDomains: readonly string[];
}

/** Header names are case-insensitive; several values reach the matcher joined with `,`. */
export function headerMap(headers: Readonly<Record<string, string | string[]>> | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    const joined = Array.isArray(value) ? value.join(',') : value;
    const prev = map.get(key);
    map.set(key, prev === undefined ? joined : `${prev},${joined}`);
  }
  return map;
}
