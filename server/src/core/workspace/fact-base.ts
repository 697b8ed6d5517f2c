// The fields every fact starts with, and how a fact is built on them without an object spread.
import type { Fact } from './facts';

export type BaseFields = Pick<Fact, 'uri' | 'group' | 'kind' | 'name' | 'namespace' | 'site' | 'namespaceSite' | 'docEnd' | 'created'>;

/**
 * `{ ...base, ...fields }`, keys in the same order. V8 copies a spread whose source has had
 * several shapes through a path that gives every result a hidden class of its own (~350 bytes
 * more per fact in the index, several times the time to build), and `Object.assign({}, ...)`
 * turns a fact with over 16 fields into a slow dictionary; a literal of the base fields, then
 * `Object.assign`, keeps shared hidden classes and fast properties for every kind of fact.
 */
export function onBase<F extends Fact>(base: BaseFields, fields: Omit<F, keyof BaseFields> & Partial<BaseFields>): F {
  const fact = {
    uri: base.uri,
    group: base.group,
    kind: base.kind,
    name: base.name,
    namespace: base.namespace,
    site: base.site,
    namespaceSite: base.namespaceSite,
    docEnd: base.docEnd,
    ...(base.created !== undefined ? { created: base.created } : {}),
  };
  return Object.assign(fact, fields) as F;
}
