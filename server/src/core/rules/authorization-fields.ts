// Walks an AuthorizationPolicy's rules: its sources, operations and conditions, and the string
// values of their fields with the data path of each, for the authorization rules to inspect.
import type { DocContext } from './rule';
import { asRecord } from '../resources';
import type { PathSegment } from '../locate';

/** Istio's default action is ALLOW when `action` is left out. */
export function policyAction(ctx: DocContext): string {
  const action = asRecord(ctx.value.spec)?.action;
  return typeof action === 'string' ? action : 'ALLOW';
}

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

/** The rules list as written, each with its index (null entries included: `- ` with nothing). */
export function policyRules(ctx: DocContext): { rule: Record<string, unknown> | undefined; index: number; raw: unknown }[] {
  const rules = asRecord(ctx.value.spec)?.rules;
  if (!Array.isArray(rules)) return [];
  return rules.map((raw, index) => ({ rule: asRecord(raw), index, raw }));
}

/** `rules[i].from[j].source` maps. */
export function sources(ctx: DocContext): Clause[] {
  return clauses(ctx, 'from', 'source');
}

/** `rules[i].to[j].operation` maps. */
export function operations(ctx: DocContext): Clause[] {
  return clauses(ctx, 'to', 'operation');
}

/** `rules[i].when[k]` conditions (`key`, `values`, `notValues`). */
export function conditions(ctx: DocContext): Clause[] {
  const out: Clause[] = [];
  for (const { rule, index } of policyRules(ctx)) {
    const when = rule?.when;
    if (!Array.isArray(when)) continue;
    when.forEach((c, k) => {
      const fields = asRecord(c);
      if (fields) out.push({ path: ['spec', 'rules', index, 'when', k], fields, rule: index });
    });
  }
  return out;
}

function clauses(ctx: DocContext, list: 'from' | 'to', inner: 'source' | 'operation'): Clause[] {
  const out: Clause[] = [];
  for (const { rule, index } of policyRules(ctx)) {
    const items = rule?.[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, j) => {
      const fields = asRecord(asRecord(item)?.[inner]);
      if (fields) out.push({ path: ['spec', 'rules', index, list, j, inner], fields, rule: index });
    });
  }
  return out;
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
export function conditionValues(ctx: DocContext, key: string, which: readonly ('values' | 'notValues')[] = ['values', 'notValues']): StringSite[] {
  return conditions(ctx)
    .filter((c) => c.fields.key === key)
    .flatMap((c) => stringItems(c, which));
}

/** Every principal written in the policy: source principals/notPrincipals and `source.principal` conditions. */
export function principalSites(ctx: DocContext): StringSite[] {
  return [...sources(ctx).flatMap((s) => stringItems(s, ['principals', 'notPrincipals'])), ...conditionValues(ctx, 'source.principal')];
}
