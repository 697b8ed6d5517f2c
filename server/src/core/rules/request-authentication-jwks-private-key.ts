// An inline `jwks` that holds private key members (d, p, q, dp, dq, qi): the key that signs tokens
// is now readable by anyone who can read the manifest, and can mint tokens at will. Istio accepts
// such a set with a warning, so this is a warning too.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';

/** JWK members that only a private key has (RFC 7518 section 6: RSA d, p, q, dp, dq, qi; EC/OKP d). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

export const rule: DocumentRule = {
  meta: {
    id: 'request-authentication-jwks-private-key',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'The inline jwks contains private key material; only public keys belong there.',
    fixable: false,
  },
  kinds: ['security.istio.io/RequestAuthentication'],
  check(ctx) {
    const rules = asRecord(ctx.value.spec)?.jwtRules;
    if (!Array.isArray(rules)) return;
    rules.forEach((r, i) => {
      const jwks = asRecord(r)?.jwks;
      if (typeof jwks !== 'string') return;
      const found = privateMembers(jwks);
      if (found.length === 0) return;
      ctx.report({
        path: ['spec', 'jwtRules', i, 'jwks'],
        on: 'key',
        message: `This JWKS contains private key material (${found.join(', ')}). Anyone who can read this manifest, its repository or the cluster's configuration can sign tokens the mesh will trust. Publish only the public members (kty, n, e or crv, x, y, with kid/alg/use) and rotate the leaked key.`,
      });
    });
  },
};

function privateMembers(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const set = asRecord(parsed);
  const keys = Array.isArray(set?.keys) ? set.keys : set ? [set] : [];
  const found = new Set<string>();
  for (const k of keys) {
    const jwk = asRecord(k);
    if (!jwk) continue;
    // `k` is the secret of a symmetric (oct) key: a shared secret published is just as bad.
    for (const m of PRIVATE_MEMBERS) if (jwk[m] !== undefined && (m !== 'k' || jwk.kty === 'oct')) found.add(m);
  }
  return [...found];
}
