// A plain-HTTP Gateway server for hosts that the same Gateway also serves over HTTPS, without
// `tls.httpsRedirect`: the same site answers in clear text, so cookies and tokens can travel unencrypted.
// An HTTP-only Gateway stays quiet: TLS may be terminated by a load balancer in front of it.
import type { DocContext, DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { gatewayServers, hostCovers, hostPart } from './lib/gateway-servers';
import { appendEntry } from './lib/fix-insert';
import type { Fix } from '../types';

export const rule: DocumentRule = {
  meta: {
    id: 'gateway-http-without-redirect',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A Gateway serves the same hosts over HTTP and HTTPS, and the HTTP server does not redirect to HTTPS.',
    fixable: true,
  },
  kinds: ['networking.istio.io/Gateway'],
  check(ctx) {
    const servers = gatewayServers(ctx);
    const secure = servers.filter(
      (s) => s.protocol === 'HTTPS' || (s.protocol === 'TLS' && s.tls?.mode !== 'PASSTHROUGH' && s.tls?.mode !== 'AUTO_PASSTHROUGH'),
    );
    for (const server of servers) {
      if (server.protocol !== 'HTTP' || server.tls?.httpsRedirect === true) continue;
      const shared = sharedHost(
        server.hosts,
        secure.flatMap((s) => s.hosts),
      );
      if (shared === undefined) continue;
      const fix = redirectFix(ctx, server.path, server.tls !== undefined);
      ctx.report({
        path: [...server.path, 'port', 'protocol'],
        message: `This Gateway also serves ${shared} over HTTPS, but this HTTP server answers in clear text instead of redirecting: a link or bookmark with http:// sends cookies and tokens unencrypted. Add \`tls: { httpsRedirect: true }\` to this server.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

/**
 * A host served both in clear text and over HTTPS, named as narrowly as the two entries allow: an
 * HTTP `*` next to an HTTPS `shop.example.com` shares `shop.example.com`, not "*".
 */
function sharedHost(plain: string[], secure: string[]): string | undefined {
  for (const h of plain) {
    if (h === '') continue;
    const mine = hostPart(h);
    for (const o of secure) {
      const theirs = hostPart(o);
      if (hostCovers(theirs, mine)) return mine;
      if (hostCovers(mine, theirs)) return theirs;
    }
  }
  return undefined;
}

function redirectFix(ctx: DocContext, serverPath: PathSegment[], hasTls: boolean): Fix | undefined {
  const edit = hasTls
    ? appendEntry(ctx, [...serverPath, 'tls'], ['httpsRedirect: true'])
    : appendEntry(ctx, serverPath, ['tls:', '  httpsRedirect: true']);
  // Not in "fix all": a load balancer health check on plain HTTP would start receiving redirects.
  return edit ? { title: 'Redirect HTTP to HTTPS', edits: [edit], safe: false, preferred: true } : undefined;
}
