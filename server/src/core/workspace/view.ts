// A read-only snapshot of the workspace index with the lookups rules need: facts by type, by
// namespace, and label matching. Built in one pass over every fact; files in URI order so that
// findings come out the same on every run.
import type { Fact, FactOf, FactType, FileFacts, Labels, NamespaceFact, WorkloadFact } from './facts';

/** Every label of the selector is on the pod with the same value (Kubernetes matchLabels). */
export function labelsMatch(selector: Labels, podLabels: Labels): boolean {
  for (const [k, v] of Object.entries(selector)) if (podLabels[k] !== v) return false;
  return true;
}

export class WorkspaceView {
  readonly files: readonly FileFacts[];
  private readonly byType = new Map<FactType, Fact[]>();
  /** type -> namespace -> facts */
  private readonly byTypeNs = new Map<FactType, Map<string, Fact[]>>();
  /** namespace -> every fact placed in it */
  private readonly byNs = new Map<string, Fact[]>();
  private readonly byUri = new Map<string, FileFacts>();
  private readonly namespacesInUse = new Set<string>();
  private workloadsByLabel: Map<string, WorkloadFact[]> | undefined;
  private readonly memos = new Map<string, unknown>();

  constructor(files: readonly FileFacts[]) {
    this.files = [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (const file of this.files) {
      this.byUri.set(file.uri, file);
      for (const fact of file.facts) {
        push(this.byType, fact.type, fact);
        if (fact.type === 'namespace' && fact.name) this.namespacesInUse.add(fact.name);
        const ns = fact.namespace;
        if (ns === undefined) continue;
        this.namespacesInUse.add(ns);
        push(this.byNs, ns, fact);
        let perNs = this.byTypeNs.get(fact.type);
        if (!perNs) this.byTypeNs.set(fact.type, (perNs = new Map<string, Fact[]>()));
        push(perNs, ns, fact);
      }
    }
  }

  file(uri: string): FileFacts | undefined {
    return this.byUri.get(uri);
  }

  all<T extends FactType>(type: T): readonly FactOf<T>[] {
    return (this.byType.get(type) ?? []) as FactOf<T>[];
  }

  inNamespace<T extends FactType>(type: T, namespace: string): readonly FactOf<T>[] {
    return (this.byTypeNs.get(type)?.get(namespace) ?? []) as FactOf<T>[];
  }

  /** Every fact placed in a namespace, whatever its type. */
  anyInNamespace(namespace: string): readonly Fact[] {
    return this.byNs.get(namespace) ?? [];
  }

  /** The Namespace manifest of that name, when the workspace has one. */
  namespace(name: string): NamespaceFact | undefined {
    return this.all('namespace').find((n) => n.name === name);
  }

  /** Namespaces the workspace knows: declared by a Namespace manifest or used by any resource. */
  knownNamespaces(): ReadonlySet<string> {
    return this.namespacesInUse;
  }

  /** Workloads of a namespace whose pods carry every label of the selector. */
  workloadsMatching(namespace: string, selector: Labels): WorkloadFact[] {
    return this.candidates(selector, namespace).filter((w) => labelsMatch(selector, w.podLabels));
  }

  /** Workloads in any namespace whose pods carry every label of the selector (Gateway selectors). */
  workloadsMatchingAnywhere(selector: Labels): WorkloadFact[] {
    return this.candidates(selector, undefined).filter((w) => labelsMatch(selector, w.podLabels));
  }

  /**
   * A value computed once per snapshot (e.g. a workload's effective mTLS mode): rules ask the same
   * question for the same pods many times, and the answers cannot change until the index does.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** The workloads carrying the selector's rarest label: a small superset of the matches. */
  private candidates(selector: Labels, namespace: string | undefined): readonly WorkloadFact[] {
    const scope = namespace === undefined ? this.all('workload') : this.inNamespace('workload', namespace);
    const entries = Object.entries(selector);
    if (entries.length === 0) return scope;
    if (!this.workloadsByLabel) {
      const map = new Map<string, WorkloadFact[]>();
      for (const w of this.all('workload')) {
        for (const [k, v] of Object.entries(w.podLabels)) {
          for (const key of [`${k}=${v}`, `${w.namespace ?? ''}\u0000${k}=${v}`]) {
            const list = map.get(key);
            if (list) list.push(w);
            else map.set(key, [w]);
          }
        }
      }
      this.workloadsByLabel = map;
    }
    let best: readonly WorkloadFact[] | undefined;
    for (const [k, v] of entries) {
      const list = this.workloadsByLabel.get(namespace === undefined ? `${k}=${v}` : `${namespace}\u0000${k}=${v}`) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? scope;
  }

  /** Whether the namespace holds anything of these types (evidence that the workspace covers it). */
  hasAny(namespace: string, ...types: FactType[]): boolean {
    return types.some((t) => this.inNamespace(t, namespace).length > 0);
  }
}

function push<K>(map: Map<K, Fact[]>, key: K, fact: Fact): void {
  const list = map.get(key);
  if (list) list.push(fact);
  else map.set(key, [fact]);
}
