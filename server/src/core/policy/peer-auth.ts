// The inbound mTLS mode of a workload, level by level and port by port, as Istio composes it
// (authn/policy_applier.go ComposePeerAuthentication): start PERMISSIVE; mesh, then namespace,
// then workload each override unless UNSET; portLevelMtls only from the workload-level policy,
// keyed by workload port, an UNSET port inheriting the workload result. Several policies at one
// level: the oldest wins; without creation timestamps the answer is marked ambiguous.
import type { PeerAuthenticationFact, WorkloadFact } from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';
import { peerAuthenticationsFor, type PeerAuthentications } from './applicable';
import type { DataPlaneAnswer } from './data-plane';
import { refOf, servicePortsOnly, type WorkloadPort } from './ports';
import type { EffectivePolicy, Level, MeshSettings, MtlsChainEntry, MtlsModeName, PortMtls } from './types';

type Mtls = EffectivePolicy['mtls'];
const MODES = new Set(['STRICT', 'PERMISSIVE', 'DISABLE']);

function modeOf(pa: PeerAuthenticationFact | undefined): MtlsModeName | 'UNSET' {
  const m = pa?.mode?.mode;
  return m && MODES.has(m) ? (m as MtlsModeName) : 'UNSET';
}

export interface MtlsAnswer {
  mtls: Mtls;
  notApplicable: EffectivePolicy['notApplicable'];
  assumptions: string[];
  /** The workload-level policy in force (its portLevelMtls keys are extra ports to show). */
  workloadPolicy?: PeerAuthenticationFact;
}

export interface MtlsDecision {
  mode: MtlsModeName;
  /** The narrowest level whose policy has a mode; the mesh level without a policy when none has. */
  decidedBy: { level: 'mesh' | 'namespace' | 'workload'; policy?: PeerAuthenticationFact };
}

/**
 * The mode the first (oldest) policy of each level composes to: start PERMISSIVE, then mesh,
 * namespace and workload each override unless UNSET. The one composition for `explain` and the
 * workspace rules (workspace/effective-mtls.ts).
 */
export function decideMtls(found: Pick<PeerAuthentications, 'mesh' | 'namespace' | 'workload'>): MtlsDecision {
  let out: MtlsDecision = { mode: 'PERMISSIVE', decidedBy: { level: 'mesh' } };
  for (const level of ['mesh', 'namespace', 'workload'] as const) {
    const policy = found[level][0];
    const m = modeOf(policy);
    if (policy && m !== 'UNSET') out = { mode: m, decidedBy: { level, policy } };
  }
  return out;
}

/** The workload-level policy's portLevelMtls entry for a workload port, when it sets a mode (not UNSET). */
export function portLevelMode(
  workloadPolicy: PeerAuthenticationFact | undefined,
  port: number,
): { mode: MtlsModeName; entry: PeerAuthenticationFact['ports'][number] } | undefined {
  const entry = workloadPolicy?.ports.find((e) => e.portNumber === port);
  return entry && MODES.has(entry.mode) ? { mode: entry.mode as MtlsModeName, entry } : undefined;
}

