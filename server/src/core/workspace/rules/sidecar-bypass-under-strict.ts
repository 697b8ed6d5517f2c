// A sidecar workload under STRICT mTLS whose pod template lets traffic past the proxy: capture
// annotations that leave inbound ports or interfaces out of the iptables redirect, or a container
// running as the proxy's own UID 1337, whose outbound connections iptables returns uncaptured
// (istio/istio tools/istio-iptables/pkg/capture/run.go; testdata/empty.golden shows the
// `--uid-owner 1337 -j RETURN` rule and no inbound redirect when no inbound ports are included).
// Uncaptured traffic sees neither mTLS nor AuthorizationPolicy, whatever STRICT says.
import type { WorkspaceRule } from '../rule';
import type { WorkloadFact } from '../facts';
import { nameOf } from '../describe';
import { workloadMtls, workloadPortMtls, type EffectiveMtls } from '../effective-mtls';
import { dataPlaneOf } from '../../policy/data-plane';

type Bypass = NonNullable<WorkloadFact['captureBypass']>[number];

function portList(value: string): number[] {
  return value
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((p) => Number.isInteger(p) && p > 0);
}

function decidedBy(m: EffectiveMtls): string {
  return `${nameOf(m.policy)} (${m.level} level)`;
}

/** What the setting leaves uncaptured, and the STRICT policy it slips past; undefined when nothing does. */
function describe(w: WorkloadFact, b: Bypass, strict: (port?: number) => EffectiveMtls | undefined): string | undefined {
  const whole = strict();
  const ports = (list: number[]): string | undefined => {
    const hit = list.filter((p) => strict(p) !== undefined);
    const m = hit.length > 0 ? strict(hit[0]) : undefined;
    if (!m) return undefined;
    const names = hit.join(', ');
    return `inbound traffic to port${hit.length === 1 ? '' : 's'} ${names} of ${nameOf(w)} is not redirected to the sidecar, so it skips mTLS and authorization although ${decidedBy(m)} makes ${hit.length === 1 ? 'it' : 'them'} STRICT`;
  };
  if (b.key.endsWith('/excludeInboundPorts')) return ports(portList(b.value));
  if (b.key.endsWith('/includeInboundPorts')) {
    if (b.value.trim() === '*') return undefined;
    if (b.value.trim() === '' && whole)
      return `an empty list captures no inbound traffic at all: every port of ${nameOf(w)} skips mTLS and authorization although ${decidedBy(whole)} makes it STRICT`;
    const included = new Set(portList(b.value));
    return ports((w.containerPorts ?? []).map((c) => c.port).filter((p) => !included.has(p)));
  }
  if (!whole) return undefined;
  if (b.key.endsWith('/excludeInterfaces'))
    return b.value.trim() === ''
      ? undefined
      : `traffic arriving on ${b.value} is not redirected to the sidecar, so it skips mTLS and authorization although ${decidedBy(whole)} makes ${nameOf(w)} STRICT`;
  return `container ${b.container ?? '(unnamed)'} runs as UID 1337, the sidecar's own, and iptables lets that UID's outbound connections leave uncaptured: they carry no mTLS identity and no outbound policy, inside a workload ${decidedBy(whole)} makes STRICT`;
}

export const rule: WorkspaceRule = {
  meta: {
    id: 'sidecar-bypass-under-strict',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'A STRICT workload whose pod template lets traffic past the sidecar (excluded inbound ports or interfaces, or a container running as UID 1337): that traffic gets no mTLS and no authorization.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    for (const w of view.all('workload')) {
      if (!w.captureBypass || dataPlaneOf(view, w).dataPlane !== 'sidecar') continue;
      const strict = (port?: number): EffectiveMtls | undefined => {
        const m = port === undefined ? workloadMtls(view, config, w) : workloadPortMtls(view, config, w, port);
        return m?.mode === 'STRICT' ? m : undefined;
      };
      for (const b of w.captureBypass) {
        const what = describe(w, b, strict);
        if (!what) continue;
        const m = strict();
        ctx.report({
          at: b.site,
          message: `\`${b.key}: ${b.value}\`: ${what}.`,
          related: m ? [{ at: m.site, message: `STRICT set here (${nameOf(m.policy)})` }] : undefined,
        });
      }
    }
  },
};
