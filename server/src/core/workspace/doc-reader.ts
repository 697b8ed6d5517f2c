// Reads one parsed document for fact extraction: typed access to its plain value and the file
// position (offset, line, column) of any key or value in it.
import { keySpan, locate, nearestSpan, valueSpan, type PathSegment } from '../locate';
import { parseYaml, type YNode } from '../parse';
import { asRecord } from '../resources';
import { editableScalar } from '../scalar-edit';
import { LineIndex } from '../line-index';
import type { Labels, Site, ValueRef } from './facts';

export class DocReader {
  constructor(
    readonly uri: string,
    readonly value: Record<string, unknown>,
    private readonly root: YNode | null,
    /** Offset of the document in its file. */
    private readonly offset: number,
    /** The document's own lines (offsets from its start). */
    protected readonly lines: () => LineIndex,
    /** The file line the document starts on (documents start at line starts, so columns need no shift). */
    private readonly line = 0,
  ) {}

  /**
   * A reader over YAML written inside a string value (the `istio` ConfigMap's `data.mesh`). Sites
   * point into the outer file for a literal block scalar (`|`), whose lines map one to one;
   * other styles fall back to the string's own place.
   */
  embedded(path: readonly PathSegment[]): DocReader | undefined {
    const text = this.str(path);
    const outer = this.site(path);
    if (text === undefined || !outer) return undefined;
    const parsed = parseYaml(text);
    const value = asRecord(parsed.value);
    if (!value) return undefined;
    const inner = new LineIndex(text);
    const lines = this.lines();
    const header = lines.text.slice(outer.start - this.offset, outer.end - this.offset);
    const literal = /^\|[-+0-9]*[ \t]*(#[^\n]*)?\r?\n/.test(header);
    const firstLine = outer.line - this.line + 1;
    const indent = literal ? (/\n([ ]*)\S/.exec(header)?.[1].length ?? 0) : 0;
    const map = (at: number): number => {
      const p = inner.position(at);
      return lines.offset(firstLine + p.line, indent + p.character);
    };
    const parent = this.toSite.bind(this);
    const fallback = (): Site => outer;
    return new (class extends DocReader {
      override toSite(start: number, end: number): Site {
        return literal ? parent(map(start), map(end)) : fallback();
      }
    })(this.uri, value, parsed.root, 0, () => inner);
  }

  /** The key or value at exactly this path; undefined when the path is not written. */
  site(path: readonly PathSegment[], on: 'key' | 'value' = 'value'): Site | undefined {
    const loc = locate(this.root, path);
    if (!loc) return undefined;
    const span = on === 'key' ? keySpan(loc) : valueSpan(loc);
    return span ? this.toSite(span.start, span.end) : undefined;
  }

  /**
   * The text inside a quoted scalar (the whole scalar when plain), for edits that keep the quotes;
   * undefined for a block scalar (its range ends in a line break) or text an alias shares.
   */
  innerSite(path: readonly PathSegment[]): Site | undefined {
    const v = editableScalar(this.root, path);
    if (!v || v.style === 'block') return undefined;
    const quoted = (v.style === 'single' || v.style === 'double') && v.end - v.start >= 2;
    return quoted ? this.toSite(v.start + 1, v.end - 1) : this.toSite(v.start, v.end);
  }

  /** Like `site`, falling back to the closest written ancestor (never undefined for a real document). */
  nearest(path: readonly PathSegment[], on: 'key' | 'value' = 'value'): Site {
    const span = nearestSpan(this.root, path, on) ?? { start: 0, end: 0 };
    return this.toSite(span.start, span.end);
  }

  toSite(start: number, end: number): Site {
    const lines = this.lines();
    const s = lines.position(start);
    const e = lines.position(end);
    return {
      uri: this.uri,
      start: this.offset + start,
      end: this.offset + end,
      line: s.line + this.line,
      character: s.character,
      endLine: e.line + this.line,
      endCharacter: e.character,
    };
  }

  /** The plain value at a path. */
  get(path: readonly PathSegment[]): unknown {
    let cur: unknown = this.value;
    for (const seg of path) {
      if (Array.isArray(cur)) cur = typeof seg === 'number' ? cur[seg] : undefined;
      else cur = asRecord(cur)?.[String(seg)];
      if (cur === undefined) return undefined;
    }
    return cur;
  }

  num(path: readonly PathSegment[]): number | undefined {
    const v = this.get(path);
    return typeof v === 'number' ? v : undefined;
  }

  str(path: readonly PathSegment[]): string | undefined {
    const v = this.get(path);
    return typeof v === 'string' ? v : undefined;
  }

  list(path: readonly PathSegment[]): unknown[] {
    const v = this.get(path);
    return Array.isArray(v) ? v : [];
  }

  /** A string value with its place, or undefined when it is not a string. */
  ref(path: readonly PathSegment[]): ValueRef | undefined {
    const value = this.str(path);
    if (value === undefined) return undefined;
    return { value, site: this.nearest(path, 'value') };
  }

  /** Every string of a list, each with its place. */
  refs(path: readonly PathSegment[]): ValueRef[] {
    const out: ValueRef[] = [];
    this.list(path).forEach((v, i) => {
      if (typeof v === 'string') out.push({ value: v, site: this.nearest([...path, i], 'value') });
    });
    return out;
  }

  /** A label map with string values (numbers and booleans are kept as written by YAML). */
  labels(path: readonly PathSegment[]): Labels | undefined {
    const rec = asRecord(this.get(path));
    if (!rec) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(rec))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    return out;
  }
}
