// Istio's four string forms (exact `v`, prefix `v*`, suffix `*v`, presence `*`) as Envoy matches
// them, including the forms Istio turns into regular expressions (principals, namespaces).

/**
 * Istio's StringMatcherWithPrefix: `*` is the regex `.+` (non-empty), `*v` with a prefix becomes the
 * regex `<prefix>.*v` (unescaped, as Istio writes it), `v*` a prefix, anything else exact.
 * Istio matcher/string.go:96-116.
 */
export function istioStringMatch(pattern: string, actual: string, prefix = '', ignoreCase = false): boolean {
  if (pattern === '*') return actual.length > 0;
  const a = ignoreCase ? actual.toLowerCase() : actual;
  if (pattern.startsWith('*')) {
    const rest = pattern.slice(1);
    if (prefix === '') return a.endsWith(ignoreCase ? rest.toLowerCase() : rest);
    return fullRegexMatch(`${prefix}.*${rest}`, actual) ?? false;
  }
  if (pattern.endsWith('*')) {
    const p = prefix + pattern.slice(0, -1);
    return a.startsWith(ignoreCase ? p.toLowerCase() : p);
  }
  const e = prefix + pattern;
  return a === (ignoreCase ? e.toLowerCase() : e);
}

const compiled = new Map<string, RegExp | null>();

/**
 * Envoy's safe_regex (RE2) matches the whole value. Undefined when the pattern does not compile
 * here: Istio writes some user values into regexes unescaped, and RE2 and JavaScript differ at the edges.
 */
export function fullRegexMatch(regex: string, actual: string): boolean | undefined {
  let re = compiled.get(regex);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${regex})$`, 's');
    } catch {
      re = null;
    }
    if (compiled.size > 5000) compiled.clear();
    compiled.set(regex, re);
  }
  return re === null ? undefined : re.test(actual);
}

/** Escapes a value for use inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
