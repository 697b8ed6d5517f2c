// Where the cursor writes in a document, worked out from indentation: which map a key typed here
// joins (and which keys it already has), which field a value belongs to, or which list gets an
// item. Reads lines, not a parse tree, so it also works while the YAML is half typed and broken.
import type { PathSegment } from '../locate';
import { isBlankOrComment, isDocumentMarker, readLine, stripComment, unquote, withoutProperties, indentOf, matchKey } from './yaml-lines';

export type Slot = 'key' | 'value' | 'item';

export interface CursorContext {
  /**
   * key: a key of the map at `path`; value: the value of the field at `path`;
   * item: a new list item at `path` (a scalar, or the first key of a map item).
   */
  slot: Slot;
  path: PathSegment[];
  /** What is typed of the current word (without an opening quote). */
  prefix: string;
  /** Offsets in the document text of the word a completion replaces. */
  replaceStart: number;
  replaceEnd: number;
  /** Column where a key typed here starts; nested lines go two columns further in. */
  column: number;
  /** Leading spaces of the cursor's line (editors indent inserted lines relative to it). */
  lineIndent: number;
  /** Keys already present in the map a key typed here joins. */
  presentKeys: Set<string>;
  /** The cursor sits right after `key:`: an inserted value needs a space first. */
  needsSpace: boolean;
  quote?: '"' | "'";
  /** A `:` already follows the word being typed: insert the key name only. */
  keyOnly: boolean;
  /** Scalar values written in the document, by `pathKey(path)`. */
  scalars: Map<string, string>;
}

export function pathKey(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

interface Entry {
  col: number;
  seg: PathSegment;
  id: number;
  item: boolean;
}

/** The open collections above the current line, as indentation tells them. */
class Nesting {
  private readonly stack: Entry[] = [];
  private nextId = 1;

  containerId(): number {
    return this.stack.length ? this.stack[this.stack.length - 1].id : 0;
  }

  path(): PathSegment[] {
    return this.stack.map((e) => e.seg);
  }

  reset(): void {
    this.stack.length = 0;
  }

  /** A `- ` at `col`: closes deeper entries and the previous item of the same list. */
  item(col: number): void {
    while (this.top() && this.top()!.col > col) this.stack.pop();
    let index = 0;
    const t = this.top();
    if (t && t.col === col && t.item) {
      index = (t.seg as number) + 1;
      this.stack.pop();
    }
    this.stack.push({ col, seg: index, id: this.nextId++, item: true });
  }

  /** A key at `col` closes everything at its column or deeper (siblings and their children). */
  closeTo(col: number): void {
    while (this.top() && this.top()!.col >= col) this.stack.pop();
  }

  key(col: number, name: string): void {
    this.stack.push({ col, seg: name, id: this.nextId++, item: false });
  }

  private top(): Entry | undefined {
    return this.stack[this.stack.length - 1];
  }
}

interface LineSpan {
  start: number;
  text: string;
}

function splitLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const raw = text.slice(start, nl);
    out.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
    start = nl + 1;
  }
  return out;
}

