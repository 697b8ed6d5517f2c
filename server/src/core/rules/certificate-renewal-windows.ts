// Certificate renewal: a policy cert-manager knows, no windows when renewal is Disabled, and each
// window's timezone and cron as the webhook parses them (IANA zone, robfig-style cron spec).
import type { DocumentRule } from './lib/rule';
import { isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { asRecord } from '../resources';
import { cronProblem } from './lib/cron-spec';
import { goZoneExists } from './lib/go-timezone';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-renewal-windows',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'Certificate renewal needs a policy; windows need an IANA timezone and a cron spec cert-manager parses, and no Disabled policy.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const renewal = recordAt(recordAt(ctx.value, 'spec'), 'renewal');
    if (!renewal) return;
    const base = ['spec', 'renewal'];
    const policy = stringAt(renewal, 'policy');
    const windows = listAt(renewal, 'windows');
    if (!isSet(renewal, 'policy') || policy === '') {
      // Another value is a schema (enum) error; an empty one falls to the webhook's "unsupported".
      ctx.report({
        path: isSet(renewal, 'policy') ? [...base, 'policy'] : base,
        on: isSet(renewal, 'policy') ? 'value' : 'key',
        message:
          'cert-manager\'s webhook rejects renewal without a policy ("unsupported"). Write policy: RenewBefore (renew in the windows below) or Disabled.',
      });
    }
    if (policy === 'Disabled') {
      if (windows.length > 0) {
        ctx.report({
          path: [...base, 'windows'],
          on: 'key',
          message:
            "cert-manager's webhook rejects renewal windows with policy Disabled. Remove windows, or use policy: RenewBefore to renew inside them.",
        });
      }
      return;
    }
    windows.forEach((item, i) => {
      const window = asRecord(item);
      if (!window) return;
      const path = [...base, 'windows', i];
      const zone = stringAt(window, 'timezone');
      const zoneOk = goZoneExists(zone);
      if (!zoneOk) {
        ctx.report({
          path: [...path, 'timezone'],
          message: `cert-manager's webhook rejects the timezone "${zone}": Go's time.LoadLocation does not know it. Write an IANA name with its exact case, e.g. Europe/London or America/Denver, or leave it out for UTC.`,
        });
      }
      const cron = window.cron;
      if (typeof cron !== 'string' || !zoneOk) return; // a bad zone also fails the cron upstream: reported once, above
      const problem = cronProblem(zone === '' ? cron : `CRON_TZ=${zone} ${cron}`, goZoneExists);
      if (!problem) return;
      ctx.report({
        path: [...path, 'cron'],
        message: `cert-manager's webhook rejects the cron "${cron}": ${problem}. Write five fields, e.g. "0 2 * * 1-5" (02:00 on weekdays), or a descriptor such as @daily.`,
      });
    });
  },
};
