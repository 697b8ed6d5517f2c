// `paths` in operations: Istio matches a path exactly, as `prefix*`, `*suffix` or `*`, or as a
// template with `{*}` / `{**}`. Anything else (a `*` in the middle, no leading slash) never matches.
import type { DocumentRule } from './lib/rule';
import { operations, stringItems } from './lib/authorization-fields';
import { pathTemplateProblem } from './lib/path-template';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-path-pattern',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A path in an authorization rule uses a pattern Istio does not support, so it never matches.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    for (const op of operations(ctx)) {
      for (const site of stringItems(op, ['paths', 'notPaths'])) {
        // An empty string and a malformed template are rejected by the webhook and reported as such.
        const rejected = site.value === '' || pathTemplateProblem(site.value) !== undefined;
        const problem = rejected ? undefined : pathProblem(site.value);
        if (!problem) continue;
        ctx.report({
          path: site.path,
          message: `"${site.value}" never matches a request: ${problem}. Supported forms: an exact path ("/api/orders"), a prefix ("/api/*"), a suffix ("*.png"), "*", or a template such as "/api/{*}/items" or "/static/{**}".`,
        });
      }
    }
  },
};

export function pathProblem(p: string): string | undefined {
  if (p === '*') return undefined;
  if (p.includes('{*}') || p.includes('{**}')) return templateProblem(p);
  const starts = p.startsWith('*');
  const ends = p.endsWith('*');
  const core = p.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (starts && ends) return 'a `*` may stand at the start or at the end, not both';
  if (core.includes('*')) return 'a `*` in the middle is compared literally (use `{*}` for one path segment)';
  if (!starts && !p.startsWith('/')) return 'request paths always begin with "/"';
  if (/[?#]/.test(core)) return 'the query string and fragment are not part of the path Istio compares';
  return undefined;
}

/** A template Istio accepts (see authorization-policy-path-template) still has to start with "/" to match. */
function templateProblem(p: string): string | undefined {
  if (!p.startsWith('/')) return 'a path template must begin with "/"';
  return undefined;
}
