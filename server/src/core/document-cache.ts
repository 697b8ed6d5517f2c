// A bounded cache of per-document results keyed by the document's text (and the config it was
// checked with). Passed into the engine, never a module global, so tests and servers own theirs.

export class DocumentCache<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit = 20_000) {}

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
    this.map.set(key, value);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}
