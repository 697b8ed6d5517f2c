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
  private readonly byTypeNs = new Map<string, Fact[]>();
  private readonly byUri = new Map<string, FileFacts>();
  private namespacesInUse: Set<string> | undefined;

  constructor(files: readonly FileFacts[]) {
    this.files = [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (const file of this.files) {
      this.byUri.set(file.uri, file);
      for (const fact of file.facts) {
        push(this.byType, fact.type, fact);
        if (fact.namespace !== undefined) push(this.byTypeNs, `${fact.type}\u0000${fact.namespace}`, fact);
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
    return (this.byTypeNs.get(`${type}\u0000${namespace}`) ?? []) as FactOf<T>[];
  }

  /** The Namespace manifest of that name, when the workspace has one. */
  namespace(name: string): NamespaceFact | undefined {
    return this.all('namespace').find((n) => n.name === name);
  }

  /** Namespaces the workspace knows: declared by a Namespace manifest or used by any resource. */
  knownNamespaces(): ReadonlySet<string> {
    if (!this.namespacesInUse) {
      const s = new Set<string>();
      for (const file of this.files) {
        for (const f of file.facts) {
          if (f.namespace !== undefined) s.add(f.namespace);
          if (f.type === 'namespace' && f.name) s.add(f.name);
        }
      }
      this.namespacesInUse = s;
    }
    return this.namespacesInUse;
  }

  /** Workloads of a namespace whose pods carry every label of the selector. */
  workloadsMatching(namespace: string, selector: Labels): WorkloadFact[] {
    return this.inNamespace('workload', namespace).filter((w) => labelsMatch(selector, w.podLabels));
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
