// Reads a URL the way Go's url.ParseRequestURI does (what the Kubernetes CEL `url()` and `isURL()`
// functions use): an absolute URI or an absolute path, no fragment, Go's host and escape checks.
// Hand-written because the outcome must match Go's, including its odd cases.

export interface GoUrl {
  scheme: string;
  /** Opaque part of `scheme:rest` URLs without `//`. */
  opaque: string;
  /** Host with port, as written. */
  host: string;
  path: string;
  rawQuery: string;
}

const HOST_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%]*$/;
const BAD_ESCAPE = /%(?![0-9a-fA-F]{2})/;

export function parseRequestUri(raw: string): GoUrl | undefined {
  if (raw === '' || hasControl(raw)) return undefined;
  const split = splitScheme(raw);
  if (!split) return undefined;
  const scheme = split.scheme.toLowerCase();
  let rest = split.rest;
  let rawQuery = '';
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) rest = rest.slice(0, -1);
  else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    // `scheme:opaque`; without a scheme a request URI must be an absolute path.
    return scheme ? { scheme, opaque: rest, host: '', path: '', rawQuery } : undefined;
  }
  let host = '';
  if (scheme && rest.startsWith('//') && !rest.startsWith('///')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash >= 0 ? rest.slice(2, slash) : rest.slice(2);
    rest = slash >= 0 ? rest.slice(slash) : '';
    const at = authority.lastIndexOf('@');
    host = at >= 0 ? authority.slice(at + 1) : authority;
    if (at >= 0 && !validUserinfo(authority.slice(0, at))) return undefined;
    if (!validHost(host)) return undefined;
  }
  if (BAD_ESCAPE.test(rest)) return undefined;
  return { scheme, opaque: '', host, path: rest, rawQuery };
}

const USERINFO_CHARS = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

/** Go's validUserinfo, then its unescape of the user name and password. */
function validUserinfo(userinfo: string): boolean {
  return USERINFO_CHARS.test(userinfo) && !BAD_ESCAPE.test(userinfo);
}

/** Go refuses ASCII control characters anywhere in a URL. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function splitScheme(raw: string): { scheme: string; rest: string } | undefined {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') return i === 0 ? undefined : { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

function validHost(host: string): boolean {
  if (!HOST_CHARS.test(host) || BAD_ESCAPE.test(host)) return false;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) return false;
    const after = host.slice(close + 1);
    return after === '' || /^:\d*$/.test(after);
  }
  const colon = host.lastIndexOf(':');
  return colon < 0 || /^\d*$/.test(host.slice(colon + 1));
}

/** Host without port; an IPv6 literal without its brackets. */
export function hostnameOf(u: GoUrl): string {
  if (u.host.startsWith('[')) return u.host.slice(1, u.host.indexOf(']'));
  const colon = u.host.lastIndexOf(':');
  return colon >= 0 ? u.host.slice(0, colon) : u.host;
}

export function portOf(u: GoUrl): string {
  const close = u.host.startsWith('[') ? u.host.indexOf(']') : -1;
  const colon = u.host.lastIndexOf(':');
  return colon > close ? u.host.slice(colon + 1) : '';
}

/** The query as Go's url.Values: each key with its values in order. */
export function queryOf(u: GoUrl): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of u.rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = unescapeQuery(eq >= 0 ? part.slice(0, eq) : part);
    const value = unescapeQuery(eq >= 0 ? part.slice(eq + 1) : '');
    if (key === undefined || value === undefined) continue;
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

function unescapeQuery(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
