// Turns an effective-policy answer into the sections of the Mesh Policy tree (mTLS per port,
// authorization by action, ...), in the design's order; rule details come from rule-nodes.ts.
import type { AppliedPolicy, EffectivePolicy, Ref } from '../../../server/src/core/policy/types';
import type { Site } from '../../../server/src/core/workspace/facts';
import { ruleNode } from './rule-nodes';
import { refName, type PolicyNode } from './tree-node';

function refNode(ref: Ref, description?: string, children?: PolicyNode[]): PolicyNode {
  return { label: refName(ref), description: [ref.kind, description].filter(Boolean).join(' · '), site: ref.location, children };
}

function section(label: string, description: string, children: PolicyNode[], icon: string): PolicyNode {
  return { label, description, icon, expanded: children.length > 0, children };
}

export function workloadNode(p: EffectivePolicy): PolicyNode {
  const w = p.workload;
  return {
    label: `${refName(w)}`,
    description: `${w.kind} · ${w.dataPlane} · sa ${w.serviceAccount}`,
    tooltip: w.identity,
    site: w.location,
    icon: 'server-process',
  };
}

function mtlsNode(p: EffectivePolicy): PolicyNode {
  const m = p.mtls;
  const ports: PolicyNode[] = m.ports.map((port) => {
    const services = port.services.map((s) => `${s.service.name}:${s.servicePort}`).join(', ');
    return {
      label: `port ${port.port}: ${port.mode}`,
      description: [`${port.decidedBy} level`, services && `Service ${services}`].filter(Boolean).join(' · '),
      tooltip: port.notes?.join('\n'),
      site: port.policy?.location,
      icon: port.notes?.length ? 'warning' : 'plug',
      children: port.notes?.map((note) => ({ label: note, icon: 'info' })),
    };
  });
  const chain: PolicyNode[] = m.chain.map((entry) => ({
    label: `${entry.level}: ${entry.mode}`,
    description: [entry.policy && refName(entry.policy), entry.effect].filter(Boolean).join(' · '),
    tooltip: entry.why,
    site: entry.policy?.location,
    icon: entry.effect === 'sets' ? 'check' : entry.effect === 'ignored' ? 'circle-slash' : 'arrow-up',
  }));
  const children: PolicyNode[] = [
    { label: `other ports: ${m.defaultMode}`, icon: 'plug' },
    ...ports,
    { label: 'Chain', description: chain.length ? 'mesh → namespace → workload' : 'no PeerAuthentication', children: chain },
  ];
  if (m.ambiguous) {
    const tied = m.ambiguous.policies.map((r) => refNode(r));
    children.push({
      label: `Ambiguous at ${m.ambiguous.level} level`,
      description: 'Istio takes the oldest',
      icon: 'warning',
      children: tied,
    });
  }
  return { label: 'mTLS', description: `default ${m.defaultMode}`, icon: 'lock', expanded: true, children };
}

function appliedNode(a: AppliedPolicy): PolicyNode {
  const notes = [a.scope, a.dryRun && 'dry-run', a.provider && `provider ${a.provider}`, a.noRules && 'no rules: matches nothing'];
  return refNode(a.policy, notes.filter(Boolean).join(' · '), a.rules.map(ruleNode));
}

function authorizationNode(p: EffectivePolicy): PolicyNode {
  const z = p.authorization;
  const groups: [string, AppliedPolicy[]][] = [
    ['CUSTOM', z.custom],
    ['DENY', z.deny],
    ['ALLOW', z.allow],
    ['AUDIT', z.audit],
  ];
  const children: PolicyNode[] = groups
    .filter(([, list]) => list.length > 0)
    .map(([action, list]) => ({ label: action, description: `${list.length}`, expanded: true, children: list.map(appliedNode) }));
  for (const port of z.perPort) {
    if (port.notes.length === 0) continue;
    children.push({
      label: `port ${port.port} (${port.protocol})`,
      icon: 'warning',
      children: port.notes.map((note) => ({ label: note, icon: 'info' })),
    });
  }
  if (children.length === 0) children.push({ label: 'no AuthorizationPolicy applies', icon: 'info' });
  return section('Authorization', z.posture, children, 'shield');
}

