// The value YAML 1.2's core schema gives a plain scalar's text, read with the `yaml` library's own
// core-schema tags (parse.ts passes them in: core imports the library in parse.ts only), the first
// default tag whose test matches winning, as its Composer does. The CST reader resolves plain
// scalars with it; go-scalars.ts then re-reads them as kubectl does, as for the Composer's values.

/** The part of a `yaml` ScalarTag this needs. */
export interface CoreTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

export type PlainScalarReader = (text: string) => unknown;

/**
 * A reader over `tags` (a core Schema's tag list). `unwrap` turns what a tag's resolve returns
 * into a value (the float tag returns a node that remembers its fraction digits).
 */
export function corePlainReader(tags: readonly CoreTag[], unwrap: (resolved: unknown) => unknown, options: object): PlainScalarReader {
  const valueTags = tags.filter((t): t is CoreTag & { test: RegExp } => t.default === true && t.test !== undefined);
  const ignore = (): void => undefined;
  return (text) => {
    // A short cut that changes no answer: every core tag's text starts with one of these (`~`, n/N,
    // t/T, f/F, a digit, a sign or `.`) or is empty; the differential test covers every other start.
    const c = text.charCodeAt(0);
    const digit = c >= 48 && c <= 57;
    if (text.length > 0 && !digit && c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) {
      if (c !== 43 && c !== 45 && c !== 46) return text;
    }
    for (const tag of valueTags) if (tag.test.test(text)) return unwrap(tag.resolve(text, ignore, options));
    return text;
  };
}
