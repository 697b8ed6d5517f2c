// RequestAuthentication jwtRules: the webhook needs an issuer or a jwksUri, and fetches keys only
// over http or https.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { listAt, recordAt, stringAt } from './lib/go-values';

export const rule: DocumentRule = {
  meta: {
    id: 'request-authentication-jwt-rule',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A JWT rule needs an issuer or a jwksUri, and jwksUri must be an http(s) URL.',
    fixable: false,
  },
  kinds: ['security.istio.io/RequestAuthentication'],
  check(ctx) {
    listAt(recordAt(ctx.value, 'spec'), 'jwtRules').forEach((item, i) => {
      const jwt = asRecord(item);
      if (!jwt) return;
      const uriField = typeof jwt.jwksUri === 'string' ? 'jwksUri' : typeof jwt.jwks_uri === 'string' ? 'jwks_uri' : undefined;
      const uri = uriField ? stringAt(jwt, uriField) : '';
      if (stringAt(jwt, 'issuer') === '' && uri === '') {
        ctx.report({
          path: ['spec', 'jwtRules', i],
          message:
            'The Istio webhook rejects a JWT rule without issuer or jwksUri ("issuer or jwksUri must be non-empty string"). Set issuer to the token\'s iss claim, e.g. https://accounts.example.com.',
        });
      }
      if (!uriField || uri === '') return;
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
      if (scheme === 'http' || scheme === 'https') return;
      ctx.report({
        path: ['spec', 'jwtRules', i, uriField],
        message: `The Istio webhook rejects this ${uriField}: URI scheme "${scheme ?? ''}" is not supported. Write the full https:// URL of the issuer's key set (JWKS), e.g. https://accounts.example.com/.well-known/jwks.json.`,
      });
    });
  },
};
