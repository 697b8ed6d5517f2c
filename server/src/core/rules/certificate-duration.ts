// Certificate lifetime limits from cert-manager's webhook: duration at least 1h, renewBefore at
// least 5m and below duration, renewBefore and renewBeforePercentage not both.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { durationRejection, formatDuration, parseDuration } from '../duration';
import { isSet, recordAt } from './lib/go-values';

const DEFAULT_DURATION = 2160 * 3600;
const MIN_DURATION = 3600;
const MIN_RENEW_BEFORE = 5 * 60;

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-duration',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'duration must be at least 1h; renewBefore at least 5m and less than duration; not both renewBefore and renewBeforePercentage.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    // The webhook only looks at these when duration or renewBefore is written.
    if (!isSet(spec, 'duration') && !isSet(spec, 'renewBefore')) return;
    const read = (field: string): number | undefined | 'bad' => {
      const raw = spec?.[field];
      if (typeof raw !== 'string') return undefined; // absent, or a schema type error
      const seconds = parseDuration(raw);
      if (seconds !== undefined) return seconds;
      const shown = raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
      const why =
        durationRejection(raw) === 'range'
          ? ': Go durations end at 2562047h (about 292 years), so the request is rejected. Write a realistic lifetime, e.g. 2160h.'
          : ', so the request is rejected. Write a Go duration with units, e.g. 24h, 90m or 2160h (days are not a unit).';
      ctx.report({ path: ['spec', field], message: `cert-manager cannot read "${shown}" as a duration${why}` });
      return 'bad';
    };
    const duration = read('duration');
    const renewBefore = read('renewBefore');
    if (duration === 'bad' || renewBefore === 'bad') return;
    const lifetime = duration ?? DEFAULT_DURATION;
    if (lifetime < MIN_DURATION) {
      ctx.report({
        path: ['spec', 'duration'],
        message: `cert-manager's webhook rejects a duration of ${formatDuration(lifetime)}: it must be at least 1h. Use 1h or more (24h is a good lifetime for workload certificates).`,
      });
    }
    const percentage = spec?.renewBeforePercentage;
    const hasPercentage = typeof percentage === 'number';
    if (renewBefore !== undefined && hasPercentage) {
      for (const field of ['renewBefore', 'renewBeforePercentage']) {
        ctx.report({
          path: ['spec', field],
          on: 'key',
          message:
            'cert-manager\'s webhook rejects renewBefore together with renewBeforePercentage ("mutually exclusive"). Keep one: renewBefore for a fixed margin, renewBeforePercentage for a share of the lifetime.',
        });
      }
    }
    if (renewBefore !== undefined) {
      const where: PathSegment[] = ['spec', 'renewBefore'];
      if (renewBefore < MIN_RENEW_BEFORE) {
        ctx.report({
          path: where,
          message: `cert-manager's webhook rejects renewBefore ${formatDuration(renewBefore)}: the minimum is 5m. Renew well before expiry, e.g. a third of the lifetime.`,
        });
      } else if (renewBefore >= lifetime) {
        ctx.report({
          path: where,
          message: `cert-manager's webhook rejects renewBefore ${formatDuration(renewBefore)}: it must be less than the duration (${formatDuration(lifetime)}${duration === undefined ? ', the default' : ''}), or the certificate would be renewed forever. Try ${formatDuration(Math.max(MIN_RENEW_BEFORE, Math.floor(lifetime / 3)))}.`,
        });
      }
    }
    if (hasPercentage && Number.isInteger(percentage)) {
      // cert-manager derives the margin as duration * (100 - percentage) / 100.
      const margin = (lifetime * (100 - percentage)) / 100;
      if (margin < MIN_RENEW_BEFORE || margin >= lifetime) {
        ctx.report({
          path: ['spec', 'renewBeforePercentage'],
          message: `cert-manager's webhook rejects renewBeforePercentage ${percentage}: with a ${formatDuration(lifetime)} lifetime the renewal margin it gives must be at least 5m and less than the duration. Use a value between 1 and 99, e.g. 33.`,
        });
      }
    }
  },
};
