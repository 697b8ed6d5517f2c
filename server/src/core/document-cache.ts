// A bounded cache of per-document results keyed by the document's text (and the config it was
// checked with). Passed into the engine, never a module global, so tests and servers own theirs.

/**
 * Text held at most, in UTF-16 units of the keys. Each keystroke in a large document adds an
 * entry holding the whole text and its parse (tens of bytes per character), so a bound on the
 * count alone let typing into a 2 MB file fill the heap within a few dozen edits.
 */
const DEFAULT_MAX_CHARS = 16_000_000;

export class DocumentCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly limit = 20_000,
    private readonly maxChars = DEFAULT_MAX_CHARS,
  ) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    if (this.map.delete(key)) this.chars -= key.length;
    this.map.set(key, value);
    this.chars += key.length;
    // The newest entry stays even when it alone is over the budget: its file is the one in use.
    while ((this.map.size > this.limit || this.chars > this.maxChars) && this.map.size > 1) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}
