// The text form of `meshlint explain`: one workload's effective policy, a section per question
// (mTLS per port, authorization by action, JWT, destination rules, sidecar scope), each policy
// with the file and line that stands for it.
import type { AppliedPolicy, EffectivePolicy, PortMtls, Ref } from '../core/policy/types';
import { fileName } from '../core/workspace/describe';

function at(r: Ref): string {
  return `${fileName(r.location.uri)}:${r.location.line + 1}`;
}

function named(r: Ref): string {
  return `${r.kind} ${r.namespace ?? ''}/${r.name}`;
}

function portsLine(e: EffectivePolicy, rows: PortMtls[]): string[] {
  const out: string[] = [];
  const groups = new Map<string, PortMtls[]>();
  for (const p of rows) {
    const key = `${p.mode}\u0000${p.decidedBy}\u0000${p.policy ? named(p.policy) : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const defaultShown = rows.some((p) => p.decidedBy !== 'port');
  for (const list of groups.values()) {
    const p = list[0];
    const names = list.map((x) => String(x.port)).join(', ');
    const other = p.decidedBy !== 'port' && p.mode === e.mtls.defaultMode ? ' (and any other port)' : '';
    out.push(`    ${list.length > 1 ? 'ports' : 'port'} ${names}${other}: ${p.mode}`);
    out.push(
      p.policy ? `      ← ${p.decidedBy} level: ${named(p.policy)} (${at(p.policy)})` : "      ← no PeerAuthentication: Istio's default",
    );
    for (const x of list) for (const n of x.notes ?? []) out.push(`      port ${x.port}: ${n}`);
  }
  if (!defaultShown) out.push(`    any other port: ${e.mtls.defaultMode}`);
  return out;
}

function policyLines(p: AppliedPolicy): string[] {
  const scope =
    p.scope === 'root' ? 'root namespace' : p.scope === 'targetRef' ? 'targetRefs' : p.scope === 'workload' ? 'selector' : 'namespace-wide';
  const flags = [p.dryRun ? 'dry-run' : '', p.noRules ? 'no rules' : '', p.provider ? `provider ${p.provider}` : '']
    .filter(Boolean)
    .join(', ');
  const head = `    ${p.action.padEnd(6)}${named(p.policy)} (${scope}${flags ? `; ${flags}` : ''})   ${at(p.policy)}`;
  return [head, ...(p.notes ?? []).map((n) => `          ${n}`)];
}

export function formatExplain(e: EffectivePolicy): string {
  const w = e.workload;
  const out: string[] = [
    `Workload ${w.namespace ?? ''}/${w.name} (${w.kind}, ${at(w)}), ${w.dataPlane}, sa ${w.serviceAccount}`,
    `  identity ${w.identity}${w.dataPlaneWhy ? `; ${w.dataPlane} because ${w.dataPlaneWhy}` : ''}`,
    '  mTLS (inbound)',
  ];
  if (e.mtls.ports.length > 0) out.push(...portsLine(e, e.mtls.ports));
  else out.push(`    every port: ${e.mtls.defaultMode}`);
  for (const c of e.mtls.chain)
    if (c.policy) out.push(`      ${c.level} level: ${named(c.policy)} → ${c.mode}, ${c.effect}: ${c.why} (${at(c.policy)})`);
  if (e.mtls.ambiguous)
    out.push(`    ambiguous at the ${e.mtls.ambiguous.level} level: ${e.mtls.ambiguous.policies.map(named).join(', ')}`);
  const a = e.authorization;
  out.push('  Authorization (CUSTOM → DENY → ALLOW; AUDIT only logs)');
  for (const p of [...a.custom, ...a.deny, ...a.allow, ...a.audit]) out.push(...policyLines(p));
  if (a.allow.length === 0)
    out.push(`    ALLOW none → ${a.posture === 'allow-unless-denied' ? 'requests not denied are allowed' : 'only allowed requests pass'}`);
  else out.push(`    posture: ${a.posture}`);
  for (const p of a.perPort) for (const n of p.notes) out.push(`    on ${p.protocol.toUpperCase()} port ${p.port}: ${n}`);
  const ra = e.requestAuthentication;
  if (ra.policies.length === 0) out.push('  RequestAuthentication: none (tokens are not validated; request.auth.* never match)');
  else {
    out.push(`  RequestAuthentication: ${ra.policies.map((p) => `${named(p)} (${at(p)})`).join(', ')}`);
    for (const i of ra.issuers) out.push(`    issuer ${i.issuer}${i.audiences ? ` (audiences ${i.audiences.join(', ')})` : ''}`);
    out.push('    a request without a token passes with no identity; a token that fails a rule gets 401');
  }
  const dr = e.destinationRules;
  const dest = dr.asDestination.filter((d) => d.rule);
  if (dest.length === 0 && dr.asClient.length === 0) out.push(`  DestinationRules for ${w.namespace ?? ''}/${w.name}: none`);
  for (const d of dest)
    out.push(
      `  DestinationRule as destination, clients in ${d.clientNamespace === '*' ? 'other namespaces' : d.clientNamespace}: ${d.rule ? named(d.rule) : ''}` +
        `${d.tlsMode ? ` tls ${d.tlsMode}` : ''}${d.conflict ? ` CONFLICT: ${d.conflict}` : ''}`,
    );
  for (const c of dr.asClient)
    out.push(`  DestinationRule as client for ${c.host}: ${named(c.rule)}${c.tlsMode ? ` tls ${c.tlsMode}` : ''}`);
  const s = e.sidecar;
  if (s) out.push(`  Sidecar: ${s.policy ? `${named(s.policy)} (${s.scope}, ${at(s.policy)})` : 'none (default scope)'}`);
  for (const x of e.extensions ?? []) out.push(`  ${named(x.policy)}: ${x.why}`);
  if (e.notApplicable.length > 0) {
    out.push('  Not applicable');
    for (const n of e.notApplicable) out.push(`    ${named(n.policy)}: ${n.why} (${at(n.policy)})`);
  }
  out.push('  Assumptions');
  for (const x of e.assumptions) out.push(`    ${x}`);
  return out.join('\n');
}
