// nameConstraints restrict what a CA may sign: only meaningful, and only accepted, on a CA
// certificate, and only with permitted or excluded names.
import type { DocumentRule } from './lib/rule';
import { isSet, recordAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-name-constraints',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'nameConstraints need isCA: true and at least one of permitted or excluded.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    const constraints = recordAt(spec, 'nameConstraints');
    if (!constraints) return;
    if (spec?.isCA !== true) {
      ctx.report({
        path: ['spec', 'nameConstraints'],
        on: 'key',
        message:
          'cert-manager\'s webhook rejects nameConstraints on a leaf certificate ("isCa should be true when nameConstraints is set"). Set isCA: true if this is an intermediate CA, or remove nameConstraints.',
      });
    }
    if (!isSet(constraints, 'permitted') && !isSet(constraints, 'excluded')) {
      ctx.report({
        path: ['spec', 'nameConstraints'],
        on: 'key',
        message:
          'cert-manager\'s webhook rejects nameConstraints without permitted or excluded ("either permitted or excluded must be set"). List the names this CA may sign under permitted, e.g. dnsDomains: [".shop.svc.cluster.local"].',
      });
    }
  },
};
