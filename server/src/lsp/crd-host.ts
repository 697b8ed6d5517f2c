// Keeps the server's schema registry in step with the workspace's CRDs: hears that their texts may
// have changed, and once changes pause, rebuilds the registry if the texts differ and hands it over.
// Building takes most of a second for all Istio and cert-manager CRDs, so it never runs per keystroke.
import type { SchemaBundle, SchemaRegistry } from '../core/schema';
import { crdSetKey, registryWithCrds } from '../core/crd/crd-registry';
import type { CrdText } from '../core/crd/read-crds';
import type { RulesClock } from './rules-cache';

/** Changes closer together than this make one rebuild. */
export const CRD_REBUILD_DELAY_MS = 300;

export interface CrdHostDeps {
  builtin: SchemaBundle;
  /** Every CRD text of the workspace, in the order later wins; undefined while a folder is being scanned. */
  texts(): CrdText[] | undefined;
  /** The registry to check with from now on; undefined means the built-in schemas. */
  swap(registry: SchemaRegistry | undefined): void;
  log(message: string): void;
  timers: Pick<RulesClock, 'setTimer' | 'clearTimer'>;
}

export class CrdRegistryHost {
  private last: readonly CrdText[] = [];
  private lastKey = '';
  private timer: unknown;

  constructor(private readonly deps: CrdHostDeps) {}

  /** The CRD texts may have changed: rebuild after a pause, if they did. */
  changed(): void {
    if (this.timer !== undefined) this.deps.timers.clearTimer(this.timer);
    this.timer = this.deps.timers.setTimer(() => {
      this.timer = undefined;
      this.rebuild();
    }, CRD_REBUILD_DELAY_MS);
  }

  private rebuild(): void {
    const texts = this.deps.texts();
    if (texts === undefined || sameTexts(texts, this.last)) return;
    this.last = texts;
    const built = registryWithCrds(this.deps.builtin, texts);
    const key = crdSetKey(built.crds);
    if (built.crds.length === 0) {
      if (this.lastKey === '') return;
      this.lastKey = '';
      this.deps.log('no Istio or cert-manager CRDs left in the workspace: checking against the built-in schemas');
      this.deps.swap(undefined);
      return;
    }
    if (key !== this.lastKey) {
      const kinds = built.crds.map((c) => `${c.kind}.${c.group} (${c.source})`).sort();
      this.deps.log(`checking ${built.crds.length} kinds against the workspace's CRDs: ${kinds.join(', ')}`);
    }
    this.lastKey = key;
    for (const note of built.notes) this.deps.log(`CRD note: ${note}`);
    this.deps.swap(built.registry);
  }
}

/** Same sources and texts in the same order (a text unchanged since the last read is the same string, compared at once). */
function sameTexts(a: readonly CrdText[], b: readonly CrdText[]): boolean {
  return a.length === b.length && a.every((t, i) => t.source === b[i].source && t.text === b[i].text);
}
