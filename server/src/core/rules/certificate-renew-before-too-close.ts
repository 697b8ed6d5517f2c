// renewBefore (or renewBeforePercentage) so close to the lifetime that cert-manager renews the
// certificate almost as soon as it is issued: constant re-issuance loads the issuer and hits its
// rate limits, and a failing issuer then leaves almost no time before expiry.
import type { DocumentRule } from './lib/rule';
import { certSpec, goDuration, lifetimeSeconds } from './lib/certificate-facts';
import { formatDuration, parseDuration } from '../duration';
import { setValueFix } from './lib/fix-edits';

/** Renewing before a quarter of the lifetime has passed is "too close". */
const MIN_USED_FRACTION = 0.25;

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-renew-before-too-close',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'renewBefore is so close to the duration that the certificate is renewed almost as soon as it is issued.',
    fixable: true,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = certSpec(ctx);
    if (!spec) return;
    const life = lifetimeSeconds(spec);
    if (life === undefined || life <= 0) return;
    if (typeof spec.renewBefore === 'string') {
      const renew = parseDuration(spec.renewBefore);
      // renewBefore >= duration is a webhook error, reported by the API rules.
      if (renew === undefined || renew >= life || life - renew >= life * MIN_USED_FRACTION) return;
      const third = goDuration(life / 3);
      const fix = setValueFix(ctx, ['spec', 'renewBefore'], third, `Set renewBefore to ${third}`, true);
      ctx.report({
        path: ['spec', 'renewBefore'],
        message: `Renewing ${formatDuration(renew)} before expiry on a ${formatDuration(life)} certificate means a new certificate after only ${formatDuration(life - renew)}: the issuer re-signs constantly and may rate-limit you. Renew when about a third of the lifetime remains (${third}, cert-manager's default).`,
        fixes: fix ? [fix] : undefined,
      });
    } else if (typeof spec.renewBeforePercentage === 'number') {
      const pct = spec.renewBeforePercentage;
      if (pct <= 100 * (1 - MIN_USED_FRACTION) || pct >= 100) return;
      const fix = setValueFix(ctx, ['spec', 'renewBeforePercentage'], '33', 'Set renewBeforePercentage to 33', true);
      ctx.report({
        path: ['spec', 'renewBeforePercentage'],
        message: `Renewing when ${pct}% of the lifetime remains means a new certificate after only ${100 - pct}% of it: the issuer re-signs constantly and may rate-limit you. Renew when about a third remains (33, cert-manager's default).`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
