// The offline access check's entry point: resolve the query against the workspace's policy model,
// then evaluate it as the destination's proxy would (sidecar Envoy, or ztunnel for ambient).
import type { AccessQuery, AccessResult } from './types';
import { considered } from './resolved';
import { resolveQuery, type Explainer } from './resolve';
import { evaluateSidecar } from './sidecar';
import { evaluateAmbient } from './ztunnel';
import { decodeJwtPayload } from './jwt';

/** Evaluates a query with a given policy model (explainWorkload over a workspace, or a test's). */
export function checkAccessWith(explain: Explainer, query: AccessQuery): AccessResult | { error: string } {
  if (query.request?.jwt !== undefined && !decodeJwtPayload(query.request.jwt)) {
    return { error: 'the JWT is not a compact JWS (header.payload.signature with a JSON payload)' };
  }
  const resolved = resolveQuery(explain, query);
  if ('error' in resolved) return resolved;
  const { ep, rq } = resolved;
  const dataPlane = ep.workload.dataPlane;
  if (dataPlane === 'none') {
    return {
      verdict: 'ALLOW',
      reason: 'destination-not-in-mesh',
      context: {
        transport: rq.principal === null ? 'plaintext' : 'mtls',
        targetPort: rq.targetPort,
        servicePort: rq.servicePort,
        protocol: rq.protocol,
        mtlsMode: 'none',
      },
      trace: [],
      shadow: [],
      considered: considered(ep),
      assumptions: [...rq.assumptions, 'the destination has no proxy: nothing enforces authorization policies'],
    };
  }
  const result = dataPlane === 'ambient' ? evaluateAmbient(ep, rq) : evaluateSidecar(ep, rq);
  if (dataPlane === 'waypoint' || dataPlane === 'gateway') {
    result.assumptions.push(`the destination is a ${dataPlane}: evaluated with the sidecar model (partial confidence)`);
  }
  result.assumptions.push(...ep.assumptions.filter((a) => !result.assumptions.includes(a)));
  return result;
}
