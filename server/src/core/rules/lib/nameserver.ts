// cert-manager's reading of an RFC 2136 nameserver: host, or host:port, with IPv6 in brackets;
// the port defaults to 53 and must be 1-65535. Mirrors Go's net.SplitHostPort where it matters.

/** Why cert-manager rejects the nameserver, or undefined when it accepts it. */
export function nameserverProblem(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return 'it is empty';
  let host: string;
  let port = '';
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return 'the "[" of an IPv6 address is not closed';
    host = text.slice(1, close);
    const rest = text.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':') || /[[\]:]/.test(rest.slice(1))) return 'only ":port" may follow "]"';
      port = rest.slice(1);
    }
  } else {
    const colon = text.lastIndexOf(':');
    host = colon < 0 ? text : text.slice(0, colon);
    if (colon >= 0) port = text.slice(colon + 1);
    if (host.includes(':')) return 'an IPv6 address needs brackets, e.g. [2001:db8::1]:53';
    if (/[[\]]/.test(text)) return 'brackets belong only around an IPv6 address';
  }
  if (host === '') return 'it names no host';
  if (port !== '' && (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535)) return `port "${port}" is not 1-65535`;
  return undefined;
}
