// The two ends of a connection disagree: a DestinationRule makes clients send Istio mutual TLS to
// pods whose PeerAuthentication is DISABLE, or send plaintext (DISABLE) to pods that require STRICT.
import type { WorkspaceRule } from '../rule';
import { effectiveMtls, workloadMtls, type EffectiveMtls } from '../effective-mtls';
import { servicesForHost } from '../hosts';
import { nameOf } from '../describe';
import type { DestinationRuleFact, Site, TlsModeUse } from '../facts';
import type { WorkspaceView } from '../view';
import type { Config } from '../../config';

export const rule: WorkspaceRule = {
  meta: {
    id: 'peer-authentication-destination-rule-conflict',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary: 'A DestinationRule and the PeerAuthentication of its destination disagree on mutual TLS, so connections fail.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    for (const dr of view.all('destination-rule')) {
      if (!dr.host) continue;
      const mutual = dr.tlsModes.find((m) => m.mode === 'ISTIO_MUTUAL');
      const plain = dr.tlsModes.filter((m) => m.mode === 'DISABLE');
      if (!mutual && plain.length === 0) continue;
      for (const target of destinations(view, config, dr)) {
        const eff = target.mtls();
        if (!eff) continue;
        if (mutual && eff.mode === 'DISABLE') {
          ctx.report({
            at: eff.site,
            message: `${nameOf(dr)} sends Istio mutual TLS to ${target.label}, but this policy turns mutual TLS off there: the server side expects plaintext, so those connections fail. Use STRICT here (the client side already speaks mTLS).`,
            related: [{ at: mutual.site, message: `${nameOf(dr)} uses ISTIO_MUTUAL for ${dr.host.value}` }],
          });
        }
        if (eff.mode === 'STRICT') for (const p of plain) reportPlaintext(p, target.label, eff.site);
      }
    }

    function reportPlaintext(p: TlsModeUse, label: string, paSite: Site): void {
      const scope = p.port !== undefined ? ` on port ${p.port}` : p.subset !== undefined ? ` for subset ${p.subset}` : '';
      ctx.report({
        at: p.site,
        message: `This sends plaintext${scope} to ${label}, whose PeerAuthentication requires STRICT mutual TLS: every such connection is refused. Use ISTIO_MUTUAL (or leave tls unset so Istio picks mTLS automatically).`,
        related: [{ at: paSite, message: 'STRICT applies to the destination here' }],
      });
    }
  },
};

interface Destination {
  mtls: () => EffectiveMtls | undefined;
  label: string;
}

/** The pods behind the rule's host: each known workload, or the Service's selector when none is known. */
function destinations(view: WorkspaceView, config: Config, dr: DestinationRuleFact): Destination[] {
  const out: Destination[] = [];
  for (const svc of servicesForHost(view, dr.host?.value ?? '', dr.namespace)) {
    if (!svc.selector || svc.namespace === undefined) continue;
    const workloads = view.workloadsMatching(svc.namespace, svc.selector);
    const pods = { namespace: svc.namespace, labels: svc.selector, exact: false };
    if (workloads.length === 0)
      out.push({ mtls: () => effectiveMtls(view, config, pods), label: `the pods of Service ${svc.namespace}/${svc.name}` });
    for (const w of workloads) out.push({ mtls: () => workloadMtls(view, config, w), label: `${nameOf(w)} (behind Service ${svc.name})` });
  }
  return out;
}
