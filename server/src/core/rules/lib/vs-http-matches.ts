// The parts of HTTP routes that virtual-service-invalid checks: the RE2 syntax and length of every
// regex the webhook compiles (validateStringMatchRegexp, validateStringRegexp, validateURIRegexRewrite,
// validateAllowOrigins) and the gateway names of each match (validateGatewayNames). Everything else in an HTTP route, empty
// string matches included, is virtual-service-http-invalid's.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { recordAt, stringAt } from './go-values';
import { gatewayNameProblems } from './vs-gateway-names';
import { recordsIn, type VsProblem } from './vs-problem';
import { regexProblem, stringMatchRegexProblem } from './vs-regex';

/** The string matches of one HTTP match whose regex the webhook compiles, with a name for messages. */
function stringMatches(
  match: Record<string, unknown>,
  path: PathSegment[],
): { sm: Record<string, unknown>; at: PathSegment[]; where: string }[] {
  const out: { sm: Record<string, unknown>; at: PathSegment[]; where: string }[] = [];
  for (const key of ['uri', 'scheme', 'method', 'authority']) {
    const sm = recordAt(match, key);
    if (sm) out.push({ sm, at: [...path, key], where: key });
  }
  for (const key of ['headers', 'withoutHeaders', 'queryParams']) {
    for (const [name, value] of Object.entries(recordAt(match, key) ?? {})) {
      const sm = asRecord(value);
      // In withoutHeaders, regex "*" means "header present" and is no RE2 pattern.
      if (sm && !(key === 'withoutHeaders' && sm.regex === '*')) out.push({ sm, at: [...path, key, name], where: `${key}.${name}` });
    }
  }
  return out;
}

/** validateURIRegexRewrite's regex, which upstream compiles only when uri is unset and match and rewrite are both set. */
function rewriteRegexProblem(route: Record<string, unknown>, path: PathSegment[]): VsProblem | undefined {
  const rewrite = recordAt(route, 'rewrite');
  const regexRewrite = recordAt(rewrite, 'uriRegexRewrite');
  if (!rewrite || !regexRewrite || stringAt(rewrite, 'uri') !== '') return undefined;
  const match = stringAt(regexRewrite, 'match');
  if (match === '' || stringAt(regexRewrite, 'rewrite') === '') return undefined;
  return regexProblem(match, [...path, 'rewrite', 'uriRegexRewrite', 'match'], 'uriRegexRewrite.match');
}

/** Every finding of this file in spec.http. */
export function httpMatchProblems(spec: Record<string, unknown>): VsProblem[] {
  const out: VsProblem[] = [];
  for (const { item: route, path } of recordsIn(spec.http, ['spec', 'http'])) {
    for (const { item: match, path: at } of recordsIn(route.match, [...path, 'match'])) {
      for (const { sm, at: smPath, where } of stringMatches(match, at)) {
        const problem = stringMatchRegexProblem(sm, smPath, where);
        if (problem) out.push(problem);
      }
      out.push(...gatewayNameProblems(match.gateways, [...at, 'gateways'], false));
    }
    const rewrite = rewriteRegexProblem(route, path);
    if (rewrite) out.push(rewrite);
    // validateAllowOrigins compiles a regex origin too.
    for (const { item: origin, path: at } of recordsIn(recordAt(route, 'corsPolicy')?.allowOrigins, [
      ...path,
      'corsPolicy',
      'allowOrigins',
    ])) {
      const problem = stringMatchRegexProblem(origin, at, 'corsPolicy.allowOrigins');
      if (problem) out.push(problem);
    }
  }
  return out;
}
