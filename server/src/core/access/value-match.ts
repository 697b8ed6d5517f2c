// One policy value against one request attribute, with Envoy's semantics for the matcher Istio
// generates for it (Istio pilot/pkg/security/authz/model/generator.go, matcher/*.go).
import type { MatchResult } from './types';
import type { Attribute } from './attributes';
import type { MatchContext, RequestAttrs } from './request';
import { cidrContains, parseCidr } from './cidr';
import { pathValueMatch } from './path';
import { escapeRegex, fullRegexMatch, istioStringMatch } from './string-match';
import { fromBool, MATCH, NO_MATCH, UNKNOWN } from './tri';

/** A value Istio cannot translate: the rule (ALLOW) or just the value (DENY, AUDIT, CUSTOM) is dropped. */
export interface ValueError {
  error: string;
}

const SPIFFE = 'spiffe://';

/** The claim at a nested path of the payload, or undefined. */
function claimAt(claims: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let cur: unknown = claims;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A string claim that matches, or a list with a string element that matches; anything else never does. */
function claimMatch(claims: RequestAttrs['claims'], path: readonly string[], value: string): MatchResult {
  if (!claims) return NO_MATCH;
  const claim = claimAt(claims, path);
  const items = Array.isArray(claim) ? (claim as unknown[]) : [claim];
  return fromBool(items.some((c) => typeof c === 'string' && istioStringMatch(value, c)));
}

/** requestPrincipals split at the last `/` into issuer and subject (generator.go requestPrincipalGenerator). */
function requestPrincipalMatch(claims: RequestAttrs['claims'], value: string): MatchResult {
  if (!claims) return NO_MATCH;
  const iss = claims.iss;
  const sub = claims.sub;
  if (typeof iss !== 'string' || typeof sub !== 'string') return NO_MATCH;
  const idx = value.lastIndexOf('/');
  const found = idx >= 0;
  const vIss = found ? value.slice(0, idx) : value;
  const vSub = found ? value.slice(idx + 1) : '';
  const any = (s: string): boolean => s.length > 0;
  let ok: boolean;
  if (value === '*') ok = any(iss) && any(sub);
  else if (value.startsWith('*')) {
    if (found) ok = (vIss === '*' ? any(iss) : iss.endsWith(vIss.slice(1))) && sub === vSub;
    else ok = any(iss) && sub.endsWith(value.slice(1));
  } else if (value.endsWith('*')) {
    if (found) ok = iss === vIss && (vSub === '*' ? any(sub) : sub.startsWith(vSub.slice(0, -1)));
    else ok = iss.startsWith(value.slice(0, -1)) && any(sub);
  } else ok = iss === vIss && sub === vSub;
  return fromBool(ok);
}

function ipMatch(value: string, address: string | undefined): MatchResult | ValueError {
  const range = parseCidr(value);
  if (!range) return { error: `"${value}" is not an IP address or CIDR range` };
  if (address === undefined) return UNKNOWN;
  const inside = cidrContains(range, address);
  return inside === undefined ? UNKNOWN : fromBool(inside);
}

/** A trustDomains value: `*` any, one `*` inside a regex over one label run, else an exact trust domain. */
function trustDomainMatch(value: string, principal: string): boolean {
  if (value === '*') return principal.startsWith(SPIFFE);
  if (value.includes('*')) {
    const regex = `${escapeRegex(SPIFFE)}${value.split('*').map(escapeRegex).join('[^/]*')}/.*`;
    return fullRegexMatch(regex, principal) ?? false;
  }
  return principal.startsWith(`${SPIFFE}${value}/`);
}

/** Ports must parse as 0-65535 (util.go convertToPort). */
function parsePort(value: string): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 65535 ? n : undefined;
}

/** A request header; the pseudo-headers come from the request line. Null: `:authority` not given. */
export function headerValue(req: RequestAttrs, name: string): string | undefined | null {
  if (name === ':method') return req.method;
  if (name === ':path') return req.path;
  if (name === ':authority' || name === 'host') return req.host ?? req.headers.get(name) ?? null;
  return req.headers.get(name);
}

export function matchValue(attr: Attribute, value: string, req: RequestAttrs, ctx: MatchContext): MatchResult | ValueError {
  const p = req.principal;
  switch (attr.kind) {
    case 'principal':
      return p === null ? NO_MATCH : fromBool(istioStringMatch(value, p, SPIFFE));
    case 'namespace': {
      if (p === null) return NO_MATCH;
      return fromBool(fullRegexMatch(`.*/ns/${value.replace(/\*/g, '.*')}/.*`, p) ?? false);
    }
    case 'serviceAccount': {
      if (p === null) return NO_MATCH;
      const slash = value.indexOf('/');
      const ns = slash < 0 ? ctx.policyNamespace : value.slice(0, slash);
      const sa = slash < 0 ? value : value.slice(slash + 1);
      return fromBool(fullRegexMatch(`spiffe://.+/ns/${ns}/(.+/|)sa/${sa}(/.+)?`, p) ?? false);
    }
    case 'trustDomain':
      return p === null ? NO_MATCH : fromBool(trustDomainMatch(value, p));
    case 'sourceIp':
      return ipMatch(value, req.sourceIp);
    case 'remoteIp':
      return ipMatch(value, req.remoteIp ?? req.sourceIp);
    case 'destinationIp':
      return ipMatch(value, req.destinationIp);
    case 'requestPrincipal':
      return requestPrincipalMatch(req.claims, value);
    case 'audiences':
      return claimMatch(req.claims, ['aud'], value);
    case 'presenter':
      return claimMatch(req.claims, ['azp'], value);
    case 'claim':
      return claimMatch(req.claims, attr.arg ?? [], value);
    case 'header': {
      const actual = headerValue(req, (attr.arg?.[0] ?? '').toLowerCase());
      if (actual === null) return UNKNOWN;
      if (actual === undefined) return NO_MATCH;
      return fromBool(value === '*' || istioStringMatch(value, actual));
    }
    case 'host':
      // Every HTTP request carries :authority, so presence matches even when the value is not given.
      if (value === '*') return MATCH;
      return req.host === undefined ? UNKNOWN : fromBool(istioStringMatch(value, req.host, '', true));
    case 'method':
      return fromBool(value === '*' || istioStringMatch(value, req.method));
    case 'path':
      return fromBool(pathValueMatch(value, req.path));
    case 'port': {
      const port = parsePort(value);
      return port === undefined ? { error: `"${value}" is not a port number` } : fromBool(port === req.port);
    }
    case 'sni':
      return req.sni === undefined ? UNKNOWN : fromBool(istioStringMatch(value, req.sni));
    case 'envoyFilter':
      return UNKNOWN;
  }
}
