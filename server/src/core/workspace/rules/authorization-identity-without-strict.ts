// Authorization on peer identity (principals, namespaces, service accounts, source.principal,
// source.namespace, connection.sni) for pods that still accept plaintext. A plaintext request has
// no identity: it never matches a positive DENY field and always passes a negative ALLOW field, so
// the policy is bypassed (Istio security bulletin ISTIO-SECURITY-2021-004). ALLOW on positive fields
// and DENY on negative ones fail closed and are left alone. Which workloads a policy applies to comes
// from the policy model (a root-namespace policy with a selector reaches every namespace).
import type { WorkspaceRule } from '../rule';
import { meshSettings } from '../../policy/mesh-settings';
import { peerAuthenticationsFor, workloadsForPolicy } from '../../policy/applicable';
import { effectiveMtls, hasWorkloadPolicies, namespaceMtls, workloadMtls, workloadPortMtls, type EffectiveMtls } from '../effective-mtls';
import { nameOf } from '../describe';
import { portExcluded } from '../../policy/rule-fields';
import type { AuthorizationPolicyFact } from '../facts';
import type { WorkspaceView } from '../view';
import type { Config } from '../../config';

export const rule: WorkspaceRule = {
  meta: {
    id: 'authorization-identity-without-strict',
    category: 'workspace',
    defaultSeverity: 'warning',
    summary:
      'A DENY on peer identity (or an ALLOW on a not* identity) protects pods that accept plaintext, which carries no identity and slips past it.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    for (const ap of view.all('authorization-policy')) {
      if (ap.namespace === undefined || ap.targeted) continue;
      const bypassable = ap.identityUses.filter((u) => (ap.action === 'DENY' ? !u.negative : ap.action === 'ALLOW' ? u.negative : false));
      if (bypassable.length === 0) continue;
      const weak = weakestMtls(view, config, ap);
      if (!weak) continue;
      for (const use of bypassable) {
        const why =
          ap.action === 'DENY'
            ? `a plaintext request carries no identity, so it never matches this DENY and gets through`
            : `a plaintext request carries no identity, so it passes this "not" test and is allowed`;
        ctx.report({
          at: use.site,
          message: `\`${use.field}\` is only known over mutual TLS, but ${weak.who} plaintext (${weak.eff.mode} from ${nameOf(weak.eff.policy)}): ${why}. Make mutual TLS STRICT for these workloads, or match on something plaintext requests carry too.`,
          related: [{ at: weak.eff.site, message: `${weak.eff.mode} applies here` }],
        });
      }
    }
  },
};

interface Weak {
  eff: EffectiveMtls;
  /** Who accepts plaintext, with the verb ("Deployment a/b accepts"). */
  who: string;
}

/** The first targeted pod group whose effective mode is not STRICT, when the workspace can tell. */
function weakestMtls(view: WorkspaceView, config: Config, ap: AuthorizationPolicyFact): Weak | undefined {
  const ns = ap.namespace as string;
  const settings = meshSettings(view, config);
  const inRoot = ns === settings.rootNamespace.value;
  const meshWide = inRoot && !ap.selector;
  const workloads = workloadsForPolicy(view, settings, ap);
  for (const w of workloads) {
    const eff = workloadMtls(view, config, w);
    if (eff && eff.mode !== 'STRICT') return { eff, who: `${nameOf(w)} accepts` };
    // A workload policy's portLevelMtls can relax one port (Istio looks the mode up per target port);
    // it matters only if some rule of this policy can apply on that port (not all `to` scoped elsewhere).
    for (const port of peerAuthenticationsFor(view, settings, w).workload[0]?.ports ?? []) {
      if (port.portNumber === undefined || !reachesPort(ap, port.portNumber)) continue;
      const onPort = workloadPortMtls(view, config, w, port.portNumber);
      if (onPort && onPort.mode !== 'STRICT') return { eff: onPort, who: `${nameOf(w)} (port ${port.portNumber}) accepts` };
    }
  }
  if (workloads.length > 0) return undefined;
  // No workload in the workspace: decide from the policies alone, only when no other policy could differ.
  // A root-namespace selector reaches pods of every namespace, whose policies the workspace may not hold.
  if (inRoot && ap.selector) return undefined;
  let eff: EffectiveMtls | undefined;
  if (ap.selector) eff = effectiveMtls(view, config, { namespace: ns, labels: ap.selector.labels, exact: false });
  else if (meshWide) eff = view.all('peer-authentication').some((p) => p.namespace !== ns) ? undefined : namespaceMtls(view, config, ns);
  else eff = hasWorkloadPolicies(view, config, ns) ? undefined : namespaceMtls(view, config, ns);
  return eff && eff.mode !== 'STRICT' ? { eff, who: ap.selector ? 'the selected workloads accept' : `namespace ${ns} accepts` } : undefined;
}

/** Whether some rule of the policy can match on this workload port: its `to` does not rule the port out. */
function reachesPort(ap: AuthorizationPolicyFact, port: number): boolean {
  if (!ap.rules || ap.rules.length === 0) return true;
  return ap.rules.some((r) => !portExcluded({ to: r.to?.map((c) => c.fields), when: r.when }, port));
}
