// Plain (unquoted, untagged) scalars read as kubectl reads them. kubectl converts YAML to JSON with
// sigs.k8s.io/yaml, which decodes with go-yaml v2 (its fork goyaml.v2): a YAML 1.1 reader. Our parser
// reads YAML 1.2, so some plain words and numbers mean something else there. The rules below follow
// go-yaml v2's `resolve` (resolve.go): its table of words, then for text starting with a digit or a
// sign, Go's integer syntax (`strconv.ParseInt` with base 0) once underscores are removed, then its
// float pattern. Timestamps (`2001-12-14`) are left as our parser reads them: see docs/yaml-reading.md.

/** YAML 1.1 booleans that YAML 1.2 reads as strings (go-yaml v2 `resolveMapList`). */
const BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((w): [string, boolean] => [w, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((w): [string, boolean] => [w, false]),
]);

/** Go's base-0 integer syntax: hex, octal (`0o` or a leading 0), binary, decimal. */
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** go-yaml v2 `yamlStyleFloat`. */
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

export interface GoReading {
  value: unknown;
}

/**
 * go-yaml's value for a plain scalar whose text is `text`, when it is one our parser reads
 * differently (`parsed`); undefined when both agree or the difference is not one we model.
 */
export function goPlainScalar(text: string, parsed: unknown): GoReading | undefined {
  const word = BOOLEANS.get(text);
  if (word !== undefined) return parsed === word ? undefined : { value: word };
  const c = text.charCodeAt(0);
  const digitOrSign = (c >= 48 && c <= 57) || c === 43 || c === 45;
  if (!digitOrSign) return undefined;
  const plain = text.replace(/_/g, '');
  let value: number | undefined;
  const int = GO_INT.exec(plain);
  if (int)
    value = (int[1] === '-' ? -goUnsigned(int[2]) : goUnsigned(int[2])) + 0; // + 0: no -0
  else if (GO_FLOAT.test(plain)) value = Number(plain);
  if (value === undefined || Object.is(value, parsed)) return undefined;
  return { value };
}

function goUnsigned(digits: string): number {
  // A leading 0 is octal in Go (and YAML 1.1); JavaScript's Number() would read decimal.
  if (/^0[0-7]+$/.test(digits)) return parseInt(digits.slice(1), 8);
  return Number(digits);
}

/**
 * A hint for a type error on a plain scalar whose text is a YAML 1.1 boolean word: the author wrote
 * text (`off`), kubectl sends a boolean, and "must be a string, not a boolean" alone would puzzle.
 */
export function yaml11Hint(written: string): string | undefined {
  const word = BOOLEANS.get(written);
  if (word === undefined) return undefined;
  return ` kubectl reads the unquoted \`${written}\` as the boolean ${String(word)} (YAML 1.1): quote it ("${written}") to send the text.`;
}
