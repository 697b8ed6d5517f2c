// The two ends of a connection disagree: a DestinationRule makes clients send Istio mutual TLS to
// pods whose PeerAuthentication is DISABLE, or send plaintext (DISABLE) to pods that require STRICT.
// Compared port by port: a DestinationRule's portLevelSettings name Service ports, a
// PeerAuthentication's portLevelMtls names workload (target) ports, so each Service port is
// followed to the target port it sends to (istio/istio pilot/pkg/networking/core/listener_inbound.go
// looks the mode up by target port; pilot/pkg/security/authn/policy_applier.go:370-376).
import type { WorkspaceRule } from '../rule';
import { effectiveMtls, workloadMtls, workloadPortMtls, type EffectiveMtls } from '../effective-mtls';
import { servicesForHost } from '../hosts';
import { nameOf } from '../describe';
import type { DestinationRuleFact, ServiceFact, Site, TlsModeUse, WorkloadFact } from '../facts';
import type { WorkspaceView } from '../view';
import type { Config } from '../../config';
import { targetPortOf } from '../../policy/ports';

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
      const uses = dr.tlsModes.filter((m) => m.mode === 'ISTIO_MUTUAL' || m.mode === 'DISABLE');
      if (uses.length === 0) continue;
      // One finding per setting and deciding policy value, however many ports lead there.
      const said = new Set<string>();
      for (const target of destinations(view, config, dr, uses)) {
        const eff = target.mtls();
        if (!eff) continue;
        const key = `${target.use.site.uri}\u0000${target.use.site.start}\u0000${eff.site.uri}\u0000${eff.site.start}`;
        if (said.has(key)) continue;
        said.add(key);
        if (target.use.mode === 'ISTIO_MUTUAL' && eff.mode === 'DISABLE') {
          ctx.report({
            at: eff.site,
            message: `${nameOf(dr)} sends Istio mutual TLS to ${target.label}, but this policy turns mutual TLS off there: the server side expects plaintext, so those connections fail. Use STRICT here (the client side already speaks mTLS).`,
            related: [{ at: target.use.site, message: `${nameOf(dr)} uses ISTIO_MUTUAL for ${dr.host.value}` }],
          });
        }
        if (target.use.mode === 'DISABLE' && eff.mode === 'STRICT') reportPlaintext(target.use, target.label, eff.site);
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
  use: TlsModeUse;
  mtls: () => EffectiveMtls | undefined;
  label: string;
}

/** The Service ports a TLS setting governs: its own port, or every port no port-level setting of its subset takes over. */
function portsOf(use: TlsModeUse, all: readonly TlsModeUse[], svc: ServiceFact): number[] {
  const ports = (svc.ports ?? []).map((p) => p.port);
  if (use.port !== undefined) return ports.includes(use.port) ? [use.port] : [];
  const overridden = new Set(all.filter((u) => u.subset === use.subset && u.port !== undefined).map((u) => u.port));
  return ports.filter((p) => !overridden.has(p));
}

/** The pods behind the rule's host, per TLS setting and Service port; the Service's selector when no workload is known. */
function destinations(view: WorkspaceView, config: Config, dr: DestinationRuleFact, uses: readonly TlsModeUse[]): Destination[] {
  const out: Destination[] = [];
  for (const svc of servicesForHost(view, dr.host?.value ?? '', dr.namespace)) {
    if (!svc.selector || svc.namespace === undefined) continue;
    const workloads = view.workloadsMatching(svc.namespace, svc.selector);
    const pods = { namespace: svc.namespace, labels: svc.selector, exact: false };
    for (const use of uses) {
      if (workloads.length === 0) {
        out.push({ use, mtls: () => effectiveMtls(view, config, pods), label: `the pods of Service ${svc.namespace}/${svc.name}` });
        continue;
      }
      const servicePorts = svc.ports?.length ? portsOf(use, dr.tlsModes, svc) : undefined;
      for (const w of workloads) {
        // A Service without ports written: the workload's mode as a whole.
        if (servicePorts === undefined)
          out.push({ use, mtls: () => workloadMtls(view, config, w), label: `${nameOf(w)} (behind Service ${svc.name})` });
        else for (const sp of servicePorts) out.push(portDestination(view, config, use, svc, w, sp));
      }
    }
  }
  return out;
}

function portDestination(
  view: WorkspaceView,
  config: Config,
  use: TlsModeUse,
  svc: ServiceFact,
  w: WorkloadFact,
  servicePort: number,
): Destination {
  const sp = svc.ports?.find((p) => p.port === servicePort);
  const target = sp ? targetPortOf(sp, w) : undefined;
  const via = target !== undefined && target !== servicePort ? `port ${servicePort}, target port ${target}` : `port ${servicePort}`;
  return {
    use,
    mtls: () => (target === undefined ? undefined : workloadPortMtls(view, config, w, target)),
    label: `${nameOf(w)} (behind Service ${svc.name}, ${via})`,
  };
}
