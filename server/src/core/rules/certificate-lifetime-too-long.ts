// Certificates that live longer than the configured limits: 24h for workload (mTLS) certificates,
// 90 days for others. A leaked key stays useful until the certificate expires.
import type { DocumentRule } from './lib/rule';
import { certSpec, goDuration, lifetimeSeconds, workloadKind } from './lib/certificate-facts';
import { formatDuration, parseDuration } from '../duration';
import { insertAfterEntry, appendEntry } from './lib/fix-insert';
import { setValueFix } from './lib/fix-edits';
import type { Fix } from '../types';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-lifetime-too-long',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A certificate lives longer than the limit: 24h for workload certificates, 90 days for others (configurable).',
    fixable: true,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = certSpec(ctx);
    // CA certificates are meant to outlive the leaves they sign.
    if (!spec || spec.isCA === true) return;
    const life = lifetimeSeconds(spec);
    if (life === undefined) return;
    const kind = workloadKind(spec);
    const max = kind ? ctx.config.maxWorkloadCertSeconds : ctx.config.maxCertSeconds;
    if (life <= max) return;
    const written = typeof spec.duration === 'string';
    const what =
      kind === 'spiffe'
        ? 'This workload certificate (it carries a SPIFFE ID)'
        : kind
          ? 'This workload certificate (only in-cluster service names)'
          : 'This certificate';
    const lifetime = written
      ? `lives ${formatDuration(life)}`
      : `has no duration, so cert-manager issues it for its default ${formatDuration(life)}`;
    const limit = `${formatDuration(max)}${kind ? ' for workload certificates' : ''}`;
    const fix = lifetimeFix(ctx, spec, max, written);
    ctx.report({
      path: written ? ['spec', 'duration'] : ['spec', identityKey(spec)],
      on: written ? 'value' : 'key',
      message: `${what} ${lifetime}, above the limit of ${limit}. A stolen key stays valid until the certificate expires; short lifetimes with automatic renewal keep that window small.`,
      fixes: fix ? [fix] : undefined,
    });
  },
};

/** The field that says what the certificate is for: where a finding about a missing duration goes. */
function identityKey(spec: Record<string, unknown>): string {
  for (const k of ['uris', 'dnsNames', 'commonName', 'ipAddresses', 'emailAddresses']) if (spec[k] !== undefined) return k;
  return 'secretName';
}

/** Set (or add) the duration to the limit; not safe: renewal load and issuer rate limits change. */
function lifetimeFix(
  ctx: Parameters<DocumentRule['check']>[0],
  spec: Record<string, unknown>,
  max: number,
  written: boolean,
): Fix | undefined {
  const renew = typeof spec.renewBefore === 'string' ? parseDuration(spec.renewBefore) : undefined;
  // A renewBefore at or beyond the new lifetime would be rejected by cert-manager's webhook.
  if (renew !== undefined && renew >= max) return undefined;
  const value = goDuration(max);
  const title = `Set duration to ${value}`;
  if (written) return setValueFix(ctx, ['spec', 'duration'], value, title, false);
  const line = [`duration: ${value}`];
  const edit = insertAfterEntry(ctx, ['spec'], 'secretName', line) ?? appendEntry(ctx, ['spec'], line);
  return edit ? { title, edits: [edit], safe: false, preferred: true } : undefined;
}
