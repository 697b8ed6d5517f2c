// What Istio's webhook refuses (or warns about) in a VirtualService's HTTP routes: validateHTTPRoute in
// pkg/config/validation/virtualservice.go and the validateHTTP* checks it calls, run on every spec.http[] item.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { listAt, recordAt } from './lib/go-values';
import { setValueFix } from './lib/fix-edits';
import type { HttpProblem } from './lib/vs-http-values';
import { authorityRewriteProblems, corsProblems, headerOperationProblems } from './lib/vs-http-headers';
import { matchProblems } from './lib/vs-http-match';
import { conflictProblems, directResponseProblems, redirectProblems, rewriteProblems } from './lib/vs-http-actions';
import { faultProblems } from './lib/vs-http-fault';
import { mirrorProblems, retryProblems, routeDestinationProblems } from './lib/vs-http-traffic';

/** ValidateVirtualService's isGateway: some gateway is named and none of them is the mesh. */
function boundToGateway(spec: Record<string, unknown>): boolean {
  const gateways = listAt(spec, 'gateways');
  return gateways.length > 0 && !gateways.includes('mesh');
}

function routeProblems(route: Record<string, unknown>, path: PathSegment[], delegateVs: boolean, gatewayBound: boolean): HttpProblem[] {
  const part = (key: string, check: (v: Record<string, unknown>, at: PathSegment[]) => HttpProblem[]): HttpProblem[] => {
    const v = recordAt(route, key);
    return v ? check(v, [...path, key]) : [];
  };
  return [
    ...conflictProblems(route, path, delegateVs),
    ...matchProblems(route, path, gatewayBound),
    ...part('headers', headerOperationProblems),
    ...part('corsPolicy', corsProblems),
    ...part('fault', faultProblems),
    ...mirrorProblems(route, path),
    ...part('redirect', redirectProblems),
    ...part('directResponse', directResponseProblems),
    ...part('retries', retryProblems),
    ...part('rewrite', rewriteProblems),
    ...authorityRewriteProblems(route, path),
    ...routeDestinationProblems(route, path),
  ];
}

export const rule: DocumentRule = {
  meta: {
    id: 'virtual-service-http-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'A VirtualService HTTP route the webhook rejects: conflicting actions, bad destinations, weights, retries, headers, matches, CORS, faults.',
    fixable: true,
  },
  kinds: ['networking.istio.io/VirtualService'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    // A VirtualService without hosts is a delegate: its routes are checked as delegate routes.
    const delegateVs = listAt(spec, 'hosts').length === 0;
    const gatewayBound = boundToGateway(spec);
    listAt(spec, 'http').forEach((item, i) => {
      const route = asRecord(item);
      if (!route) return;
      for (const p of routeProblems(route, ['spec', 'http', i], delegateVs, gatewayBound)) {
        const fix = p.fixTo && setValueFix(ctx, p.path, p.fixTo.value, p.fixTo.title, true);
        ctx.report({ path: p.path, on: p.on, message: p.message, severity: p.severity, fixes: fix ? [fix] : undefined });
      }
    });
  },
};
