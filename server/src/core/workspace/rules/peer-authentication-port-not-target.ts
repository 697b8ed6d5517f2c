// A portLevelMtls key that is a Service's port rather than the workload port it sends to: Istio
// looks port-level modes up by the workload (target) port (istio/istio
// pilot/pkg/security/authn/policy_applier.go:370-376; pilot/pkg/networking/core/listener_inbound.go
// passes the target port), so the entry never applies to that Service's traffic. The classic case:
// Service port 80 to targetPort 8080, and `portLevelMtls: {80: ...}`.
import type { WorkspaceRule } from '../rule';
import { nameOf } from '../describe';
import { workloadPeerAuthentications } from '../effective-mtls';
import { servicePortsOnly } from '../../policy/ports';

export const rule: WorkspaceRule = {
  meta: {
    id: 'peer-authentication-port-not-target',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      "A portLevelMtls key is a Service port, not the workload (target) port Istio looks it up by, so it never applies to that Service's traffic.",
    fixable: false,
  },
  check(ctx) {
    const said = new Set<string>();
    for (const { w, found } of workloadPeerAuthentications(ctx.view, ctx.config)) {
      const policy = found.workload[0];
      if (!policy || policy.ports.length === 0) continue;
      const serviceOnly = servicePortsOnly(ctx.view, w);
      for (const entry of policy.ports) {
        const svc = entry.portNumber === undefined ? undefined : serviceOnly.get(entry.portNumber);
        if (!svc) continue;
        const key = `${entry.site.uri}\u0000${entry.site.start}`;
        if (said.has(key)) continue;
        said.add(key);
        const target = svc.target !== undefined ? `target port ${svc.target}` : 'a target port';
        ctx.report({
          at: entry.site,
          message: `${entry.port} is a port of Service ${svc.service}, which sends it to ${target} of ${nameOf(w)}. portLevelMtls keys are workload (container) ports, so this entry never applies to that traffic; the workload's own mode does.${svc.target !== undefined ? ` Use ${svc.target} as the key.` : ''}`,
        });
      }
    }
  },
};
