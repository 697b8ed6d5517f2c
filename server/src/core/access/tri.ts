// Three-valued logic for the access check: an attribute the query does not give is unknown, and a
// verdict that hinges on it must say so instead of guessing.
import type { MatchResult } from './types';

export const MATCH: MatchResult = 'match';
export const NO_MATCH: MatchResult = 'no-match';
export const UNKNOWN: MatchResult = 'unknown';

export function fromBool(b: boolean): MatchResult {
  return b ? MATCH : NO_MATCH;
}

/** False wins over unknown: one failing part decides an AND whatever the unknown parts are. */
export function and(results: Iterable<MatchResult>): MatchResult {
  let unknown = false;
  for (const r of results) {
    if (r === NO_MATCH) return NO_MATCH;
    if (r === UNKNOWN) unknown = true;
  }
  return unknown ? UNKNOWN : MATCH;
}

/** True wins over unknown: one matching part decides an OR. An empty OR is false. */
export function or(results: Iterable<MatchResult>): MatchResult {
  let unknown = false;
  for (const r of results) {
    if (r === MATCH) return MATCH;
    if (r === UNKNOWN) unknown = true;
  }
  return unknown ? UNKNOWN : NO_MATCH;
}

export function not(r: MatchResult): MatchResult {
  return r === MATCH ? NO_MATCH : r === NO_MATCH ? MATCH : UNKNOWN;
}
