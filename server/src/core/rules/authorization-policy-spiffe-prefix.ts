// Principals written with `spiffe://`: Istio adds that prefix itself when it matches, so a principal
// that already carries it never matches anyone.
import type { DocumentRule } from './lib/rule';
import { principalSites } from './lib/authorization-fields';
import type { Fix } from '../types';
import { scalarTextStart } from './lib/fix-edits';

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
      const fix = stripPrefix(ctx.text, scalarTextStart(ctx, site.path));
      ctx.report({
        path: site.path,
        message: `Istio compares principals without the \`spiffe://\` scheme (it adds it itself), so "${site.value}" never matches and this entry is dead. Write "${site.value.slice(PREFIX.length)}".`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

/** Deletes just the nine prefix characters, inside the quotes if there are any. */
function stripPrefix(text: string, at: number | undefined): Fix | undefined {
  if (at === undefined) return undefined;
  if (text.slice(at, at + PREFIX.length) !== PREFIX) return undefined;
  return { title: 'Remove the spiffe:// prefix', edits: [{ start: at, end: at + PREFIX.length, newText: '' }], safe: true, preferred: true };
}
