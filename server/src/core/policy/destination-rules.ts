// DestinationRules in the two roles they play for a workload. As destination: for each Service
// selecting its pods, the rule a client in namespace N uses (push_context.go): a rule in N for the
// host first (most specific host wins), else one exported from the Service's namespace, else one
// exported from the root namespace; its TLS mode is compared with the pods' mTLS per port. As
// client: rules with a workloadSelector in the pod's namespace that select it (sidecar.go).
import type { DestinationRuleFact, ServiceFact, WorkloadFact } from '../workspace/facts';
import { servicesForHost } from '../workspace/hosts';
import { labelsMatch, type WorkspaceView } from '../workspace/view';
import { refOf, servicesOf, targetPortOf } from './ports';
import type { EffectivePolicy, MeshSettings, PortMtls } from './types';

type Rows = EffectivePolicy['destinationRules'];

function exportedTo(dr: DestinationRuleFact, clientNs: string): boolean {
  const list = dr.exportTo?.map((e) => e.value);
  if (!list || list.length === 0) return true;
  return list.includes('*') || list.includes(clientNs) || (list.includes('.') && dr.namespace === clientNs);
}

/** Higher is more specific: an exact name beats any wildcard, a longer wildcard a shorter one. */
function specificity(host: string): number {
  return host.startsWith('*') ? host.length : 10_000 + host.length;
}

function pick(candidates: DestinationRuleFact[]): DestinationRuleFact | undefined {
  return [...candidates].sort((a, b) => specificity(b.host?.value ?? '') - specificity(a.host?.value ?? ''))[0];
}

/** TLS mode a rule sets for one Service port: port-level first, then the traffic policy (subsets aside). */
function tlsModeFor(dr: DestinationRuleFact, servicePort: number | undefined): string | undefined {
  const top = dr.tlsModes.filter((m) => m.subset === undefined);
  return (
    (servicePort !== undefined ? top.find((m) => m.port === servicePort) : undefined)?.mode ?? top.find((m) => m.port === undefined)?.mode
  );
}

function forService(view: WorkspaceView, root: string, s: ServiceFact, clientNs: string): DestinationRuleFact | undefined {
  const rules = view
    .all('destination-rule')
    .filter((dr) => !dr.selector && dr.host && servicesForHost(view, dr.host.value, dr.namespace).includes(s));
  const local = rules.filter((dr) => dr.namespace === clientNs);
  const fromService = rules.filter((dr) => dr.namespace === s.namespace && exportedTo(dr, clientNs));
  const fromRoot = rules.filter((dr) => dr.namespace === root && exportedTo(dr, clientNs));
  return pick(local) ?? pick(fromService) ?? pick(fromRoot);
}

function conflictOf(dr: DestinationRuleFact, s: ServiceFact, w: WorkloadFact, ports: readonly PortMtls[]): string | undefined {
  const problems: string[] = [];
  for (const sp of s.ports ?? []) {
    const mode = tlsModeFor(dr, sp.port);
    const target = targetPortOf(sp, w);
    const server = ports.find((p) => p.port === target)?.mode;
    if (!mode || !server) continue;
    if (mode === 'ISTIO_MUTUAL' && server === 'DISABLE')
      problems.push(`port ${sp.port}: clients send Istio mTLS, the pods expect plaintext (DISABLE)`);
    if (mode === 'DISABLE' && server === 'STRICT') problems.push(`port ${sp.port}: clients send plaintext, the pods require STRICT`);
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}

export function destinationRulesOf(view: WorkspaceView, settings: MeshSettings, w: WorkloadFact, ports: readonly PortMtls[]): Rows {
  const root = settings.rootNamespace.value;
  const asDestination: Rows['asDestination'] = [];
  const clientNamespaces = [...view.knownNamespaces()]
    .filter((n) => view.inNamespace('workload', n).length > 0 || view.inNamespace('destination-rule', n).length > 0)
    .sort();
  for (const s of servicesOf(view, w)) {
    const fallback = forService(view, root, s, '\u0000other');
    const row = (clientNamespace: string, dr: DestinationRuleFact | undefined): void => {
      const conflict = dr ? conflictOf(dr, s, w, ports) : undefined;
      const mode = dr ? tlsModeFor(dr, undefined) : undefined;
      // portLevelSettings override the rule's tls per Service port (MergeSubsetTrafficPolicy, GetPortLevelTrafficPolicy).
      // A port entry without tls (mode '') means auto mTLS there: AUTO, shown only where it differs.
      const portModes = dr
        ? (s.ports ?? []).flatMap((p) => {
            const m = tlsModeFor(dr, p.port);
            if (m === undefined || m === mode || (m === '' && mode === undefined)) return [];
            return [{ port: p.port, mode: m === '' ? 'AUTO' : m }];
          })
        : [];
      asDestination.push({
        clientNamespace,
        ...(dr ? { rule: refOf(dr) } : {}),
        ...(mode ? { tlsMode: mode } : {}),
        ...(portModes.length > 0 ? { portTlsModes: portModes } : {}),
        ...(conflict ? { conflict } : {}),
      });
    };
    for (const n of clientNamespaces) {
      const dr = forService(view, root, s, n);
      if (dr && dr !== fallback) row(n, dr);
    }
    row('*', fallback);
  }
  const asClient: Rows['asClient'] = view
    .inNamespace('destination-rule', w.namespace ?? '')
    .filter((dr) => dr.selector && labelsMatch(dr.selector.labels, w.podLabels) && dr.host)
    .map((dr) => ({
      host: dr.host?.value ?? '',
      rule: refOf(dr),
      ...(tlsModeFor(dr, undefined) ? { tlsMode: tlsModeFor(dr, undefined) } : {}),
    }));
  return { asDestination, asClient };
}
