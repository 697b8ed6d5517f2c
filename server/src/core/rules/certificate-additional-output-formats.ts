// Certificate additionalOutputFormats: each format type may be requested once.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { listAt, recordAt, stringAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-additional-output-formats',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Certificate lists the same additionalOutputFormats type twice, which cert-manager rejects.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const seen = new Set<string>();
    listAt(recordAt(ctx.value, 'spec'), 'additionalOutputFormats').forEach((item, i) => {
      const type = stringAt(asRecord(item), 'type');
      if (!seen.has(type)) {
        seen.add(type);
        return;
      }
      ctx.report({
        path: ['spec', 'additionalOutputFormats', i, 'type'],
        message: `cert-manager's webhook rejects ${type || 'this type'} listed twice in additionalOutputFormats. Remove this entry: one of each type is written to the Secret.`,
      });
    });
  },
};
