// IP address and CIDR syntax as Go's net.ParseIP / net.ParseCIDR accept it (no zones, IPv4 parts
// without leading zeros), used where the webhooks parse addresses.

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(text: string): boolean {
  if (text.includes('%')) return false;
  let groups = 8;
  let body = text;
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(body.slice(lastColon + 1))) return false;
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

export function isIpAddress(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

/** "10.0.0.0/8" or "fd00::/8". */
export function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const ip = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!/^\d+$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  if (isIPv6(ip)) return Number(bits) <= 128;
  return false;
}
