// Regexes in a VirtualService as validateStringMatchRegexp and validateStringRegexp read them: Istio
// compiles each regex with Go's regexp (RE2 syntax) and caps it at 1024 bytes.
import { RE2JS } from 're2js';
import type { PathSegment } from '../../locate';
import { utf8Length } from './go-values';
import type { VsProblem } from './vs-problem';

const MAX_REGEX = 1024;

/** Why Go's regexp.Compile (RE2) refuses `re`, or undefined when it compiles. */
function re2Error(re: string): string | undefined {
  try {
    RE2JS.compile(re);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** validateStringRegexp: at most 1024 characters, and RE2 syntax. */
export function regexProblem(re: string, path: PathSegment[], where: string): VsProblem | undefined {
  if (utf8Length(re) > MAX_REGEX) {
    return {
      path,
      on: 'value',
      message: `The webhook rejects this ${where} regex: it is longer than ${MAX_REGEX} bytes. Shorten it, or split the match into several.`,
    };
  }
  const error = re2Error(re);
  if (error === undefined) return undefined;
  return {
    path,
    on: 'value',
    message: `The webhook rejects this ${where} regex (${error}). Istio compiles RE2 syntax: no lookaround, no backreferences, no possessive quantifiers.`,
  };
}

/**
 * The regex of a StringMatch, when it is the only kind set (two kinds together are istio-exclusive-fields'
 * finding) and not empty (an empty regex is virtual-service-http-invalid's).
 */
export function stringMatchRegexProblem(match: Record<string, unknown>, path: PathSegment[], where: string): VsProblem | undefined {
  const kinds = ['exact', 'prefix', 'regex'].filter((k) => match[k] !== undefined && match[k] !== null);
  const re = match.regex;
  if (kinds.length !== 1 || typeof re !== 'string' || re === '') return undefined;
  return regexProblem(re, [...path, 'regex'], where);
}
