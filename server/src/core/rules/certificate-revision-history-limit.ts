// Certificate revisionHistoryLimit must keep at least one CertificateRequest.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-revision-history-limit',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Certificate revisionHistoryLimit must be at least 1.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const limit = recordAt(ctx.value, 'spec')?.revisionHistoryLimit;
    if (typeof limit !== 'number' || limit >= 1) return;
    ctx.report({
      path: ['spec', 'revisionHistoryLimit'],
      message: `cert-manager's webhook rejects revisionHistoryLimit ${limit} ("must not be less than 1"). Use 1 or more, or remove the field to keep every CertificateRequest.`,
    });
  },
};
