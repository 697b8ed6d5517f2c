// "Which policies apply to this workload, and why": the whole effective policy of one workload
// (design §3.3 steps 0-7), by name or by a position in a workload's document. Everything is read
// from one index snapshot and memoised there, so asking again after no edit costs a lookup.
import type { Config } from '../config';
import type { WorkloadFact } from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';
import { selectingResourcesFor } from './applicable';
import { authorizationOf } from './authz';
import { dataPlaneOf } from './data-plane';
import { destinationRulesOf } from './destination-rules';
import { meshSettings, settingsAssumptions } from './mesh-settings';
import { composeMtls, portRows } from './peer-auth';
import { refOf, targetPortOf, servicesOf, workloadPorts } from './ports';
import { requestAuthenticationOf } from './request-auth';
import { sidecarScope } from './sidecar-scope';
import type { EffectivePolicy, ExplainOutcome, Ref, WorkloadName } from './types';

export interface ExplainOptions {
  /** Only this port (a workload port, or a Service port mapped to its workload port). */
  port?: number;
}

export function findWorkloads(view: WorkspaceView, target: WorkloadName): { matches: WorkloadFact[]; candidates: Ref[] } {
  const kind = target.kind?.toLowerCase();
  const matches = view
    .inNamespace('workload', target.namespace)
    .filter((w) => w.name === target.name && (kind === undefined || w.kind.toLowerCase() === kind));
  if (matches.length > 0) return { matches, candidates: matches.map(refOf) };
  // Near misses: the name in another namespace, or the namespace's workloads.
  const sameName = view.all('workload').filter((w) => w.name === target.name);
  const sameNs = view.inNamespace('workload', target.namespace);
  return { matches, candidates: [...sameName, ...sameNs].slice(0, 20).map(refOf) };
}

export function explainWorkload(view: WorkspaceView, config: Config, target: WorkloadName, options: ExplainOptions = {}): ExplainOutcome {
  const { matches, candidates } = findWorkloads(view, target);
  if (matches.length === 0) return { kind: 'not-found', candidates };
  if (matches.length > 1) return { kind: 'ambiguous', candidates };
  return { kind: 'explained', policy: effectivePolicy(view, config, matches[0], options) };
}

/** The workload whose document holds `offset` in `uri`; null when that document is no workload. */
export function explainAt(
  view: WorkspaceView,
  config: Config,
  uri: string,
  offset: number,
  options: ExplainOptions = {},
): ExplainOutcome | null {
  const w = workloadAt(view, uri, offset);
  return w ? { kind: 'explained', policy: effectivePolicy(view, config, w, options) } : null;
}

export function workloadAt(view: WorkspaceView, uri: string, offset: number): WorkloadFact | undefined {
  const facts = [...(view.file(uri)?.facts ?? [])].sort((a, b) => a.docEnd - b.docEnd);
  let previousEnd = 0;
  for (const f of facts) {
    if (offset >= previousEnd && offset < f.docEnd) return f.type === 'workload' ? f : undefined;
    previousEnd = f.docEnd;
  }
  return undefined;
}

export function effectivePolicy(view: WorkspaceView, config: Config, w: WorkloadFact, options: ExplainOptions = {}): EffectivePolicy {
  const key = `explain\u0000${JSON.stringify(config)}\u0000${w.uri}\u0000${w.site.start}\u0000${options.port ?? ''}`;
  return view.memo(key, () => compute(view, config, w, options));
}

function compute(view: WorkspaceView, config: Config, w: WorkloadFact, options: ExplainOptions): EffectivePolicy {
  const settings = meshSettings(view, config);
  const ns = w.namespace ?? '';
  const plane = dataPlaneOf(view, w);
  const assumptions: string[] = [...settingsAssumptions(settings), ...(settings.conflicts ?? [])];
  if (plane.assumption) assumptions.push(plane.assumption);
  const mtlsAnswer = composeMtls(view, settings, w);
  const extraPorts = (mtlsAnswer.workloadPolicy?.ports ?? []).flatMap((p) => (p.portNumber !== undefined ? [p.portNumber] : []));
  let ports = workloadPorts(view, w, extraPorts);
  if (options.port !== undefined) {
    const asWorkload = ports.filter((p) => p.port === options.port);
    const viaService = servicesOf(view, w).flatMap((s) =>
      (s.ports ?? []).filter((sp) => sp.port === options.port).map((sp) => ({ s, sp })),
    );
    if (asWorkload.length === 0 && viaService.length > 0) {
      const target = targetPortOf(viaService[0].sp, w);
      assumptions.push(
        `Port ${options.port} is a port of Service ${viaService[0].s.name ?? ''}; policies see its workload port ${target ?? '(unresolved)'}, shown here.`,
      );
      ports = ports.filter((p) => p.port === target);
    } else if (asWorkload.length === 0) {
      assumptions.push(
        `Port ${options.port} is neither declared by the workload nor a Service port: shown with the workload-wide settings.`,
      );
      ports = [{ port: options.port, services: [], protocol: 'unknown', protocolWhy: 'undeclared port' }];
    } else ports = asWorkload;
  }
  const sidecar = sidecarScope(view, settings, w);
  assumptions.push(...mtlsAnswer.assumptions, ...sidecar.assumptions);
  const mtlsPorts = portRows(view, w, mtlsAnswer, ports, plane, sidecar.fact?.ingress ?? []);
  const authz = authorizationOf(view, settings, w, plane, ports);
  assumptions.push(...authz.assumptions);
  const ra = requestAuthenticationOf(view, settings, w);
  const extensions: { policy: Ref; why: string }[] = [];
  const extensionMisses: EffectivePolicy['notApplicable'] = [];
  for (const kind of ['EnvoyFilter', 'WasmPlugin']) {
    const r = selectingResourcesFor(view, settings, w, kind);
    for (const a of r.applied)
      extensions.push({ policy: refOf(a.fact), why: `${a.verdict.why}; may alter how the proxy handles traffic (not modelled)` });
    for (const n of r.notApplicable) extensionMisses.push({ policy: refOf(n.fact), why: n.why });
  }
  const root = settings.rootNamespace.value;
  const policyTypes = ['peer-authentication', 'authorization-policy', 'request-authentication'] as const;
  if (!policyTypes.some((t) => view.inNamespace(t, ns).length > 0 || view.inNamespace(t, root).length > 0))
    assumptions.push(
      `Neither ${ns} nor the root namespace ${root} holds a policy in this workspace: policies kept elsewhere (the cluster, another repository) are not seen.`,
    );
  const sa = w.serviceAccountName?.value ?? 'default';
  return {
    workload: {
      ...refOf(w),
      labels: w.podLabels,
      serviceAccount: sa,
      dataPlane: plane.dataPlane,
      dataPlaneWhy: plane.why,
      identity: `spiffe://${settings.trustDomain.value}/ns/${ns}/sa/${sa}`,
    },
    mtls: { ...mtlsAnswer.mtls, ports: mtlsPorts },
    authorization: authz.authorization,
    requestAuthentication: ra.requestAuthentication,
    destinationRules: destinationRulesOf(view, settings, w, mtlsPorts),
    sidecar: sidecar.sidecar,
    notApplicable: [...mtlsAnswer.notApplicable, ...authz.notApplicable, ...ra.notApplicable, ...sidecar.notApplicable, ...extensionMisses],
    ...(extensions.length > 0 ? { extensions } : {}),
    assumptions,
    mesh: settings,
  };
}