function requestAuthNode(p: EffectivePolicy): PolicyNode {
  const r = p.requestAuthentication;
  const children: PolicyNode[] = r.issuers.map((i) => ({
    label: i.issuer,
    description: [refName(i.policy), i.audiences?.length && `audiences ${i.audiences.join(', ')}`].filter(Boolean).join(' · '),
    site: i.site,
    icon: 'key',
  }));
  for (const policy of r.policies) if (!r.issuers.some((i) => i.policy.name === policy.name)) children.push(refNode(policy, 'no jwtRules'));
  const description = children.length ? `${r.issuers.length} issuer(s)` : 'none: tokens are not validated';
  return section('Request authentication', description, children, 'key');
}

function destinationRulesNode(p: EffectivePolicy): PolicyNode {
  const d = p.destinationRules;
  const asDestination: PolicyNode[] = d.asDestination.map((row) => ({
    label: `clients in ${row.clientNamespace}`,
    description: [row.rule ? refName(row.rule) : 'no DestinationRule', row.tlsMode].filter(Boolean).join(' · '),
    tooltip: row.conflict,
    site: row.rule?.location,
    icon: row.conflict ? 'warning' : 'arrow-right',
  }));
  const asClient: PolicyNode[] = d.asClient.map((row) => ({ ...refNode(row.rule, row.tlsMode), label: row.host, icon: 'arrow-left' }));
  const children: PolicyNode[] = [];
  if (asDestination.length) children.push({ label: 'As destination', children: asDestination, expanded: true });
  if (asClient.length) children.push({ label: 'As client', children: asClient, expanded: true });
  return section('Destination rules', children.length ? '' : 'none', children, 'arrow-swap');
}

function sidecarNode(p: EffectivePolicy): PolicyNode {
  const s = p.sidecar;
  const children = [...(s?.policy ? [refNode(s.policy)] : []), ...(s?.ambiguous ?? []).map((r) => refNode(r, 'also matches'))];
  return { label: 'Sidecar', description: s ? `${s.scope} scope` : 'default scope', site: s?.policy?.location, icon: 'layers', children };
}

function notApplicableNode(p: EffectivePolicy): PolicyNode {
  const children = p.notApplicable.map((n) => ({ ...refNode(n.policy), description: n.why, tooltip: `${n.policy.kind}: ${n.why}` }));
  return { label: 'Not applicable', description: `${children.length}`, icon: 'circle-slash', children };
}

function assumptionsNode(p: EffectivePolicy): PolicyNode {
  const mesh = p.mesh;
  const setting = (label: string, value: string, from: { source: string; site?: Site }): PolicyNode => ({
    label: `${label}: ${value}`,
    description: from.source,
    site: from.site,
    icon: 'settings',
  });
  const children: PolicyNode[] = [
    setting('root namespace', mesh.rootNamespace.value, mesh.rootNamespace),
    setting('trust domain', mesh.trustDomain.value, mesh.trustDomain),
    ...(mesh.trustDomainAliases.value.length
      ? [setting('aliases', mesh.trustDomainAliases.value.join(', '), mesh.trustDomainAliases)]
      : []),
    ...p.assumptions.map((a) => ({ label: a, icon: 'info' })),
  ];
  return { label: 'Assumptions', description: `${p.assumptions.length}`, icon: 'question', children };
}

/** The tree for one workload: the workload, then the sections in the design's order. */
export function policyNodes(p: EffectivePolicy): PolicyNode[] {
  return [
    workloadNode(p),
    mtlsNode(p),
    authorizationNode(p),
    requestAuthNode(p),
    destinationRulesNode(p),
    sidecarNode(p),
    notApplicableNode(p),
    assumptionsNode(p),
  ];
}
