// An AuthorizationPolicy's rules as written, for the policy model and the access check: every
// from/to field and when condition with its values and their sites, plus targetRefs (the legacy
// targetRef folded in as Istio's GetTargetRefs does) and JWT rules of RequestAuthentications.
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import type { FieldValue, RuleClause, RuleField, RuleView } from '../policy/types';
import type { DocReader } from './doc-reader';
import type { JwtRuleFact, TargetRefFact } from './facts';

/** `notPrincipals`, `notPorts`, ...: the negated form of a field. */
const NEGATED = /^not[A-Z]/;

function values(r: DocReader, path: PathSegment[]): FieldValue[] {
  const out: FieldValue[] = [];
  r.list(path).forEach((v, i) => {
    // Ports are strings in the API; a bare number is kept as its text so a check can still name it.
    if (typeof v === 'string' || typeof v === 'number') out.push({ value: String(v), site: r.nearest([...path, i]) });
  });
  return out;
}

function pathText(path: PathSegment[]): string {
  return path
    .slice(1)
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

function clause(r: DocReader, at: PathSegment[], inner: 'source' | 'operation'): RuleClause {
  const fields: RuleField[] = [];
  const body = [...at, inner];
  for (const name of Object.keys(asRecord(r.get(body)) ?? {})) {
    const path = [...body, name];
    fields.push({ path: pathText(path), name, negated: NEGATED.test(name), values: values(r, path), site: r.nearest(path, 'key') });
  }
  return { fields, site: r.nearest(at) };
}

export function ruleViews(r: DocReader): RuleView[] {
  return r.list(['spec', 'rules']).map((_rule, i): RuleView => {
    const at: PathSegment[] = ['spec', 'rules', i];
    const written = (k: string): boolean => r.get([...at, k]) !== undefined;
    const when: RuleField[] = [];
    r.list([...at, 'when']).forEach((_c, k) => {
      const c: PathSegment[] = [...at, 'when', k];
      const name = r.str([...c, 'key']) ?? '';
      const site = r.nearest([...c, 'key']);
      if (r.get([...c, 'values']) !== undefined || r.get([...c, 'notValues']) === undefined)
        when.push({ path: pathText(c), name, negated: false, values: values(r, [...c, 'values']), site });
      if (r.get([...c, 'notValues']) !== undefined)
        when.push({ path: pathText(c), name, negated: true, values: values(r, [...c, 'notValues']), site });
    });
    return {
      index: i,
      from: written('from') ? r.list([...at, 'from']).map((_f, j) => clause(r, [...at, 'from', j], 'source')) : undefined,
      to: written('to') ? r.list([...at, 'to']).map((_t, j) => clause(r, [...at, 'to', j], 'operation')) : undefined,
      when,
      site: r.nearest(at),
    };
  });
}

/** targetRefs, or the legacy single targetRef when targetRefs is empty (policyattachment.go GetTargetRefs). */
export function targetRefs(r: DocReader): TargetRefFact[] {
  const one = (path: PathSegment[]): TargetRefFact | undefined => {
    const kind = r.str([...path, 'kind']);
    const name = r.str([...path, 'name']);
    if (kind === undefined || name === undefined) return undefined;
    const namespace = r.str([...path, 'namespace']);
    return { group: r.str([...path, 'group']) ?? '', kind, name, ...(namespace !== undefined ? { namespace } : {}), site: r.nearest(path) };
  };
  const many = r
    .list(['spec', 'targetRefs'])
    .map((_x, i) => one(['spec', 'targetRefs', i]))
    .filter((x): x is TargetRefFact => x !== undefined);
  if (many.length > 0) return many;
  const legacy = r.get(['spec', 'targetRef']) !== undefined ? one(['spec', 'targetRef']) : undefined;
  return legacy ? [legacy] : [];
}

export function jwtRules(r: DocReader): JwtRuleFact[] {
  return r.list(['spec', 'jwtRules']).map((_j, i) => {
    const at: PathSegment[] = ['spec', 'jwtRules', i];
    const named = (list: string, field: string): FieldValue[] =>
      r
        .list([...at, list])
        .map((_x, k) => r.ref([...at, list, k, field]))
        .filter((x): x is FieldValue => x !== undefined);
    return {
      issuer: r.ref([...at, 'issuer']),
      audiences: r.refs([...at, 'audiences']),
      fromHeaders: named('fromHeaders', 'name'),
      fromParams: r.refs([...at, 'fromParams']),
      fromCookies: r.refs([...at, 'fromCookies']),
      spaceDelimitedClaims: r.refs([...at, 'spaceDelimitedClaims']),
      site: r.nearest(at),
    };
  });
}
