// The webhook's warnings about VirtualService rules that never see traffic, as analyzeUnreachableHTTPRules,
// analyzeUnreachableTCPRules and analyzeUnreachableTLSRules define them: a rule after a rule without
// matches, a match that repeats an earlier one, and (HTTP) a uri prefix that an earlier prefix covers.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { listAt, recordAt, stringAt } from './go-values';
import type { VsProblem } from './vs-problem';

/** Go's json.Marshal of the match: map keys sorted, omitempty drops "", 0, false, nulls, empty lists and maps. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = asRecord(value);
  if (!record) return JSON.stringify(value);
  const keys = Object.keys(record)
    .filter((k) => !isEmpty(record[k]))
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0);
}

/** The match as upstream compares it: an HTTP match's name is left out. */
function matchKey(match: unknown, http: boolean): string {
  const record = asRecord(match);
  if (!http || !record) return canonical(match);
  const { name: _name, ...rest } = record;
  return canonical(rest);
}

/** Upstream's routeName / requestName: a quoted name for HTTP when set, else "#index". */
function label(item: unknown, index: number, http: boolean): string {
  const name = http ? stringAt(asRecord(item), 'name') : '';
  return name !== '' ? `"${name}"` : `#${index}`;
}

interface PrefixMatch {
  route: string;
  match: string;
  prefix: string;
  port: number;
  method: string;
  authority: string;
  headers: Map<string, string>;
  queryParams: Map<string, string>;
  withoutHeaders: Map<string, string>;
  path: PathSegment[];
}

/** assignExactOrPrefix: "exact:v", "prefix:v" or "" (regex matches count as no value). */
function exactOrPrefix(sm: unknown): string {
  const r = asRecord(sm);
  const exact = stringAt(r, 'exact');
  if (exact !== '') return `exact:${exact}`;
  const prefix = stringAt(r, 'prefix');
  return prefix !== '' ? `prefix:${prefix}` : '';
}

function valueMap(holder: Record<string, unknown>, key: string): Map<string, string> {
  return new Map(Object.entries(recordAt(holder, key) ?? {}).map(([k, v]) => [k, exactOrPrefix(v)]));
}

/** genMatchHTTPRoutes: only matches with a non-empty uri prefix take part in the overlap check. */
function prefixMatch(match: Record<string, unknown>, route: string, name: string, path: PathSegment[]): PrefixMatch | undefined {
  const prefix = stringAt(recordAt(match, 'uri'), 'prefix');
  if (prefix === '') return undefined;
  const port = typeof match.port === 'number' ? match.port : 0;
  const method = exactOrPrefix(match.method) || 'exact:GET';
  const authority = exactOrPrefix(match.authority);
  const headers = valueMap(match, 'headers');
  const queryParams = valueMap(match, 'queryParams');
  return {
    route,
    match: name,
    prefix,
    port,
    method,
    authority,
    headers,
    queryParams,
    withoutHeaders: valueMap(match, 'withoutHeaders'),
    path,
  };
}

/** coveredValidation's comparison of one value: equal, or the earlier one starts with the later one. */
function covers(earlier: string, later: string): boolean {
  return earlier === later || earlier.startsWith(later);
}

function mapCovers(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const other = b.get(k);
    if (other === undefined || !covers(v, other)) return false;
  }
  return true;
}

/** coveredValidation(a, b): the earlier match `a` takes every request the later `b` would. */
function coveredBy(a: PrefixMatch, b: PrefixMatch): boolean {
  return (
    b.prefix.startsWith(a.prefix) &&
    a.port === b.port &&
    covers(a.method, b.method) &&
    covers(a.authority, b.authority) &&
    mapCovers(a.headers, b.headers) &&
    mapCovers(a.queryParams, b.queryParams) &&
    mapCovers(a.withoutHeaders, b.withoutHeaders)
  );
}

function warn(path: PathSegment[], message: string, on: 'key' | 'value' = 'key'): VsProblem {
  return { path, on, severity: 'warning', message };
}

/** One route list (http, tcp or tls). */
function listProblems(spec: Record<string, unknown>, key: 'http' | 'tcp' | 'tls'): VsProblem[] {
  const http = key === 'http';
  const out: VsProblem[] = [];
  const seen = new Map<string, number>();
  const prefixes: PrefixMatch[] = [];
  let noMatchRule = -1;
  const routes = listAt(spec, key);
  routes.forEach((item, r) => {
    const route = asRecord(item);
    if (!route) return;
    const path: PathSegment[] = ['spec', key, r];
    const name = label(route, r, http);
    const matches = listAt(route, 'match');
    if (matches.length === 0) {
      if (noMatchRule >= 0) {
        const first = label(routes[noMatchRule], noMatchRule, http);
        out.push(
          warn(
            path,
            `Istio warns that ${key} rule ${name} is never used: rule ${first} before it has no match and takes all traffic. Only the last rule may go without a match.`,
          ),
        );
      }
      noMatchRule = r;
      return;
    }
    let repeated = 0;
    matches.forEach((match, m) => {
      const at = [...path, 'match', m];
      if (noMatchRule >= 0) {
        const first = label(routes[noMatchRule], noMatchRule, http);
        out.push(
          warn(
            at,
            `Istio warns that this match of ${key} rule ${name} is never used: rule ${first} before it has no match and takes all traffic. Move that rule last.`,
          ),
        );
        return;
      }
      const id = matchKey(match, http);
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        repeated++;
        const first = label(routes[earlier], earlier, http);
        out.push(
          warn(
            at,
            `Istio warns that match ${label(match, m, http)} of ${key} rule ${name} repeats a match of rule ${first}, which takes its traffic first. Remove it, or change it.`,
          ),
        );
        return;
      }
      seen.set(id, r);
      const record = asRecord(match);
      const prefix = http && record ? prefixMatch(record, name, label(match, m, true), at) : undefined;
      if (prefix) prefixes.push(prefix);
    });
    if (repeated === matches.length) {
      out.push(
        warn(
          [...path, 'match'],
          `Istio warns that ${key} rule ${name} is never used: every match repeats one of an earlier rule. Remove the rule, or change its matches.`,
        ),
      );
    }
  });
  for (let a = 0; a < prefixes.length; a++) {
    for (let b = a + 1; b < prefixes.length; b++) {
      const [pa, pb] = [prefixes[a], prefixes[b]];
      if (pa.prefix === pb.prefix || !coveredBy(pa, pb)) continue;
      out.push(
        warn(
          [...pb.path, 'uri', 'prefix'],
          `Istio warns that match ${pb.match} (prefix ${pb.prefix}) of http rule ${pb.route} is never used: match ${pa.match} (prefix ${pa.prefix}) of rule ${pa.route} ` +
            'takes the same requests first. Put the longer prefix first.',
          'value',
        ),
      );
    }
  }
  return out;
}

export function unreachableProblems(spec: Record<string, unknown>): VsProblem[] {
  return [...listProblems(spec, 'http'), ...listProblems(spec, 'tcp'), ...listProblems(spec, 'tls')];
}
