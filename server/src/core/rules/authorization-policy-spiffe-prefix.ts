// Principals written with `spiffe://`: Istio adds that prefix itself when it matches, so a principal
// that already carries it never matches anyone.
import type { DocumentRule } from './lib/rule';
import { principalSites } from './lib/authorization-fields';
import { setValueFix } from './lib/fix-edits';

const PREFIX = 'spiffe://';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-spiffe-prefix',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A principal starts with spiffe://, which Istio adds itself: the principal never matches.',
    fixable: true,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    for (const site of principalSites(ctx)) {
      if (!site.value.startsWith(PREFIX)) continue;
      const fix = setValueFix(ctx, site.path, site.value.slice(PREFIX.length), 'Remove the spiffe:// prefix', true);
      ctx.report({
        path: site.path,
        message: `Istio compares principals without the \`spiffe://\` scheme (it adds it itself), so "${site.value}" never matches and this entry is dead. Write "${site.value.slice(PREFIX.length)}".`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
