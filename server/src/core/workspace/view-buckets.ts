// Facts grouped under one key (a type, a type in a namespace, a namespace), kept per file in URI
// order so that replacing one file's facts touches one entry and the flat list is rebuilt only
// when someone reads it. The URI order makes findings come out the same on every run.
import type { Fact } from './facts';

export class Bucket {
  /**
   * Each file's URI and its facts under this key, in URI order: a file's one fact is kept as it is,
   * several as a list. Two parallel lists instead of an entry object and a list per file, which at
   * tens of thousands of files is a sizeable share of the index (a file is in three buckets or more).
   */
  private readonly uris: string[] = [];
  private readonly facts: (Fact | readonly Fact[])[] = [];
  private flat: Fact[] | undefined;

  /** Sets one file's facts under this key (none removes the file). */
  set(uri: string, facts: readonly Fact[]): void {
    const i = this.indexOf(uri);
    const found = i < this.uris.length && this.uris[i] === uri;
    const kept = facts.length === 1 ? facts[0] : [...facts];
    if (facts.length === 0) {
      if (found) {
        this.uris.splice(i, 1);
        this.facts.splice(i, 1);
      }
    } else if (found) this.facts[i] = kept;
    else {
      this.uris.splice(i, 0, uri);
      this.facts.splice(i, 0, kept);
    }
    this.flat = undefined;
  }

  get empty(): boolean {
    return this.uris.length === 0;
  }

  list(): readonly Fact[] {
    if (!this.flat) {
      const flat: Fact[] = [];
      for (const e of this.facts) {
        if (Array.isArray(e)) for (const f of e as readonly Fact[]) flat.push(f);
        else flat.push(e as Fact);
      }
      this.flat = flat;
    }
    return this.flat;
  }

  /** First file whose URI is not before `uri` (binary search). */
  private indexOf(uri: string): number {
    let lo = 0;
    let hi = this.uris.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.uris[mid] < uri) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Keys of what a rule may read; a change to a file marks the keys of the facts it added or removed. */
export const readKey = {
  type: (type: string): string => `t\u0000${type}`,
  typeIn: (type: string, namespace: string): string => `tn\u0000${type}\u0000${namespace}`,
  namespace: (namespace: string): string => `n\u0000${namespace}`,
  file: (uri: string): string => `f\u0000${uri}`,
  /** The list of every file. */
  files: 'files',
  /** The set of namespace names in use. */
  known: 'known',
} as const;

/** The keys under which a fact is listed (and which change when it comes or goes). */
export function keysOf(fact: Fact): string[] {
  const keys = [readKey.type(fact.type)];
  if (fact.namespace !== undefined) keys.push(readKey.typeIn(fact.type, fact.namespace), readKey.namespace(fact.namespace));
  return keys;
}

/** Names a fact puts in use: its namespace, and a Namespace manifest's own name. */
export function namesInUse(fact: Fact): string[] {
  const names: string[] = [];
  if (fact.type === 'namespace' && fact.name) names.push(fact.name);
  if (fact.namespace !== undefined) names.push(fact.namespace);
  return names;
}
