// Request paths as the sidecar's RBAC filter sees them: normalized the way the mesh config's
// pathNormalization tells the HTTP connection manager (Istio listener_builder.go:408-421), query and
// fragment removed, then matched as a string (exact/prefix/suffix/presence) or as a URI template.
import { escapeRegex, fullRegexMatch, istioStringMatch } from './string-match';

/** Removes `.` and `..` segments (RFC 3986 section 5.2.4). */
export function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const last = i === segments.length - 1;
    if (s === '.' || s === '..') {
      if (s === '..' && out.length > 1) out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(s);
  }
  const joined = out.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

/**
 * Escapes of unreserved characters (letters, digits, `-`, `.`, `_`, `~`) decoded, once, as Envoy's path
 * canonicalizer does (chromium url_canon_path.cc); every other escape is kept exactly as written.
 */
export function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : escape;
  });
}

/** Query and fragment are never part of what url_path and URI templates match. */
export function stripQuery(path: string): string {
  const cut = path.search(/[?#]/);
  return cut < 0 ? path : path.slice(0, cut);
}

/**
 * The path after the mesh's normalization: NONE keeps it; BASE (the default) decodes escaped unreserved
 * characters and removes dot segments; MERGE_SLASHES also merges repeated slashes;
 * DECODE_AND_MERGE_SLASHES first decodes %2F and %5C.
 */
export function normalizePath(raw: string, mode: string): string {
  let path = stripQuery(raw);
  if (mode === 'NONE') return path;
  if (mode === 'DECODE_AND_MERGE_SLASHES') path = path.replace(/%2f/gi, '/').replace(/%5c/gi, '\\');
  // Envoy's normalize_path treats a backslash as a slash (RFC 3986 canonicalization as browsers do it),
  // and decodes escaped unreserved characters, so `%2e%2e` is a dot segment and `%61` is `a`.
  path = removeDotSegments(decodeUnreserved(path.replace(/\\/g, '/')));
  if (mode === 'MERGE_SLASHES' || mode === 'DECODE_AND_MERGE_SLASHES') path = path.replace(/\/{2,}/g, '/');
  return path;
}

/** Istio's ContainsPathTemplate: only `{*}` and `{**}` make a value a template; a bare `*` inside stays literal. */
export function isPathTemplate(value: string): boolean {
  return value.includes('{*}') || value.includes('{**}');
}

/** The characters Envoy's URI template lets one segment hold (pchar without `/` and `*`). */
const LITERAL = "[A-Za-z0-9\\-._~%!$&'()+,;:@=]";

/** Envoy uri_template: `{*}` is one non-empty segment, `{**}` any remainder including `/`, all else literal. */
export function templateMatch(template: string, path: string): boolean {
  const regex = template
    .split('/')
    .map((seg) => {
      if (seg === '{*}') return `${LITERAL}+`;
      if (seg === '{**}') return `(?:${LITERAL}|/)*`;
      return seg
        .split(/(\{\*\*\}|\{\*\})/)
        .map((part) => (part === '{*}' ? `${LITERAL}+` : part === '{**}' ? `(?:${LITERAL}|/)*` : escapeRegex(part)))
        .join('');
    })
    .join('/');
  return fullRegexMatch(regex, path) ?? false;
}

/** One `paths` value against a normalized path. */
export function pathValueMatch(value: string, normalized: string): boolean {
  return isPathTemplate(value) ? templateMatch(value, normalized) : istioStringMatch(value, normalized);
}
