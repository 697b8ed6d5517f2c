// The clauses of an AuthorizationPolicy (sources, operations, conditions) and the string values of
// their fields with the data path of each, built on authorization-policy-walk.ts.
import type { DocContext } from './rule';
import { asRecord } from '../../resources';
import type { PathSegment } from '../../locate';
import { policyRules } from './authorization-policy-walk';

export interface Clause {
  /** Path of the source/operation map, or of the condition item. */
  path: PathSegment[];
  fields: Record<string, unknown>;
  /** Index of the rule it belongs to. */
  rule: number;
}

export interface StringSite {
  path: PathSegment[];
  value: string;
  /** The field the value came from (`principals`, `notPaths`, `values` of a condition...). */
  field: string;
}

/** Clauses by list, per document value: several rules read the same ones (shared: do not change them). */
const clauseCache = new WeakMap<Record<string, unknown>, { from?: readonly Clause[]; to?: readonly Clause[]; when?: readonly Clause[] }>();

function cachedClauses(value: Record<string, unknown>, list: 'from' | 'to' | 'when', build: () => Clause[]): readonly Clause[] {
  let byList = clauseCache.get(value);
  if (!byList) clauseCache.set(value, (byList = {}));
  return (byList[list] ??= build());
}

/** `rules[i].from[j].source` maps. */
export function sources(ctx: DocContext): readonly Clause[] {
  return cachedClauses(ctx.value, 'from', () => clauses(ctx, 'from', 'source'));
}

/** `rules[i].to[j].operation` maps. */
export function operations(ctx: DocContext): readonly Clause[] {
  return cachedClauses(ctx.value, 'to', () => clauses(ctx, 'to', 'operation'));
}

/** `rules[i].when[k]` conditions (`key`, `values`, `notValues`). */
export function conditions(ctx: DocContext): readonly Clause[] {
  return cachedClauses(ctx.value, 'when', () =>
    policyRules(ctx.value).flatMap((rule) =>
      rule.when.flatMap((c): Clause[] => (c.value ? [{ path: c.path, fields: c.value, rule: rule.index }] : [])),
    ),
  );
}

function clauses(ctx: DocContext, list: 'from' | 'to', inner: 'source' | 'operation'): Clause[] {
  return policyRules(ctx.value).flatMap((rule) =>
    rule[list].flatMap((item): Clause[] => {
      const fields = asRecord(item.value?.[inner]);
      return fields ? [{ path: [...item.path, inner], fields, rule: rule.index }] : [];
    }),
  );
}

/** The string items of list fields `names` in a clause. */
export function stringItems(clause: Clause, names: readonly string[]): StringSite[] {
  const out: StringSite[] = [];
  for (const field of names) {
    const list = clause.fields[field];
    if (!Array.isArray(list)) continue;
    list.forEach((v, i) => {
      if (typeof v === 'string') out.push({ path: [...clause.path, field, i], value: v, field });
    });
  }
  return out;
}

/** Values of conditions on `key` (e.g. `source.principal`), from `values` and `notValues`. */
export function conditionValues(
  ctx: DocContext,
  key: string,
  which: readonly ('values' | 'notValues')[] = ['values', 'notValues'],
): StringSite[] {
  return conditions(ctx)
    .filter((c) => c.fields.key === key)
    .flatMap((c) => stringItems(c, which));
}

/** Every principal written in the policy: source principals/notPrincipals and `source.principal` conditions. */
export function principalSites(ctx: DocContext): StringSite[] {
  return [...sources(ctx).flatMap((s) => stringItems(s, ['principals', 'notPrincipals'])), ...conditionValues(ctx, 'source.principal')];
}
