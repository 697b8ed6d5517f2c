// String matches and regexes in a VirtualService as validateStringMatch, validateStringMatchRegexp and
// validateStringRegexp read them: Istio compiles each regex with Go's regexp (RE2 syntax), caps it
// at 1024 characters, and refuses an empty prefix or regex.
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
      message: `The webhook rejects this ${where} regex: it is longer than ${MAX_REGEX} characters. Shorten it, or split the match into several.`,
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

/** The one kind a StringMatch sets; two or more set together are istio-exclusive-fields' finding. */
function soleKind(match: Record<string, unknown>): 'exact' | 'prefix' | 'regex' | undefined {
  const kinds = (['exact', 'prefix', 'regex'] as const).filter((k) => match[k] !== undefined && match[k] !== null);
  return kinds.length === 1 ? kinds[0] : undefined;
}

/**
 * validateStringMatch (`allowEmptyPrefix` false) or validateStringMatchRegexp (true, for uri): an empty
 * regex, a regex RE2 refuses, and except for uri an empty prefix.
 */
export function stringMatchProblems(
  match: Record<string, unknown>,
  path: PathSegment[],
  where: string,
  allowEmptyPrefix: boolean,
): VsProblem[] {
  const kind = soleKind(match);
  const value = kind ? match[kind] : undefined;
  if (typeof value !== 'string') return [];
  if (kind === 'prefix' && value === '' && !allowEmptyPrefix) {
    return [
      {
        path: [...path, 'prefix'],
        on: 'value',
        message: `The webhook rejects an empty ${where} prefix: it would match anything. Remove the ${where} match, or write the prefix it should start with.`,
      },
    ];
  }
  if (kind !== 'regex') return [];
  if (value === '') {
    return [
      {
        path: [...path, 'regex'],
        on: 'value',
        message: `The webhook rejects an empty ${where} regex. Remove the ${where} match, or write the pattern (RE2 syntax) it should match.`,
      },
    ];
  }
  const problem = regexProblem(value, [...path, 'regex'], where);
  return problem ? [problem] : [];
}
