// The match attributes that HTTP, TLS and TCP matches of a VirtualService share, as
// validateHTTPRouteMatchRequest, validateTLSMatch and validateTCPMatch each check them: port,
// sourceLabels and gateways.
import type { PathSegment } from '../../locate';
import { labelMapProblems, portProblem } from './istio-values';
import { gatewayNameProblems } from './vs-gateway-names';
import type { VsProblem } from './vs-problem';

export function sharedMatchProblems(match: Record<string, unknown>, path: PathSegment[]): VsProblem[] {
  const out: VsProblem[] = [];
  const port = match.port;
  // Port 0 is "any port": upstream checks the number only when it is set.
  if (typeof port === 'number' && port !== 0) {
    const problem = portProblem(port, 'match port');
    if (problem) out.push({ path: [...path, 'port'], on: 'value', message: problem });
  }
  out.push(...labelMapProblems(match.sourceLabels, [...path, 'sourceLabels'], 'source'));
  out.push(...gatewayNameProblems(match.gateways, [...path, 'gateways'], false));
  return out;
}
