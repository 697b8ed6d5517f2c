// Facts about a cert-manager Certificate that several rules need: its lifetime (with cert-manager's
// defaults), whether it is a workload (mTLS) certificate, and Go duration text for fixes.
import type { DocContext } from './rule';
import { asRecord } from '../../resources';
import { parseDuration } from '../../duration';

/** cert-manager's lifetime when `duration` is left out: 2160h (90 days). */
export const DEFAULT_CERT_SECONDS = 2160 * 3600;

export function certSpec(ctx: DocContext): Record<string, unknown> | undefined {
  return asRecord(ctx.value.spec);
}

/** Lifetime in seconds: the written duration, or the default; undefined when it does not parse. */
export function lifetimeSeconds(spec: Record<string, unknown>): number | undefined {
  const d = spec.duration;
  if (d === undefined || d === null) return DEFAULT_CERT_SECONDS;
  return typeof d === 'string' ? parseDuration(d) : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function dnsNames(spec: Record<string, unknown>): string[] {
  return strings(spec.dnsNames);
}

export function hasSpiffeUri(spec: Record<string, unknown>): boolean {
  return strings(spec.uris).some((u) => u.toLowerCase().startsWith('spiffe://'));
}

const IN_CLUSTER_RE = /\.svc(\.cluster\.local)?\.?$/i;

/**
 * A workload certificate proves a service's identity inside the cluster: it carries a SPIFFE ID, or
 * every name it holds is an in-cluster service name (`*.svc`, `*.svc.cluster.local`).
 */
export function workloadKind(spec: Record<string, unknown>): 'spiffe' | 'in-cluster' | undefined {
  if (spec.isCA === true) return undefined;
  if (hasSpiffeUri(spec)) return 'spiffe';
  const names = dnsNames(spec);
  if (typeof spec.commonName === 'string' && spec.commonName !== '') names.push(spec.commonName);
  const others = strings(spec.uris).length + strings(spec.ipAddresses).length + strings(spec.emailAddresses).length;
  if (names.length > 0 && others === 0 && names.every((n) => IN_CLUSTER_RE.test(n))) return 'in-cluster';
  return undefined;
}

/** Go duration text for whole seconds, e.g. 28800 -> "8h", 2000 -> "33m20s". */
export function goDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const out = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${rest ? `${rest}s` : ''}`;
  return out || '0s';
}
