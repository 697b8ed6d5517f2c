// IP address and prefix syntax as the webhooks' Go code reads it: cert-manager checks Certificate
// ipAddresses with net.ParseIP; Istio checks AuthorizationPolicy IP blocks and IP conditions with
// netip.ParsePrefix when the value holds a '/', else netip.ParseAddr. Go's net.ParseIP is netip.ParseAddr
// without zones, so one parser serves all three.

interface Addr {
  family: 4 | 6;
  zoned: boolean;
}

/** Dotted decimal, four fields, no leading zeros ("010.0.0.1" is an error since Go 1.17). */
function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** Colon-separated hex groups of 1 to 4 digits, at most one "::", optionally ending in dotted IPv4. */
function isIPv6(text: string): boolean {
  let body = text;
  let groups = 8;
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (lastColon >= 0 && tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    // The dotted tail fills the last two groups.
    body = body.slice(0, lastColon + 1) + '0:0';
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const hextet = (h: string): boolean => /^[0-9A-Fa-f]{1,4}$/.test(h);
  if (halves.length === 1) {
    const parts = body.split(':');
    return parts.length === groups && parts.every(hextet);
  }
  const left = halves[0] === '' ? [] : halves[0].split(':');
  const right = halves[1] === '' ? [] : halves[1].split(':');
  groups -= 1; // "::" stands for at least one zero group
  return left.length + right.length <= groups && [...left, ...right].every(hextet);
}

/** What Go's netip.ParseAddr makes of the text, or undefined when it returns an error. */
function parseAddr(text: string): Addr | undefined {
  // Go picks the family by the first '.', ':' or '%'; a zone only follows an IPv6 address.
  const first = /[.:%]/.exec(text)?.[0];
  if (first === '.') return isIPv4(text) ? { family: 4, zoned: false } : undefined;
  if (first !== ':') return undefined;
  const percent = text.indexOf('%');
  if (percent < 0) return isIPv6(text) ? { family: 6, zoned: false } : undefined;
  // An empty zone ("fe80::1%") is an error.
  if (percent === text.length - 1 || !isIPv6(text.slice(0, percent))) return undefined;
  return { family: 6, zoned: true };
}

/** Go's net.ParseIP, which cert-manager uses: an IPv4 or IPv6 address, no zone. */
export function isIpAddress(text: string): boolean {
  const addr = parseAddr(text);
  return addr !== undefined && !addr.zoned;
}

/** Go's netip.ParseAddr, which Istio uses for IP values without '/': like isIpAddress, but "fe80::1%eth0" passes. */
export function isNetipAddr(text: string): boolean {
  return parseAddr(text) !== undefined;
}

/** Go's netip.ParsePrefix, which Istio uses for values with '/': "10.0.0.0/8" or "fd00::/8"; no zone, bits without sign or leading zero. */
export function isCidr(text: string): boolean {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return false;
  const addr = parseAddr(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  if (!addr || addr.zoned || !/^(0|[1-9]\d{0,2})$/.test(bits)) return false;
  return Number(bits) <= (addr.family === 4 ? 32 : 128);
}