const VALUE_WORD = /^[^\s#"',\]}]*/;
const KEY_WORD = /^[^\s:#"']*/;

/** The cursor's context in one YAML document's text; undefined where nothing sensible can be typed. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lines = splitLines(text);
  const nesting = new Nesting();
  const keys = new Map<number, Set<string>>();
  const scalars = new Map<string, string>();
  let skipDeeperThan: number | undefined;
  let ctx: CursorContext | undefined;
  let targetId = -1;
  let cursorSeen = false;

  const addKey = (id: number, name: string): void => {
    let set = keys.get(id);
    if (!set) keys.set(id, (set = new Set()));
    set.add(name);
  };

  for (const line of lines) {
    const end = line.start + line.text.length;
    const isCursorLine = !cursorSeen && offset >= line.start && offset <= end;
    if (isCursorLine) {
      cursorSeen = true;
      const col = offset - line.start;
      // Deeper than a key that already has a value on its line: inside a block or multi-line scalar.
      if (skipDeeperThan !== undefined && indentOf(line.text.slice(0, col)) > skipDeeperThan) return undefined;
      skipDeeperThan = undefined;
      const found = atCursor(line, col, nesting);
      if (!found) return undefined;
      ctx = found.ctx;
      targetId = found.targetId;
      continue;
    }
    if (isBlankOrComment(line.text)) continue;
    if (skipDeeperThan !== undefined) {
      if (indentOf(line.text) > skipDeeperThan) continue;
      skipDeeperThan = undefined;
    }
    if (isDocumentMarker(line.text)) {
      nesting.reset();
      continue;
    }
    const l = readLine(line.text);
    for (const d of l.dashes) nesting.item(d);
    if (l.key) {
      nesting.closeTo(l.key.col);
      addKey(nesting.containerId(), l.key.name);
      if (l.rest !== '') {
        if (!/^[|>[{]/.test(l.rest)) scalars.set(pathKey([...nesting.path(), l.key.name]), unquote(l.rest));
        skipDeeperThan = l.key.col;
      }
      nesting.key(l.key.col, l.key.name);
    } else if (l.dashes.length > 0 && l.rest !== '') {
      if (!/^[|>[{]/.test(l.rest)) scalars.set(pathKey(nesting.path()), unquote(l.rest));
      skipDeeperThan = l.dashes[l.dashes.length - 1];
    } else if (l.rest !== '') {
      // A continuation of a multi-line scalar, or text that is not YAML structure yet.
      skipDeeperThan = l.indent;
    }
  }
  if (!ctx) return undefined;
  ctx.presentKeys = keys.get(targetId) ?? new Set();
  ctx.scalars = scalars;
  return ctx;
}

function atCursor(line: LineSpan, col: number, nesting: Nesting): { ctx: CursorContext; targetId: number } | undefined {
  const before = line.text.slice(0, col);
  const after = line.text.slice(col);
  if (stripComment(before) !== before) return undefined;
  if (isDocumentMarker(before) && before.length >= 3) return undefined;
  const l = readLine(before);
  const lineIndent = l.indent;
  const base = { lineIndent, presentKeys: new Set<string>(), scalars: new Map<string, string>(), needsSpace: false, keyOnly: false };

  for (const d of l.dashes) nesting.item(d);
  const content = before.slice(l.contentCol);
  const key = matchKey(content);
  if (key) {
    // `key: typed` — completing the value.
    nesting.closeTo(l.contentCol);
    const raw = content.slice(key.length);
    const typed = withoutProperties(raw.trimStart());
    if (/^[|>[{]/.test(typed)) return undefined;
    const quote: CursorContext['quote'] = typed[0] === '"' || typed[0] === "'" ? typed[0] : undefined;
    const prefix = quote ? typed.slice(1) : typed;
    const wordAfter = VALUE_WORD.exec(after)?.[0] ?? '';
    const ctx: CursorContext = {
      ...base,
      slot: 'value',
      path: [...nesting.path(), key.name],
      prefix,
      replaceStart: line.start + col - prefix.length,
      replaceEnd: line.start + col + wordAfter.length,
      column: l.contentCol,
      needsSpace: raw.length === 0,
      quote,
    };
    nesting.key(l.contentCol, key.name);
    return { ctx, targetId: -1 };
  }
  if (/[:{}[\]]/.test(content) || (content.includes(' ') && l.dashes.length === 0)) return undefined;
  const quote: CursorContext['quote'] = content[0] === '"' || content[0] === "'" ? content[0] : undefined;
  const prefix = quote ? content.slice(1) : content;
  const wordAfter = (quote ? VALUE_WORD : KEY_WORD).exec(after)?.[0] ?? '';
  const keyOnly = /^\s*:(\s|$)/.test(after.slice(wordAfter.length));
  const common = {
    ...base,
    prefix,
    replaceStart: line.start + col - prefix.length,
    replaceEnd: line.start + col + wordAfter.length,
    column: l.contentCol,
    keyOnly,
    quote,
  };
  if (l.dashes.length > 0) return { ctx: { ...common, slot: 'item', path: nesting.path() }, targetId: nesting.containerId() };
  nesting.closeTo(l.contentCol);
  return { ctx: { ...common, slot: 'key', path: nesting.path() }, targetId: nesting.containerId() };
}
