// The workspace index: the facts of every file, keyed by URI. Replacing one file's facts is a map
// write plus an update of the cross-file lookups (`view()`) for that file alone.
import type { FileFacts } from './facts';
import { WorkspaceView } from './view';

export interface IndexLimits {
  /** Files beyond this are not indexed (the rules then see a partial workspace and say less). */
  maxFiles: number;
}

export const DEFAULT_INDEX_LIMITS: IndexLimits = { maxFiles: 50_000 };

export class WorkspaceIndex {
  /** Holds every file's facts too (the index keeps no second map of them: one entry less per file). */
  private readonly lookups = new WorkspaceView();
  /** Increments on every change, so callers can tell whether results they hold are stale. */
  private gen = 0;

  constructor(private readonly limits: IndexLimits = DEFAULT_INDEX_LIMITS) {}

  /** Replaces a file's facts. Returns false when the index is full and the file is new. */
  set(facts: FileFacts): boolean {
    const before = this.lookups.peek(facts.uri);
    if (!before && this.lookups.size >= this.limits.maxFiles) return false;
    // Files without manifests are common (CI configs, Helm values): keep them out of the view.
    if (facts.facts.length === 0 && !before) return true;
    if (facts.facts.length === 0) {
      this.delete(facts.uri);
      return true;
    }
    if (before === facts) return true;
    this.lookups.replace(facts.uri, facts);
    this.gen++;
    return true;
  }

  delete(uri: string): void {
    if (!this.lookups.peek(uri)) return;
    this.lookups.replace(uri, undefined);
    this.gen++;
  }

  get(uri: string): FileFacts | undefined {
    return this.lookups.peek(uri);
  }

  has(uri: string): boolean {
    return this.lookups.peek(uri) !== undefined;
  }

  uris(): string[] {
    return this.lookups.uris();
  }

  get size(): number {
    return this.lookups.size;
  }

  get generation(): number {
    return this.gen;
  }

  /** The lookups over every file; one object, kept current as files change. */
  view(): WorkspaceView {
    return this.lookups;
  }
}