/** Levels and default mode, without ports. */
export function composeMtls(view: WorkspaceView, settings: MeshSettings, w: WorkloadFact): MtlsAnswer {
  const found = peerAuthenticationsFor(view, settings, w);
  const assumptions: string[] = [];
  const chain: MtlsChainEntry[] = [];
  let ambiguous: Mtls['ambiguous'];
  const chosen: Partial<Record<'mesh' | 'namespace' | 'workload', PeerAuthenticationFact>> = {};
  for (const level of ['mesh', 'namespace', 'workload'] as const) {
    const list = found[level];
    if (list.length === 0) continue;
    chosen[level] = list[0];
    if (list.length > 1 && !found.ordered[level]) {
      ambiguous ??= { level, policies: list.map(refOf) };
      assumptions.push(
        `${list.length} PeerAuthentications at the ${level} level (${list.map((p) => `${p.namespace ?? ''}/${p.name ?? ''}`).join(', ')}): ` +
          `Istio uses the oldest by creationTimestamp, which the manifests do not say; ${list[0].namespace ?? ''}/${list[0].name ?? ''} (first in the workspace) is assumed.`,
      );
    }
  }
  const { mode, decidedBy } = decideMtls(found);
  for (const level of ['mesh', 'namespace', 'workload'] as const) {
    const pa = chosen[level];
    if (!pa) continue;
    const m = modeOf(pa);
    const deciding = decidedBy.policy === pa;
    const effect: MtlsChainEntry['effect'] = m === 'UNSET' ? 'inherits' : deciding ? 'sets' : 'ignored';
    const why =
      m === 'UNSET'
        ? level === 'mesh'
          ? 'mode UNSET at the mesh level means PERMISSIVE'
          : 'mode UNSET: inherits from the level above'
        : deciding
          ? 'the narrowest level with a mode: decides'
          : `overridden by the ${decidedBy.level} level (${decidedBy.policy?.namespace ?? ''}/${decidedBy.policy?.name ?? ''})`;
    chain.push({ level, policy: refOf(pa), mode: m, effect, why });
  }
  for (const level of ['mesh', 'namespace', 'workload'] as const)
    for (const loser of found[level].slice(1))
      chain.push({
        level,
        policy: refOf(loser),
        mode: modeOf(loser),
        effect: 'ignored',
        why: found.ordered[level]
          ? 'a newer policy at the same level: Istio uses the oldest'
          : 'tie at the same level: only one is used (see assumptions)',
      });
  if (!chosen.mesh && !chosen.namespace && !chosen.workload)
    assumptions.push('No PeerAuthentication applies: Istio\u2019s default PERMISSIVE (plaintext and mTLS both accepted).');
  const notApplicable = found.notApplicable.map((r) => ({ policy: refOf(r.fact), why: r.why }));
  return {
    mtls: { defaultMode: mode, chain, ports: [], ...(ambiguous ? { ambiguous } : {}) },
    notApplicable,
    assumptions,
    workloadPolicy: chosen.workload,
  };
}

/** The deciding level and policy of the default mode, from the chain. */
function defaultDecider(m: Mtls): { level: Level; policy?: PortMtls['policy'] } {
  const set = m.chain.find((c) => c.effect === 'sets');
  return set ? { level: set.level, policy: set.policy } : { level: 'mesh' };
}

/** Port rows: the default mode unless the workload-level policy has a portLevelMtls entry for the workload port. */
export function portRows(
  view: WorkspaceView,
  w: WorkloadFact,
  answer: MtlsAnswer,
  ports: readonly WorkloadPort[],
  plane: DataPlaneAnswer,
  /** Ingress listeners of the Sidecar resource in force. */
  ingress: readonly { port: number; tls: boolean }[],
): PortMtls[] {
  const m = answer.mtls;
  const wp = answer.workloadPolicy;
  const decider = defaultDecider(m);
  const serviceOnly = servicePortsOnly(view, w);
  return ports.map((p): PortMtls => {
    const entry = wp?.ports.find((e) => e.portNumber === p.port);
    const notes: string[] = [];
    let mode = m.defaultMode;
    let decidedBy: Level = decider.level;
    let policy = decider.policy;
    if (entry && wp) {
      policy = refOf(wp);
      decidedBy = 'port';
      const set = portLevelMode(wp, p.port);
      if (set) mode = set.mode;
      else notes.push(`portLevelMtls ${p.port} is UNSET: inherits the workload result ${m.defaultMode}`);
    }
    const misplaced = serviceOnly.get(p.port);
    if (entry && misplaced)
      notes.push(
        `${p.port} is a port of Service ${misplaced.service}${misplaced.target !== undefined ? ` (to target port ${misplaced.target})` : ''}, ` +
          'not a workload port: portLevelMtls keys are workload (container) ports, so this entry never applies to that Service\u2019s traffic',
      );
    if (mode === 'DISABLE' && ingress.some((i) => i.port === p.port && i.tls))
      notes.push('mTLS is DISABLE here, so the Sidecar ingress `tls` settings (user TLS) apply on this port');
    if (plane.dataPlane === 'ambient') {
      notes.push('enforced by ztunnel (STRICT rejects plaintext; PERMISSIVE accepts both)');
      if (mode === 'DISABLE') notes.push('DISABLE is not supported in ambient mode: ztunnel treats it as PERMISSIVE');
    }
    return { port: p.port, services: p.services, mode, decidedBy, ...(policy ? { policy } : {}), ...(notes.length > 0 ? { notes } : {}) };
  });
}
