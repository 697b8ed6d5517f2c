// One copy of each string the workspace index keeps, none of them a slice of a file's text: V8
// keeps a whole text alive for any substring of 13 or more characters taken from it (a "sliced"
// string), so a fact naming `security.istio.io` would hold its file's text for as long as it lives.
import type { Fact } from './facts';

/** Below this length V8 copies a substring anyway (its SlicedString::kMinLength). */
const SLICE_MIN = 13;

/** An independent copy of `s`, sharing no storage with the string it came from. */
function detached(s: string): string {
  return s.length < SLICE_MIN ? s : (JSON.parse(JSON.stringify(s)) as string);
}

export class FactStrings {
  private readonly table = new Map<string, string>();

  /** Distinct strings kept before the table starts over (facts keep theirs; later ones just share less). */
  constructor(private readonly limit = 50_000) {}

  /** The table's copy of `s`: equal strings of different files share one, and none holds a file's text. */
  get(s: string): string {
    let kept = this.table.get(s);
    if (kept === undefined) {
      if (this.table.size >= this.limit) this.table.clear();
      kept = detached(s);
      this.table.set(kept, kept);
    }
    return kept;
  }

  /**
   * Replaces, in place, every string these freshly extracted facts hold (URIs aside) by the table's
   * copy, and every list by one of its exact length.
   */
  adopt(facts: readonly Fact[]): void {
    for (const f of facts) this.walk(f);
  }

  private walk(v: object): void {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') v[i] = this.get(x);
        else if (x !== null && typeof x === 'object') this.walk(x);
      }
      return;
    }
    const o = v as Record<string, unknown>;
    // A site holds its file's URI (one string per file already) and numbers.
    if (typeof o.endCharacter === 'number') return;
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'string') {
        if (k !== 'uri') o[k] = this.get(x);
      } else if (Array.isArray(x)) {
        // Lists built by `push` keep room for 16 more entries or so; the index keeps lists as they are.
        const exact = x.length > 0 ? x.slice() : x;
        o[k] = exact;
        this.walk(exact);
      } else if (x !== null && typeof x === 'object') this.walk(x);
    }
  }
}
