// Where a DestinationRule sets client TLS: the top-level traffic policy, each port-level setting,
// and the same two places inside every subset. Shared by the DestinationRule TLS rules.
import type { DocContext } from './rule';
import { asRecord } from '../../resources';
import type { PathSegment } from '../../locate';

export interface TlsSite {
  /** Path of the `tls` map. */
  path: PathSegment[];
  tls: Record<string, unknown>;
  /** Human description of where it applies, for messages. */
  scope: string;
}

export function destinationRuleTlsSites(ctx: DocContext): TlsSite[] {
  const spec = asRecord(ctx.value.spec);
  if (!spec) return [];
  const sites: TlsSite[] = [];
  collect(asRecord(spec.trafficPolicy), ['spec', 'trafficPolicy'], '', sites);
  const subsets = spec.subsets;
  if (Array.isArray(subsets)) {
    subsets.forEach((s, i) => {
      const subset = asRecord(s);
      const name = typeof subset?.name === 'string' ? subset.name : String(i);
      collect(asRecord(subset?.trafficPolicy), ['spec', 'subsets', i, 'trafficPolicy'], `subset ${name}`, sites);
    });
  }
  return sites;
}

function collect(policy: Record<string, unknown> | undefined, base: PathSegment[], subset: string, out: TlsSite[]): void {
  if (!policy) return;
  const tls = asRecord(policy.tls);
  if (tls) out.push({ path: [...base, 'tls'], tls, scope: subset || 'all ports' });
  const ports = policy.portLevelSettings;
  if (!Array.isArray(ports)) return;
  ports.forEach((p, i) => {
    const setting = asRecord(p);
    const portTls = asRecord(setting?.tls);
    if (!portTls) return;
    const number = asRecord(setting?.port)?.number;
    const port = typeof number === 'number' ? `port ${number}` : `port setting ${i}`;
    out.push({ path: [...base, 'portLevelSettings', i, 'tls'], tls: portTls, scope: subset ? `${subset}, ${port}` : port });
  });
}

/**
 * True when the host names (or a wildcard covers) services inside the cluster: `*`, a short name,
 * `.svc`, `.svc.cluster.local`, `*.local`. Istio's own mutual TLS is available there.
 */
export function isInClusterHost(host: string): boolean {
  const h = host.toLowerCase();
  // `*` and short names cover (or are) in-cluster services.
  if (!h.includes('.')) return true;
  return h.endsWith('.svc') || h.endsWith('.svc.cluster.local') || h.endsWith('.cluster.local') || h === '*.local';
}

/**
 * Fields Istio's webhook refuses next to `insecureSkipVerify: true` (a CA or names to verify
 * against make no sense when verification is off). MUTUAL may keep credentialName: the Secret
 * also carries the client certificate.
 */
export function skipVerifyConflicts(tls: Record<string, unknown>): string[] {
  if (tls.insecureSkipVerify !== true) return [];
  const fields =
    tls.mode === 'SIMPLE'
      ? ['caCertificates', 'credentialName', 'subjectAltNames']
      : tls.mode === 'MUTUAL'
        ? ['caCertificates', 'subjectAltNames']
        : [];
  return fields.filter((k) => (Array.isArray(tls[k]) ? (tls[k] as unknown[]).length > 0 : typeof tls[k] === 'string' && tls[k] !== ''));
}
