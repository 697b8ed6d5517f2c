// Which document rules run on a kind, and the one rule a fix verification re-runs: worked out once
// per rule list and remembered, instead of testing every rule's kinds for every document (about 90
// rules, most of them for one or two kinds).
import type { DocumentRule } from './rules/lib/rule';

interface Selection {
  byKind: Map<string, readonly DocumentRule[]>;
  byId: Map<string, readonly DocumentRule[]>;
}

const selections = new WeakMap<readonly DocumentRule[], Selection>();

/** Kinds are read from documents, so a session typing kind names could add entries without end. */
const MAX_KINDS = 256;

function selectionOf(rules: readonly DocumentRule[]): Selection {
  let s = selections.get(rules);
  if (!s) selections.set(rules, (s = { byKind: new Map(), byId: new Map() }));
  return s;
}

/** The rules that look at `kindKey` (`group/Kind`), in the list's order. */
export function rulesForKind(rules: readonly DocumentRule[], kindKey: string): readonly DocumentRule[] {
  const byKind = selectionOf(rules).byKind;
  let out = byKind.get(kindKey);
  if (out) return out;
  if (byKind.size >= MAX_KINDS) byKind.clear();
  byKind.set(kindKey, (out = rules.filter((r) => !r.kinds || r.kinds.includes(kindKey))));
  return out;
}

/** The rules with this id (one, or none for a finding that no rule of the list made). */
export function rulesWithId(rules: readonly DocumentRule[], id: string): readonly DocumentRule[] {
  const byId = selectionOf(rules).byId;
  let out = byId.get(id);
  if (!out) byId.set(id, (out = rules.filter((r) => r.meta.id === id)));
  return out;
}
