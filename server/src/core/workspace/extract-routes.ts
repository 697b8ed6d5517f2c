// Facts from VirtualServices: hosts, gateways and the route matches on JWT claims
// (`headers: {"@request.auth.claims.<name>": ...}`), which only a RequestAuthentication fills in.
import type { DocReader } from './doc-reader';
import type { VirtualServiceFact } from './facts';
import { onBase, type BaseFields } from './fact-base';

const CLAIM_PREFIX = '@request.auth.claims.';

export function virtualService(r: DocReader, base: BaseFields): VirtualServiceFact | undefined {
  if (base.group !== 'networking.istio.io') return undefined;
  const claimMatches: VirtualServiceFact['claimMatches'] = [];
  r.list(['spec', 'http']).forEach((_h, i) => {
    r.list(['spec', 'http', i, 'match']).forEach((_m, j) => {
      const at = ['spec', 'http', i, 'match', j];
      const own = r.list([...at, 'gateways']).filter((g): g is string => typeof g === 'string');
      for (const field of ['headers', 'withoutHeaders'] as const) {
        const headers = r.get([...at, field]);
        if (!headers || typeof headers !== 'object' || Array.isArray(headers)) continue;
        for (const key of Object.keys(headers)) {
          if (!key.startsWith(CLAIM_PREFIX)) continue;
          claimMatches.push({
            claim: key.slice(CLAIM_PREFIX.length),
            negated: field === 'withoutHeaders',
            site: r.nearest([...at, field, key], 'key'),
            gateways: own.length > 0 ? own : undefined,
          });
        }
      }
    });
  });
  const hosts = r.refs(['spec', 'hosts']);
  return onBase<VirtualServiceFact>(base, { type: 'virtual-service', hosts, gateways: r.refs(['spec', 'gateways']), claimMatches });
}
