// Finds the tests of an AccessTests document (apiVersion meshlint.dev/..., kind AccessTests): each
// test's name and the range of its list entry, for the Test Explorer and the gutter run icons.
// Free of `vscode` so it can be tested in plain Node.
import { isMap, isScalar, isSeq, parseAllDocuments, LineCounter, type YAMLMap } from 'yaml';

export interface TextPosition {
  line: number;
  character: number;
}

export interface AccessTestEntry {
  /** The `name:` value; `tests[i]` when a test has none. */
  name: string;
  /** Position in the file's `tests` list(s), counting from 0. */
  index: number;
  start: TextPosition;
  end: TextPosition;
}

export const ACCESS_TESTS_KIND = 'AccessTests';
const API_GROUP = 'meshlint.dev/';

/** A document's top-level map says apiVersion meshlint.dev/... and kind AccessTests. */
export function isAccessTests(contents: YAMLMap): boolean {
  const apiVersion: unknown = contents.get('apiVersion');
  const kind: unknown = contents.get('kind');
  return kind === ACCESS_TESTS_KIND && typeof apiVersion === 'string' && apiVersion.startsWith(API_GROUP);
}

/** Cheap test before parsing: files that cannot be AccessTests documents are skipped. */
export function mayHoldAccessTests(text: string): boolean {
  return text.includes(ACCESS_TESTS_KIND) && text.includes(API_GROUP);
}

/** The tests of every AccessTests document in the text; undefined when it holds none. */
export function accessTestsIn(text: string): AccessTestEntry[] | undefined {
  if (!mayHoldAccessTests(text)) return undefined;
  const lines = new LineCounter();
  const position = (offset: number): TextPosition => {
    const p = lines.linePos(offset);
    return { line: p.line - 1, character: p.col - 1 };
  };
  let found = false;
  const tests: AccessTestEntry[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    if (!('contents' in doc) || !isMap(doc.contents)) continue;
    if (!isAccessTests(doc.contents)) continue;
    found = true;
    const list = doc.contents.get('tests', true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item) || !item.range) continue;
      const name = item.get('name', true);
      const index = tests.length;
      tests.push({
        name: isScalar(name) ? String(name.value) : `tests[${index}]`,
        index,
        start: position(item.range[0]),
        end: position(item.range[1]),
      });
    }
  }
  return found ? tests : undefined;
}
