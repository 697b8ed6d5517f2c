// An independent judge of a fixed text, built on the YAML library directly (not on meshlint's own
// verifier): same documents, no new syntax error, comments kept, and data changed only in one place
// per fix, never through an alias and never by turning a mapping or list into something else.
import { parseAllDocuments, isAlias, isMap, isScalar, isSeq, isCollection, type Document, type Node } from 'yaml';

type Path = (string | number)[];
interface Change {
  doc: number;
  path: Path;
  kind: 'changed' | 'added' | 'removed';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function changes(a: unknown, b: unknown, doc: number, path: Path, out: Change[]): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) out.push({ doc, path: [...path, i], kind: 'added' });
      else if (i >= b.length) out.push({ doc, path: [...path, i], kind: 'removed' });
      else changes(a[i], b[i], doc, [...path, i], out);
    }
  } else if (isRecord(a) && isRecord(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in a)) out.push({ doc, path: [...path, k], kind: 'added' });
      else if (!(k in b)) out.push({ doc, path: [...path, k], kind: 'removed' });
      else changes(a[k], b[k], doc, [...path, k], out);
    }
  } else {
    out.push({ doc, path, kind: 'changed' });
  }
}

/** The node at `path`, or 'alias' when the way there (or the node itself) is an alias. */
function nodeAt(doc: Document, path: Path): Node | 'alias' | undefined {
  let node = doc.contents;
  for (const seg of path) {
    if (isAlias(node)) return 'alias';
    if (isMap(node)) {
      const pair = node.items.find((p) => (isAlias(p.key) ? false : isScalar(p.key) && String(p.key.value) === String(seg)));
      node = (pair?.value as Node | undefined) ?? null;
    } else if (isSeq(node)) {
      node = (node.items[Number(seg)] as Node | undefined) ?? null;
    } else {
      return undefined;
    }
  }
  if (isAlias(node)) return 'alias';
  return node ?? undefined;
}

/** Comments as written (`# ...` after white space or at a line start), trimmed. */
export function commentsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|[ \t])(#[^\r\n]*)/gm)].map((m) => m[1].trim());
}

/**
 * Why `after` is not a safe result of fixing `before`, or undefined. With `single`, the change
 * must be one fix's: at most one value rewritten, everything else added or removed next to it.
 */
export function fixedTextProblem(before: string, after: string, single: boolean): string | undefined {
  const was = parseAllDocuments(before);
  const now = parseAllDocuments(after);
  if (!Array.isArray(was) || !Array.isArray(now)) return 'the text is not a YAML stream';
  if (was.length !== now.length) return `${was.length} documents became ${now.length}`;
  const found: Change[] = [];
  for (let i = 0; i < was.length; i++) {
    if (now[i].errors.length > was[i].errors.length)
      return `document ${i + 1} no longer parses: ${now[i].errors[0].message.split('\n')[0]}`;
    if (was[i].errors.length > 0) continue;
    changes(was[i].toJS({ maxAliasCount: -1 }), now[i].toJS({ maxAliasCount: -1 }), i, [], found);
  }
  for (const c of found) {
    const where = `document ${c.doc + 1} at ${c.path.join('.') || 'its root'}`;
    const old = nodeAt(was[c.doc], c.path);
    if (old === 'alias' || nodeAt(now[c.doc], c.path) === 'alias') return `${where} changed through an alias`;
    if (c.kind === 'changed' && old && isCollection(old)) return `${where}: a ${isMap(old) ? 'mapping' : 'list'} was replaced`;
  }
  if (single && found.length > 0) {
    if (found.filter((c) => c.kind === 'changed').length > 1)
      return `one fix rewrote ${found.length} values: ${found.map((c) => c.path.join('.')).join(', ')}`;
    const parent = (c: Change): string => `${c.doc}:${c.path.slice(0, -1).join('.')}`;
    if (found.some((c) => parent(c) !== parent(found[0])))
      return `one fix changed unrelated places: ${found.map((c) => c.path.join('.')).join(', ')}`;
  }
  const kept = commentsOf(after);
  const lost = commentsOf(before).find((c) => !kept.includes(c));
  return lost === undefined ? undefined : `the comment "${lost}" was lost`;
}
