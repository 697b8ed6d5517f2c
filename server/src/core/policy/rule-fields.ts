// Which AuthorizationPolicy fields need HTTP (sidecar RBAC on a TCP port cannot read them:
// authz/model/model.go) and which ztunnel can enforce at L4 (serviceregistry/ambient/authorization.go
// l4WhenAttributes and the source/operation fields it converts), and what is left of a rule once the
// fields a proxy cannot read are dropped.
import type { RuleField, RuleView } from './types';

const HTTP_ONLY_FIELDS = new Set([
  'requestPrincipals',
  'notRequestPrincipals',
  'hosts',
  'notHosts',
  'methods',
  'notMethods',
  'paths',
  'notPaths',
]);

export function isHttpOnly(f: RuleField, inWhen: boolean): boolean {
  if (!inWhen) return HTTP_ONLY_FIELDS.has(f.name);
  return f.name.startsWith('request.headers') || f.name.startsWith('request.auth.');
}

const L4_SOURCE = new Set([
  'ipBlocks',
  'notIpBlocks',
  'namespaces',
  'notNamespaces',
  'serviceAccounts',
  'notServiceAccounts',
  'principals',
  'notPrincipals',
]);
const L4_OPERATION = new Set(['ports', 'notPorts']);
/** ztunnel's l4WhenAttributes (ambient/authorization.go): the only `when` keys it converts. */
export const L4_WHEN: ReadonlySet<string> = new Set([
  'source.ip',
  'source.namespace',
  'source.principal',
  'destination.ip',
  'destination.port',
]);

export function isL4(f: RuleField, where: 'from' | 'to' | 'when'): boolean {
  return where === 'from' ? L4_SOURCE.has(f.name) : where === 'to' ? L4_OPERATION.has(f.name) : L4_WHEN.has(f.name);
}

export interface Reduced {
  /** Names of the dropped fields, e.g. `to[0].operation.methods`. */
  dropped: string[];
  /** Clauses left with no field at all, per side (a source/operation that no longer constrains). */
  emptyFrom: boolean;
  emptyTo: boolean;
  /** Fields kept. */
  kept: { from?: RuleField[][]; to?: RuleField[][]; when: RuleField[] };
}

/** The rule with every field `keep` rejects removed. */
export function reduceRule(rule: RuleView, keep: (f: RuleField, where: 'from' | 'to' | 'when') => boolean): Reduced {
  const dropped: string[] = [];
  const side = (clauses: RuleView['from'], where: 'from' | 'to'): RuleField[][] | undefined =>
    clauses?.map((c) =>
      c.fields.filter((f) => {
        const ok = keep(f, where);
        if (!ok) dropped.push(f.path);
        return ok;
      }),
    );
  const from = side(rule.from, 'from');
  const to = side(rule.to, 'to');
  const when = rule.when.filter((f) => {
    const ok = keep(f, 'when');
    if (!ok) dropped.push(`${f.path} (${f.name})`);
    return ok;
  });
  return {
    dropped: [...new Set(dropped)],
    emptyFrom: (from ?? []).some((c) => c.length === 0),
    emptyTo: (to ?? []).some((c) => c.length === 0),
    kept: { from, to, when },
  };
}

/** Can the kept `ports`/`notPorts` of every `to` clause rule out this workload port? */
export function portExcluded(kept: Reduced['kept'], port: number): boolean {
  if (!kept.to || kept.to.length === 0) return false;
  return kept.to.every((fields) =>
    fields.some((f) => {
      const values = f.values.map((v) => v.value);
      if (f.name === 'ports') return !values.includes(String(port));
      if (f.name === 'notPorts') return values.includes(String(port));
      return false;
    }),
  );
}

/** After dropping, does the rule match any connection (no constraint left on some path)? */
export function matchesEverything(r: Reduced): boolean {
  // An empty list is no list: protobuf decoding leaves `from: []` nil, so Istio reads it as absent.
  const open = (side: RuleField[][] | undefined): boolean => side === undefined || side.length === 0 || side.some((c) => c.length === 0);
  const fromOpen = open(r.kept.from);
  const toOpen = open(r.kept.to);
  return fromOpen && toOpen && r.kept.when.length === 0;
}
