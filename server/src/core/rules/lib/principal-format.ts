// The shape of an Istio principal, `<trust-domain>/ns/<namespace>/sa/<service-account>`, with the
// `*` prefix and suffix forms Istio's matcher accepts. Shared by the principal rules.

export interface PrincipalShape {
  /** Why it can never match a workload identity; undefined when the shape is fine. */
  problem?: string;
  /** The trust domain when it is written out in full (not wildcarded). */
  trustDomain?: string;
}

/** The fixed segments of a principal: 0 trust domain, 1 "ns", 2 namespace, 3 "sa", 4 service account. */
const LITERALS: Record<number, string> = { 1: 'ns', 3: 'sa' };
const SEGMENTS = 5;

export function principalShape(p: string): PrincipalShape {
  if (p === '*') return {};
  const prefixForm = p.endsWith('*');
  const suffixForm = p.startsWith('*');
  if (prefixForm && suffixForm) return { problem: 'Istio accepts `*` at the start or at the end of a principal, not both' };
  const core = p.slice(suffixForm ? 1 : 0, prefixForm ? -1 : undefined);
  if (core.includes('*')) return { problem: 'a `*` in the middle is taken literally, so it matches nothing' };
  const segs = core.split('/');
  if (segs.length > SEGMENTS) return { problem: 'it has more segments than `<trust-domain>/ns/<namespace>/sa/<service-account>`' };
  if (!prefixForm && !suffixForm) {
    if (segs.length !== SEGMENTS || !fits(segs, 0, true, true))
      return { problem: 'it is not of the form `<trust-domain>/ns/<namespace>/sa/<service-account>`' };
    return { trustDomain: segs[0] };
  }
  if (prefixForm) {
    // `segs` sit at positions 0..n-1; the last one may be cut short.
    if (!fits(segs, 0, true, false)) return { problem: 'its fixed part does not follow `<trust-domain>/ns/<namespace>/sa/...`' };
    return segs.length > 1 ? { trustDomain: segs[0] } : {};
  }
  // Suffix form: `segs` end at position 4; the first one may be cut short.
  if (!fits(segs, SEGMENTS - segs.length, false, true))
    return { problem: 'its fixed part does not follow `.../ns/<namespace>/sa/<service-account>`' };
  return {};
}

/**
 * Do the segments fit the template from position `offset`? The first segment is complete unless
 * `firstWhole` is false (then it may be a suffix); likewise the last one with `lastWhole` (prefix).
 */
function fits(segs: string[], offset: number, firstWhole: boolean, lastWhole: boolean): boolean {
  return segs.every((seg, i) => {
    const pos = offset + i;
    const first = i === 0;
    const last = i === segs.length - 1;
    const literal = LITERALS[pos];
    if (literal !== undefined) {
      if (first && !firstWhole) return literal.endsWith(seg);
      if (last && !lastWhole) return literal.startsWith(seg);
      return seg === literal;
    }
    // A name segment: only a partial (cut) one may be empty.
    return seg !== '' || (first && !firstWhole) || (last && !lastWhole);
  });
}

const MAX_SERVICE_ACCOUNT_LENGTH = 320;

/**
 * Why Istio's CheckServiceAccount (pkg/config/security) refuses a service account written as
 * <namespace>/<name> or <name>: in a source's serviceAccounts, or a source.serviceAccount condition.
 */
export function serviceAccountProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined; // wrong types are schema errors
  if (value === '') return 'an empty entry';
  if (value.includes('*')) return 'a wildcard ("*" is not allowed here)';
  const slashes = value.split('/').length - 1;
  if (slashes > 1) return 'more than one "/" (the format is <namespace>/<name> or just <name>)';
  if (value.length > MAX_SERVICE_ACCOUNT_LENGTH) return `more than ${MAX_SERVICE_ACCOUNT_LENGTH} characters`;
  if (slashes === 1) {
    const [ns, sa] = value.split('/');
    if (ns === '') return 'an empty namespace before "/"';
    if (sa === '') return 'an empty service account name after "/"';
  }
  return undefined;
}
