// An Issuer or ClusterIssuer configures exactly one way of signing: acme, ca, selfSigned, vault or venafi.
import type { DocumentRule } from './lib/rule';
import { ISSUER_KINDS } from './lib/kinds';
import { isSet, recordAt } from './lib/go-values';

/** In the order cert-manager's webhook checks them: the first one set wins, later ones are errors. */
const TYPES = ['acme', 'ca', 'selfSigned', 'vault', 'venafi'];

export const rule: DocumentRule = {
  meta: {
    id: 'issuer-one-type',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'An Issuer or ClusterIssuer must configure exactly one of acme, ca, selfSigned, vault or venafi.',
    fixable: false,
  },
  kinds: ISSUER_KINDS,
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return; // a missing spec is a schema error
    const set = TYPES.filter((t) => isSet(spec, t));
    if (set.length === 0) {
      ctx.report({
        path: ['spec'],
        on: 'key',
        message: `cert-manager's webhook rejects an ${ctx.resource.kind} with no issuer type ("at least one issuer must be configured"). Add one of ${TYPES.join(', ')}, e.g. ca: { secretName: my-ca } or selfSigned: {}.`,
      });
      return;
    }
    for (const extra of set.slice(1)) {
      ctx.report({
        path: ['spec', extra],
        on: 'key',
        message: `cert-manager's webhook rejects ${extra} next to ${set[0]} ("may not specify more than one issuer type"). Keep one type per ${ctx.resource.kind}; create a second ${ctx.resource.kind} for the other.`,
      });
    }
  },
};
