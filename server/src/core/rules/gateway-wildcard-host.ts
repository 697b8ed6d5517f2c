// Gateway servers exposing every host (`*` or `*/*`): any VirtualService, in any namespace, can bind
// routes for any host name to this gateway, so one team's mistake publishes another team's service.
import type { DocumentRule } from './lib/rule';
import { gatewayServers } from './lib/gateway-servers';

export const rule: DocumentRule = {
  meta: {
    id: 'gateway-wildcard-host',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A Gateway server accepts every host ("*" or "*/*"), so any VirtualService can publish routes through it.',
    fixable: false,
  },
  kinds: ['networking.istio.io/Gateway'],
  check(ctx) {
    for (const server of gatewayServers(ctx)) {
      server.hosts.forEach((h, i) => {
        if (h !== '*' && h !== '*/*') return;
        ctx.report({
          path: [...server.path, 'hosts', i],
          message: `"${h}" exposes every host name on this server and lets VirtualServices from any namespace attach to it. List the host names the gateway serves, and limit who may bind them with a namespace prefix, e.g. "shop/shop.example.com".`,
        });
      });
    }
  },
};
