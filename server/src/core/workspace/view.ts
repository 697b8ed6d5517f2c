// The workspace index's lookups for rules: facts by type, by namespace, and label matching. Kept
// up to date file by file (replacing a file's facts touches only the lists it is in), and it
// records which lists each reader used and when each list last changed, so a rules run can tell
// which rules read nothing that changed since their last run.
import type { Fact, FactOf, FactType, FileFacts, Labels, NamespaceFact, WorkloadFact } from './facts';
import { Bucket, keysOf, namesInUse, readKey } from './view-buckets';

const FILE_KEY = readKey.file('');

/** Every label of the selector is on the pod with the same value (Kubernetes matchLabels). */
export function labelsMatch(selector: Labels, podLabels: Labels): boolean {
  for (const [k, v] of Object.entries(selector)) if (podLabels[k] !== v) return false;
  return true;
}

export class WorkspaceView {
  private readonly buckets = new Map<string, Bucket>();
  private readonly byUri = new Map<string, FileFacts>();
  private sortedFiles: FileFacts[] | undefined;
  /** Namespace name -> how many facts put it in use. */
  private readonly nameUses = new Map<string, number>();
  private readonly namespacesInUse = new Set<string>();
  private workloadsByLabel: Map<string, WorkloadFact[]> | undefined;
  private readonly memos = new Map<string, { value: unknown; keys: ReadonlySet<string> }>();
  /** Read key -> the version at which what it lists last changed. */
  private readonly changedAt = new Map<string, number>();
  /** The same for `readKey.file(uri)`, by the URI itself: a key string per file would be one more string per indexed file. */
  private readonly fileChangedAt = new Map<string, number>();
  /**
   * The last version at which a file left the view. A removed file's entry above is dropped (a
   * long-lived server meets many URIs), so a file key with no entry counts as changed then: a
   * reader that saw the file before it went is re-run, and one that looked for an absent file only
   * re-runs more often than it must.
   */
  private lastRemoval = 0;
  private ver = 0;
  /** Keys read by the reader being recorded (see `recording`). */
  private reading: Set<string> | undefined;

  constructor(files: readonly FileFacts[] = []) {
    for (const file of files) this.replace(file.uri, file);
  }

  /** Increments whenever what a reader could see changes. */
  get version(): number {
    return this.ver;
  }

