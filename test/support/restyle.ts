// Rewrites a YAML file in another style that YAML reads back as the same data (block scalars with
// header comments, flow collections, anchors and aliases, quotes, CRLF, a byte order mark, tabs in
// comments, explicit document markers), so fix tests see the shapes authors really write.
import {
  parseAllDocuments,
  visit,
  isAlias,
  isCollection,
  isScalar,
  isMap,
  isSeq,
  type Document,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { splitDocuments } from '../../server/src/core/split';

type DocStyle = (doc: Document) => void;

/**
 * Applies `style` to each document; a file the library cannot read, or cannot write back (a style
 * that moves an anchor after an alias of it, in a file that already has anchors), is returned as it is.
 */
function perDocument(style: DocStyle): (text: string) => string {
  return (text) => {
    const docs = parseAllDocuments(text);
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return text;
    for (const d of docs) style(d);
    try {
      return docs.map((d) => d.toString()).join('');
    } catch {
      return text;
    }
  };
}

/** A string that reads back the same from a block scalar: one line, no edge spaces. */
function blockable(n: Scalar): boolean {
  return typeof n.value === 'string' && n.value.length > 0 && !/[\r\n]/.test(n.value) && n.value.trim() === n.value;
}

/** Values (never keys) written in block context, i.e. not inside a flow collection. */
function inBlockContext(path: readonly unknown[]): boolean {
  return !path.some((p) => isCollection(p as Node) && (p as { flow?: boolean }).flow);
}

function blockScalars(type: 'BLOCK_FOLDED' | 'BLOCK_LITERAL', headerComment?: string): DocStyle {
  return (doc) =>
    visit(doc, {
      Scalar(key, n, path) {
        if (key === 'key' || !blockable(n) || !inBlockContext(path)) return;
        n.type = type;
        if (headerComment) n.comment = headerComment;
      },
    });
}

function flow(kind: 'map' | 'seq', minDepth: number): DocStyle {
  return (doc) =>
    visit(doc, {
      Node(_key, n, path) {
        // The path holds the document and the pairs: count collections only.
        const depth = path.filter((p) => isCollection(p as Node)).length;
        if (depth >= minDepth && ((kind === 'map' && isMap(n)) || (kind === 'seq' && isSeq(n)))) n.flow = true;
      },
    });
}

function quotes(type: 'QUOTE_SINGLE' | 'QUOTE_DOUBLE', keysToo: boolean): DocStyle {
  return (doc) =>
    visit(doc, {
      Scalar(key, n) {
        if (typeof n.value === 'string' && (keysToo || key !== 'key')) n.type = type;
      },
    });
}

/** Every repeated value (a string or a collection) becomes an alias of its first copy; some anchors stay unused. */
const anchorsAndAliases: DocStyle = (doc) => {
  const first = new Map<string, Scalar | YAMLMap | YAMLSeq>();
  let unused = 0;
  visit(doc, {
    Node(key, n) {
      if (key === 'key' || key === null || isAlias(n)) return undefined;
      if (isScalar(n) && (typeof n.value !== 'string' || n.value.length < 2)) return undefined;
      const json = JSON.stringify(n.toJSON());
      const earlier = first.get(json);
      if (earlier) return doc.createAlias(earlier);
      first.set(json, n);
      if (isCollection(n) && ++unused % 3 === 0) n.anchor = `unused${unused}`;
      return undefined;
    },
  });
};

/** `---` before and `...` after every document, unless the document already opens with `---`. */
function markers(text: string): string {
  return splitDocuments(text)
    .map((c) => {
      const opens = /^(\s*#.*\n|\s*\n)*---/.test(c.text);
      const body = c.text.endsWith('\n') || c.text === '' ? c.text : `${c.text}\n`;
      return `${opens ? '' : '---\n'}${body}...\n`;
    })
    .join('');
}

/** A tab around the `#` of each comment (YAML accepts tabs as separation there). */
function tabComments(text: string): string {
  return text.replace(/(^|[ ])#( |$)/gm, (_m, before: string) => `${before === '' ? '' : '\t'}#\t`);
}

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
const bom = (text: string): string => `\uFEFF${text}`;

export const RESTYLES: Record<string, (text: string) => string> = {
  'as written': (t) => t,
  'folded block scalars with header comments': perDocument(blockScalars('BLOCK_FOLDED', ' restyled')),
  'literal block scalars': perDocument(blockScalars('BLOCK_LITERAL')),
  'flow maps': perDocument(flow('map', 2)),
  'flow lists': perDocument(flow('seq', 1)),
  'anchors and aliases': perDocument(anchorsAndAliases),
  'single quotes': perDocument(quotes('QUOTE_SINGLE', false)),
  'double-quoted keys and values': perDocument(quotes('QUOTE_DOUBLE', true)),
  'CRLF and a byte order mark': (t) => bom(crlf(t)),
  'tabs in comments': tabComments,
  'document markers': markers,
  'block scalars, markers and CRLF': (t) => crlf(markers(perDocument(blockScalars('BLOCK_LITERAL', ' restyled'))(t))),
};
