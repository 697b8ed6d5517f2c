// RequestAuthentication jwtRules: the webhook needs an issuer or a jwksUri, fetches keys only over
// http or https, and must be able to read an inline jwks; the CRD allows one key source per rule,
// a fetch timeout of at least 1ms in whole milliseconds, and output header names of letters, digits and '-'.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { listAt, recordAt, stringAt } from './lib/go-values';
import { jwksProblem } from './lib/jwks';
import { parseDurationNanos } from '../duration';

export const rule: DocumentRule = {
  meta: {
    id: 'request-authentication-jwt-rule',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'A JWT rule needs an issuer or a jwksUri, one key source (an http(s) jwksUri or a readable jwks), and a timeout of 1ms or more.',
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
      const sources = ['jwksUri', 'jwks_uri', 'jwks'].filter((k) => jwt[k] !== undefined && jwt[k] !== null);
      if (sources.length > 1) {
        ctx.report({
          path: ['spec', 'jwtRules', i, sources[1]],
          on: 'key',
          message: `The API server rejects ${sources.join(' with ')} in one JWT rule (the CRD allows one key source). Keep jwksUri for keys the issuer rotates, or jwks for a fixed inline set, not both.`,
        });
      }
      const jwks = jwt.jwks;
      const unreadable = typeof jwks === 'string' && jwks !== '' ? jwksProblem(jwks) : undefined;
      if (unreadable) {
        ctx.report({
          path: ['spec', 'jwtRules', i, 'jwks'],
          message: `The Istio webhook rejects this jwks: ${unreadable}. Write a JSON Web Key Set, e.g. {"keys": [{"kty": "RSA", "n": "...", "e": "AQAB"}]}, or point jwksUri at the issuer's key set.`,
        });
      }
      const timeout = jwt.timeout;
      if (typeof timeout === 'string') {
        const nanos = parseDurationNanos(timeout);
        if (nanos === undefined || nanos < 1_000_000n) {
          ctx.report({
            path: ['spec', 'jwtRules', i, 'timeout'],
            message: `The API server rejects timeout "${timeout}": it must be a duration of at least 1ms${nanos === undefined ? ' written with a unit' : ''}. Write e.g. 5s, or remove timeout for the default.`,
          });
        } else if (nanos % 1_000_000n !== 0n) {
          // validateJwtRule runs agent.ValidateDuration, which wants whole milliseconds.
          ctx.report({
            path: ['spec', 'jwtRules', i, 'timeout'],
            message: `The Istio webhook rejects timeout "${timeout}": "only durations to ms precision are supported". Round it to whole milliseconds, e.g. ${nanos / 1_000_000n}ms.`,
          });
        }
      }
      // The CRD's pattern lets "_" through; validateJwtRule's ValidateStrictHTTPHeaderName does not.
      listAt(jwt, 'outputClaimToHeaders').forEach((entry, k) => {
        const header = asRecord(entry)?.header;
        if (typeof header !== 'string' || header === '' || /^[-A-Za-z0-9]+$/.test(header) || !/^[-_A-Za-z0-9]+$/.test(header)) return;
        ctx.report({
          path: ['spec', 'jwtRules', i, 'outputClaimToHeaders', k, 'header'],
          message: `The Istio webhook rejects the header name "${header}": it allows only letters, digits and "-" here ("is not a valid header name"). Write ${header.replace(/_/g, '-')}.`,
        });
      });
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
