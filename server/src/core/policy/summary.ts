// One-line and short markdown summaries of an effective policy, for the CodeLens above a workload
// and the hover on its name: the mTLS mode, how many policies of each action apply, JWT issuers.
import type { EffectivePolicy } from './types';

export function lensTitle(e: EffectivePolicy): string {
  const modes = new Set([e.mtls.defaultMode, ...e.mtls.ports.map((p) => p.mode)]);
  const mtls = modes.size === 1 ? `mTLS ${e.mtls.defaultMode}` : `mTLS ${[...modes].join('/')}`;
  const a = e.authorization;
  const parts = [mtls];
  for (const [n, name] of [
    [a.custom.length, 'CUSTOM'],
    [a.deny.length, 'DENY'],
    [a.allow.length, 'ALLOW'],
  ] as const)
    if (n > 0) parts.push(`${n} ${name}`);
  const issuers = [...new Set(e.requestAuthentication.issuers.map((i) => i.issuer))];
  if (issuers.length > 0) parts.push(`JWT: ${issuers.slice(0, 2).join(', ')}${issuers.length > 2 ? ', …' : ''}`);
  if (e.workload.dataPlane !== 'sidecar') parts.push(e.workload.dataPlane);
  return parts.join(' · ');
}

export function hoverMarkdown(e: EffectivePolicy): string {
  const w = e.workload;
  const name = (r: { kind: string; namespace?: string; name: string }): string => `${r.kind} \`${r.namespace ?? ''}/${r.name}\``;
  const lines = [
    `**${w.namespace ?? ''}/${w.name}**: ${w.dataPlane}${w.dataPlaneWhy ? ` (${w.dataPlaneWhy})` : ''}, identity \`${w.identity}\``,
    '',
    `- mTLS ${e.mtls.defaultMode}${e.mtls.ports.length > 0 ? `; ${e.mtls.ports.map((p) => `${p.port}: ${p.mode}`).join(', ')}` : ''}`,
  ];
  const a = e.authorization;
  for (const p of [...a.custom, ...a.deny, ...a.allow, ...a.audit])
    lines.push(`- ${p.action} ${name(p.policy)}${p.dryRun ? ' (dry-run)' : ''}${p.noRules ? ' (no rules)' : ''}`);
  lines.push(`- posture: ${a.posture}`);
  for (const i of e.requestAuthentication.issuers) lines.push(`- JWT issuer \`${i.issuer}\` (${name(i.policy)})`);
  if (e.notApplicable.length > 0) lines.push(`- ${e.notApplicable.length} policies looked at do not apply`);
  return lines.join('\n');
}
