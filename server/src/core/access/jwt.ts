// RequestAuthentication as the sidecar's jwt_authn filter applies it (Istio authn/policy_applier.go:
// a provider per issuer, RequiresAny{provider, allow_missing}): no token passes with no identity, a
// token of an unknown issuer or audience is a 401, and without any RequestAuthentication the token is
// never read, so request.auth.* never match.
import type { EffectivePolicy, Ref } from '../policy/types';
import { BASE64URL_ALPHABET, base64Digits } from '../base64';

export interface JwtOutcome {
  status: 'absent' | 'valid' | 'rejected' | 'ignored';
  /** Claims of the validated token, space-delimited claims split. */
  claims: Record<string, unknown> | null;
  /** The RequestAuthentication that rejected the token. */
  rejectedBy?: Ref;
  why?: string;
  assumptions: string[];
}

/** The payload of a compact JWS (header.payload.signature), base64url JSON; undefined when malformed. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return undefined;
  try {
    const text = base64UrlDecode(parts[1]);
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** base64url text (standard digits accepted too) to UTF-8; throws when it is not base64. */
function base64UrlDecode(text: string): string {
  const bytes = base64Digits(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'), BASE64URL_ALPHABET);
  if (!bytes) throw new Error('bad base64');
  // UTF-8 through percent-decoding: no TextDecoder in core code.
  return decodeURIComponent([...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
}

/** Claims Istio splits on spaces before matching (policy_applier.go: scope and permission). */
const SPACE_DELIMITED = ['scope', 'permission'];

function normalizeClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const out = { ...claims };
  for (const k of SPACE_DELIMITED) {
    const v = out[k];
    if (typeof v === 'string') out[k] = v.split(' ').filter((s) => s !== '');
  }
  return out;
}

function audiences(claims: Record<string, unknown>): string[] {
  const aud = claims.aud;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}

export function authenticate(
  ep: EffectivePolicy,
  request: { jwt?: string; jwtClaims?: Record<string, unknown> } | undefined,
  http: boolean,
): JwtOutcome | { error: string } {
  let claims = request?.jwtClaims;
  const assumptions: string[] = [];
  if (request?.jwt !== undefined) {
    const decoded = decodeJwtPayload(request.jwt);
    if (!decoded) return { error: 'the JWT is not a compact JWS (header.payload.signature)' };
    claims = { ...decoded, ...(claims ?? {}) };
  }
  if (!claims) return { status: 'absent', claims: null, assumptions };
  if (!http) {
    assumptions.push('the token is ignored: a TCP port has no JWT filter');
    return { status: 'ignored', claims: null, assumptions };
  }
  const issuers = ep.requestAuthentication.issuers;
  if (ep.requestAuthentication.policies.length === 0) {
    assumptions.push('the token is ignored: no RequestAuthentication applies to the workload, so request.auth.* never match');
    return { status: 'ignored', claims: null, assumptions };
  }
  assumptions.push('the token signature and expiry are not checked offline');
  const iss = claims.iss;
  const rules = issuers.filter((i) => i.issuer === iss);
  if (rules.length === 0) {
    return {
      status: 'rejected',
      claims: null,
      rejectedBy: ep.requestAuthentication.policies[0],
      why: `issuer ${JSON.stringify(iss ?? null)} is not one of ${issuers.map((i) => i.issuer).join(', ') || '(none)'}`,
      assumptions,
    };
  }
  const aud = audiences(claims);
  const accepted = rules.find((r) => !r.audiences || r.audiences.length === 0 || r.audiences.some((a) => aud.includes(a)));
  if (!accepted) {
    return {
      status: 'rejected',
      claims: null,
      rejectedBy: rules[0].policy,
      why: `audience ${aud.join(', ') || '(none)'} not accepted`,
      assumptions,
    };
  }
  return { status: 'valid', claims: normalizeClaims(claims), assumptions };
}
