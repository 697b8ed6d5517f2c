// RequestAuthentication fetching the issuer's signing keys over plain http: whoever can tamper with
// that fetch can swap in their own keys and mint tokens the mesh accepts.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import type { PathSegment } from '../locate';
import { setValueFix } from './lib/fix-edits';

export const rule: DocumentRule = {
  meta: {
    id: 'request-authentication-jwks-http',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'jwksUri uses plain http: the token signing keys can be replaced in transit.',
    fixable: true,
  },
  kinds: ['security.istio.io/RequestAuthentication'],
  check(ctx) {
    const rules = asRecord(ctx.value.spec)?.jwtRules;
    if (!Array.isArray(rules)) return;
    rules.forEach((r, i) => {
      const jwt = asRecord(r);
      for (const field of ['jwksUri', 'jwks_uri']) {
        const uri = jwt?.[field];
        if (typeof uri !== 'string' || !/^http:\/\//i.test(uri)) continue;
        const path: PathSegment[] = ['spec', 'jwtRules', i, field];
        // Not safe: the issuer must actually serve its keys over https.
        const fix = setValueFix(ctx, path, `https${uri.slice(4)}`, 'Use https', false);
        ctx.report({
          path,
          message:
            'The signing keys are fetched over plain http, so anyone who can intercept or spoof that request can substitute their own keys and forge tokens that pass validation. Serve the JWKS over https.',
          fixes: fix ? [fix] : undefined,
        });
      }
    });
  },
};
