// The servers of an Istio Gateway with their protocol, hosts and TLS settings, for the Gateway rules.
import type { DocContext } from './rule';
import { asRecord } from '../../resources';
import type { PathSegment } from '../../locate';

export interface GatewayServer {
  path: PathSegment[];
  index: number;
  /** Upper-cased port protocol, '' when not written. */
  protocol: string;
  /** Host entries in written order ('' for a non-string entry, so indices match the YAML). */
  hosts: string[];
  tls: Record<string, unknown> | undefined;
}

export function gatewayServers(ctx: DocContext): GatewayServer[] {
  const servers = asRecord(ctx.value.spec)?.servers;
  if (!Array.isArray(servers)) return [];
  const out: GatewayServer[] = [];
  servers.forEach((s, index) => {
    const server = asRecord(s);
    if (!server) return;
    const protocol = asRecord(server.port)?.protocol;
    const hosts = Array.isArray(server.hosts) ? server.hosts.map((h) => (typeof h === 'string' ? h : '')) : [];
    out.push({
      path: ['spec', 'servers', index],
      index,
      protocol: typeof protocol === 'string' ? protocol.toUpperCase() : '',
      hosts,
      tls: asRecord(server.tls),
    });
  });
  return out;
}

/** The host part of a Gateway host entry (`namespace/host` or `host`). */
export function hostPart(entry: string): string {
  const slash = entry.indexOf('/');
  return slash >= 0 ? entry.slice(slash + 1) : entry;
}

/** Does Gateway host pattern `pattern` (`*`, `*.example.com`, exact) cover `host`? */
export function hostCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === '*' || p === h) return true;
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) || h === p;
  return false;
}