  /** Sets one file's facts (undefined removes the file). */
  replace(uri: string, file: FileFacts | undefined): void {
    const before = this.byUri.get(uri);
    if (before === file) return;
    this.ver++;
    if (file) this.byUri.set(uri, file);
    else this.byUri.delete(uri);
    this.sortedFiles = undefined;
    this.mark(readKey.files);
    if (file) this.fileChangedAt.set(uri, this.ver);
    else {
      this.fileChangedAt.delete(uri);
      this.lastRemoval = this.ver;
    }
    const oldGroups = groupByKey(before?.facts ?? []);
    const newGroups = groupByKey(file?.facts ?? []);
    for (const key of new Set([...oldGroups.keys(), ...newGroups.keys()])) {
      const next = newGroups.get(key) ?? [];
      if (sameFacts(oldGroups.get(key) ?? [], next)) continue;
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Bucket()));
      bucket.set(uri, next);
      if (bucket.empty) this.buckets.delete(key);
      this.mark(key);
      if (key === readKey.type('workload')) this.workloadsByLabel = undefined;
    }
    for (const f of before?.facts ?? []) for (const n of namesInUse(f)) this.countName(n, -1);
    for (const f of file?.facts ?? []) for (const n of namesInUse(f)) this.countName(n, 1);
    // Memos may read anything; they are recomputed after any change.
    this.memos.clear();
  }

  /** Whether any of these read keys changed after `version`. */
  changedSince(keys: Iterable<string>, version: number): boolean {
    for (const k of keys) if ((this.changedAtOf(k) ?? 0) > version) return true;
    return false;
  }

  /** Runs `read` and returns what it returned with the keys of everything it looked at. */
  recording<T>(read: () => T): { value: T; keys: Set<string> } {
    const outer = this.reading;
    const keys = new Set<string>();
    this.reading = keys;
    try {
      return { value: read(), keys };
    } finally {
      this.reading = outer;
      if (outer) for (const k of keys) outer.add(k);
    }
  }

  /** Every file with facts, in URI order. */
  get files(): readonly FileFacts[] {
    this.read(readKey.files);
    this.sortedFiles ??= [...this.byUri.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return this.sortedFiles;
  }

  /** A file's facts, for the index itself: not recorded as a rule's read. */
  peek(uri: string): FileFacts | undefined {
    return this.byUri.get(uri);
  }

  /** Indexed URIs in the order they were first indexed (not recorded). */
  uris(): string[] {
    return [...this.byUri.keys()];
  }

  get size(): number {
    return this.byUri.size;
  }

  file(uri: string): FileFacts | undefined {
    this.read(readKey.file(uri));
    return this.byUri.get(uri);
  }

  all<T extends FactType>(type: T): readonly FactOf<T>[] {
    return this.list(readKey.type(type)) as FactOf<T>[];
  }

  inNamespace<T extends FactType>(type: T, namespace: string): readonly FactOf<T>[] {
    return this.list(readKey.typeIn(type, namespace)) as FactOf<T>[];
  }

  /** Every fact placed in a namespace, whatever its type. */
  anyInNamespace(namespace: string): readonly Fact[] {
    return this.list(readKey.namespace(namespace));
  }

  /** The Namespace manifest of that name, when the workspace has one. */
  namespace(name: string): NamespaceFact | undefined {
    return this.all('namespace').find((n) => n.name === name);
  }

  /** Namespaces the workspace knows: declared by a Namespace manifest or used by any resource. */
  knownNamespaces(): ReadonlySet<string> {
    this.read(readKey.known);
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
   * A value computed once per version of the view (e.g. a workload's effective mTLS mode): rules
   * ask the same question for the same pods many times, and the answers cannot change until the
   * index does. A later reader of the memo is recorded as reading what its computation read.
   */
  memo<T>(key: string, compute: () => T): T {
    const known = this.memos.get(key);
    if (known) {
      if (this.reading) for (const k of known.keys) this.reading.add(k);
      return known.value as T;
    }
    const { value, keys } = this.recording(compute);
    this.memos.set(key, { value, keys });
    return value;
  }

  /** Whether the namespace holds anything of these types (evidence that the workspace covers it). */
  hasAny(namespace: string, ...types: FactType[]): boolean {
    return types.some((t) => this.inNamespace(t, namespace).length > 0);
  }

  /** The workloads carrying the selector's rarest label: a small superset of the matches. */
  private candidates(selector: Labels, namespace: string | undefined): readonly WorkloadFact[] {
    const scope = namespace === undefined ? this.all('workload') : this.inNamespace('workload', namespace);
    const entries = Object.entries(selector);
    if (entries.length === 0) return scope;
    this.read(readKey.type('workload'));
    this.workloadsByLabel ??= labelIndex(this.list(readKey.type('workload')) as WorkloadFact[]);
    let best: readonly WorkloadFact[] | undefined;
    for (const [k, v] of entries) {
      const list = this.workloadsByLabel.get(namespace === undefined ? `${k}=${v}` : `${namespace}\u0000${k}=${v}`) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? scope;
  }

  private list(key: string): readonly Fact[] {
    this.read(key);
    return this.buckets.get(key)?.list() ?? [];
  }

  private read(key: string): void {
    this.reading?.add(key);
  }

  private changedAtOf(key: string): number | undefined {
    return key.startsWith(FILE_KEY) ? (this.fileChangedAt.get(key.slice(FILE_KEY.length)) ?? this.lastRemoval) : this.changedAt.get(key);
  }

  private mark(key: string): void {
    this.changedAt.set(key, this.ver);
  }

  private countName(name: string, delta: number): void {
    const count = (this.nameUses.get(name) ?? 0) + delta;
    if (count > 0) this.nameUses.set(name, count);
    else this.nameUses.delete(name);
    if (count > 0 === this.namespacesInUse.has(name)) return;
    if (count > 0) this.namespacesInUse.add(name);
    else this.namespacesInUse.delete(name);
    this.mark(readKey.known);
  }
}

function groupByKey(facts: readonly Fact[]): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    for (const key of keysOf(fact)) {
      const list = groups.get(key);
      if (list) list.push(fact);
      else groups.set(key, [fact]);
    }
  }
  return groups;
}

function sameFacts(a: readonly Fact[], b: readonly Fact[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

/** Workloads by `label=value`, across namespaces and within each. */
function labelIndex(workloads: readonly WorkloadFact[]): Map<string, WorkloadFact[]> {
  const map = new Map<string, WorkloadFact[]>();
  for (const w of workloads) {
    for (const [k, v] of Object.entries(w.podLabels)) {
      for (const key of [`${k}=${v}`, `${w.namespace ?? ''}\u0000${k}=${v}`]) {
        const list = map.get(key);
        if (list) list.push(w);
        else map.set(key, [w]);
      }
    }
  }
  return map;
}
