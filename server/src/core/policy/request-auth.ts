// RequestAuthentications that apply to a workload and the JWT issuers they accept, merged from all
// of them and sorted by issuer as Istio does (authn/policy_applier.go). A request with no token
// passes with no identity; a token that fails any applying rule is refused (401) before
// authorization runs.
import type { WorkloadFact } from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';
import { requestAuthenticationsFor } from './applicable';
import { refOf } from './ports';
import type { EffectivePolicy, MeshSettings } from './types';

export interface RequestAuthAnswer {
  requestAuthentication: EffectivePolicy['requestAuthentication'];
  notApplicable: EffectivePolicy['notApplicable'];
}

export function requestAuthenticationOf(view: WorkspaceView, settings: MeshSettings, w: WorkloadFact): RequestAuthAnswer {
  const found = requestAuthenticationsFor(view, settings, w);
  const issuers: EffectivePolicy['requestAuthentication']['issuers'] = [];
  for (const a of found.applied)
    for (const rule of a.fact.jwtRules ?? []) {
      if (!rule.issuer) continue;
      const audiences = rule.audiences.map((x) => x.value);
      issuers.push({
        issuer: rule.issuer.value,
        policy: refOf(a.fact),
        ...(audiences.length > 0 ? { audiences } : {}),
        site: rule.issuer.site,
      });
    }
  issuers.sort((x, y) => (x.issuer < y.issuer ? -1 : x.issuer > y.issuer ? 1 : 0));
  return {
    requestAuthentication: { policies: found.applied.map((a) => refOf(a.fact)), issuers },
    notApplicable: found.notApplicable.map((r) => ({ policy: refOf(r.fact), why: r.why })),
  };
}
