// `methods` in operations: HTTP methods are case-sensitive upper-case tokens, so `get` or `Post`
// never match, which silently empties an ALLOW rule and, worse, a DENY rule.
import type { DocumentRule } from './lib/rule';
import { operations, stringItems } from './lib/authorization-fields';
import { policyAction } from './lib/authorization-policy-walk';
import { closest } from '../suggest';
import { setValueEdits } from './lib/fix-edits';

const KNOWN_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'PROPFIND',
  'PROPPATCH',
  'MKCOL',
  'COPY',
  'MOVE',
  'LOCK',
  'UNLOCK',
  'SEARCH',
  'REPORT',
  'MKACTIVITY',
  'CHECKOUT',
  'MERGE',
  'PURGE',
];

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-http-method',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A method in an authorization rule is not an upper-case HTTP method, so it never matches.',
    fixable: true,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    const deny = policyAction(ctx.value) === 'DENY';
    for (const op of operations(ctx)) {
      for (const site of stringItems(op, ['methods', 'notMethods'])) {
        const m = site.value;
        if (m.includes('*') || KNOWN_METHODS.includes(m)) continue;
        const upper = m.toUpperCase();
        const lowerCase = upper !== m && /^[A-Za-z-]+$/.test(m);
        const suggestion = lowerCase ? upper : closest(upper, KNOWN_METHODS);
        // Only values we can name a correction for: an unusual but real custom method stays quiet.
        if (!suggestion || (!lowerCase && suggestion === m)) continue;
        const edits = setValueEdits(ctx, site.path, suggestion);
        const effect = deny ? 'so requests the DENY rule meant to block get through' : 'so the entry never matches';
        ctx.report({
          path: site.path,
          message: `HTTP methods are matched exactly and in upper case: "${m}" is not one, ${effect}. Write "${suggestion}".`,
          fixes: edits
            ? [
                {
                  title: `Change to ${suggestion}`,
                  edits,
                  safe: lowerCase && upper === suggestion && KNOWN_METHODS.includes(upper),
                  preferred: true,
                },
              ]
            : undefined,
        });
      }
    }
  },
};
