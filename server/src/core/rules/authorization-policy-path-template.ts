// Paths in AuthorizationPolicy operations that Istio's webhook rejects as malformed templates.
import type { DocumentRule } from './lib/rule';
import { operations, stringItems } from './lib/authorization-fields';
import { pathTemplateProblem } from './lib/path-template';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-path-template',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A path or notPath is a malformed template ({*}, {**}), which Istio rejects.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    for (const op of operations(ctx)) {
      for (const site of stringItems(op, ['paths', 'notPaths'])) {
        const problem = pathTemplateProblem(site.value);
        if (!problem) continue;
        ctx.report({
          path: site.path,
          message: `Istio's webhook rejects "${site.value}": ${problem}. Use {*} for exactly one segment and {**} for the rest of the path, e.g. "/api/{*}/items" or "/static/{**}".`,
        });
      }
    }
  },
};
