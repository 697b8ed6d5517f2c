// What Istio's ValidateVirtualService webhook rejects (and warns about) outside the HTTP route bodies:
// hosts, gateways, delegates, TLS and TCP routes, and the syntax of every regex.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';
import { httpMatchProblems } from './lib/vs-http-matches';
import { vsScope, vsTopProblems } from './lib/vs-hosts';
import { l4RouteProblems } from './lib/vs-l4-routes';

export const rule: DocumentRule = {
  meta: {
    id: 'virtual-service-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'A VirtualService the webhook rejects: bad or overlapping hosts, gateway names, delegates, TLS/TCP routes, regexes that RE2 refuses.',
    fixable: false,
  },
  kinds: ['networking.istio.io/VirtualService'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    const scope = vsScope(ctx.value, spec);
    for (const p of [...vsTopProblems(spec, scope), ...l4RouteProblems(spec, scope), ...httpMatchProblems(spec)]) ctx.report(p);
  },
};
