// HTTP match conditions and delegation in a VirtualService as validateHTTPRouteMatchRequest,
// validateHTTPRouteConflict (root and delegate routes), the JWT-claim check of ValidateVirtualService
// and the regex of validateURIRegexRewrite read them. Routes, redirects, rewrites and the rest of an
// HTTP route are virtual-service-http-invalid's.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { hasItems, recordAt, stringAt } from './go-values';
import { isIstioLabel } from './vs-gateway-names';
import type { VsScope } from './vs-hosts';
import { sharedMatchProblems } from './vs-match-attributes';
import { recordsIn, type VsProblem } from './vs-problem';
import { regexProblem, stringMatchProblems } from './vs-regex';

/** RFC 7230 token characters: what Istio's validHeaderNameRegex allows in a header name. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
const PSEUDO_HEADERS = [':method', ':scheme', ':authority', ':path', ':status'];
const JWT_CLAIM = '@request.auth.claims';

/** jwt.ToRoutingClaim(name).Match: "@request.auth.claims.a.b" or "@request.auth.claims[a][b]". */
export function isJwtClaimRoute(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM)) return false;
  const rest = name.slice(JWT_CLAIM.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

/** ValidateHTTPHeaderNameOrJwtClaimRoute. */
function headerNameProblem(name: string, path: PathSegment[]): VsProblem | undefined {
  if (isJwtClaimRoute(name) || PSEUDO_HEADERS.includes(name) || HEADER_NAME.test(name)) return undefined;
  const why = name === '' ? 'the name is empty' : "a header name holds letters, digits and !#$%&'*+-.^_`|~ only";
  return { path, on: 'key', message: `The webhook rejects the header "${name}": ${why}. Write the header's name, e.g. x-user.` };
}

function headerMapProblems(
  match: Record<string, unknown>,
  key: 'headers' | 'withoutHeaders',
  path: PathSegment[],
  scope: VsScope,
): VsProblem[] {
  const out: VsProblem[] = [];
  for (const [name, value] of Object.entries(recordAt(match, key) ?? {})) {
    const at = [...path, key, name];
    const nameProblem = headerNameProblem(name, at);
    if (nameProblem) out.push(nameProblem);
    if (isJwtClaimRoute(name) && !scope.appliesToGateway) {
      out.push({
        path: at,
        on: 'key',
        message: `The webhook rejects routing on the JWT claim "${name}" outside a gateway: only gateways read claims. Bind the VirtualService to a Gateway, or match a header instead.`,
      });
    }
    const sm = asRecord(value);
    if (value === null && key === 'headers') {
      out.push({
        path: at,
        on: 'key',
        message: `The webhook rejects the header match "${name}" without a value. Write exact:, prefix: or regex: under it.`,
      });
    }
    // In withoutHeaders, regex "*" means "header present" and is no RE2 pattern.
    if (sm && !(key === 'withoutHeaders' && sm.regex === '*')) out.push(...stringMatchProblems(sm, at, key, false));
  }
  return out;
}

function matchProblems(match: Record<string, unknown>, path: PathSegment[], scope: VsScope): VsProblem[] {
  const out: VsProblem[] = [
    ...headerMapProblems(match, 'headers', path, scope),
    ...headerMapProblems(match, 'withoutHeaders', path, scope),
  ];
  const uri = recordAt(match, 'uri');
  if (uri) out.push(...stringMatchProblems(uri, [...path, 'uri'], 'uri', true));
  for (const key of ['scheme', 'method', 'authority']) {
    const sm = recordAt(match, key);
    if (sm) out.push(...stringMatchProblems(sm, [...path, key], key, false));
  }
  for (const [name, value] of Object.entries(recordAt(match, 'queryParams') ?? {})) {
    const sm = asRecord(value);
    if (sm) out.push(...stringMatchProblems(sm, [...path, 'queryParams', name], 'query parameter', false));
  }
  out.push(...sharedMatchProblems(match, path));
  const ns = stringAt(match, 'sourceNamespace');
  if (ns !== '' && !isIstioLabel(ns)) {
    out.push({
      path: [...path, 'sourceNamespace'],
      on: 'value',
      message: `The webhook rejects the source namespace "${ns}": it is not a namespace name (letters, digits, inner "-"). Write the namespace of the calling workloads.`,
    });
  }
  return out;
}

/** validateHTTPRouteConflict for delegation: a root route only delegates; a delegate's route cannot delegate again. */
function delegationProblems(route: Record<string, unknown>, path: PathSegment[], scope: VsScope): VsProblem[] {
  const delegates = recordAt(route, 'delegate') !== undefined;
  if (scope.delegate) {
    if (!delegates) return [];
    return [
      {
        path: [...path, 'delegate'],
        on: 'key',
        message:
          'The webhook rejects delegate in a VirtualService that is itself a delegate (it has no hosts): delegation is one level deep. Route to a destination here.',
      },
    ];
  }
  if (!delegates) return [];
  const out: VsProblem[] = [];
  for (const key of ['redirect', 'route']) {
    if (key === 'route' ? !hasItems(route, key) : recordAt(route, key) === undefined) continue;
    out.push({
      path: [...path, key],
      on: 'key',
      message: `The webhook rejects ${key} next to delegate: a route that delegates hands the request on whole. Remove ${key}, or remove delegate.`,
    });
  }
  return out;
}

/** validateURIRegexRewrite's regex; what else a rewrite needs is virtual-service-http-invalid's. */
function rewriteRegexProblem(route: Record<string, unknown>, path: PathSegment[]): VsProblem | undefined {
  const rewrite = recordAt(route, 'rewrite');
  const regexRewrite = recordAt(rewrite, 'uriRegexRewrite');
  if (!rewrite || !regexRewrite || stringAt(rewrite, 'uri') !== '') return undefined;
  const match = stringAt(regexRewrite, 'match');
  if (match === '' || stringAt(regexRewrite, 'rewrite') === '') return undefined;
  return regexProblem(match, [...path, 'rewrite', 'uriRegexRewrite', 'match'], 'uriRegexRewrite');
}

/** Every finding of this file in spec.http. */
export function httpMatchProblems(spec: Record<string, unknown>, scope: VsScope): VsProblem[] {
  const out: VsProblem[] = [];
  for (const { item: route, path } of recordsIn(spec.http, ['spec', 'http'])) {
    out.push(...delegationProblems(route, path, scope));
    for (const { item: match, path: at } of recordsIn(route.match, [...path, 'match'])) out.push(...matchProblems(match, at, scope));
    const rewrite = rewriteRegexProblem(route, path);
    if (rewrite) out.push(rewrite);
  }
  return out;
}
