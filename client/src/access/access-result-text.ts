// Words for an access check answer: the one-line verdict, the deciding rule and its key, and the
// trace as markdown, shared by the Test Explorer's failure messages and the Check Access wizard.
// Free of `vscode` so it can be tested in plain Node.
import type { AccessResult, FieldTrace, PolicyTrace } from '../../../server/src/core/access/types';
import type { Site } from '../../../server/src/core/workspace/facts';
import type { AccessTestOutcome } from '../../../server/src/lsp/protocol';

function policyName(ref: { namespace?: string; name: string }): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

/** `DENY (deny-policy-matched) by retail/deny-admin rule[0]`. */
export function verdictLine(result: AccessResult): string {
  const by = result.decidedBy;
  const rule = by?.rule !== undefined ? ` rule[${by.rule}]` : '';
  const decided = by ? ` by ${by.policy.kind} ${policyName(by.policy)}${rule}` : '';
  const missing = result.missing?.length ? `; needs ${result.missing.join(', ')}` : '';
  const custom = result.ifCustomAllows ? `; if the provider allows: ${result.ifCustomAllows}` : '';
  return `${result.verdict} (${result.reason})${decided}${custom}${missing}`;
}

/** The key of the deciding rule: its first traced field, else the policy itself. */
export function decidingSite(result: AccessResult): Site | undefined {
  const by = result.decidedBy;
  if (!by) return undefined;
  const trace = result.trace.find((t) => t.policy.name === by.policy.name && t.policy.namespace === by.policy.namespace);
  const rule = trace?.rules.find((r) => r.index === by.rule);
  return rule?.fields[0]?.location ?? by.policy.location;
}

function fieldLine(f: FieldTrace): string {
  const asked = f.requestValue === null ? 'unknown' : JSON.stringify(f.requestValue);
  const note = f.note ? ` (${f.note})` : '';
  return `    - \`${f.path}\` ${f.negated ? 'not ' : ''}${JSON.stringify(f.values)} vs ${asked}: **${f.result}**${note}`;
}

function policyLines(t: PolicyTrace): string[] {
  const head = `- ${t.action}${t.dryRun ? ' (dry-run)' : ''} ${t.policy.kind} \`${policyName(t.policy)}\`: **${t.result}**`;
  return [head, ...t.rules.flatMap((r) => [`  - rule[${r.index}]: **${r.result}**`, ...r.fields.map(fieldLine)])];
}

/** The answer as markdown: verdict, context, every policy's rules and fields, shadow results, assumptions. */
export function resultMarkdown(result: AccessResult): string {
  const c = result.context;
  const lines = [
    `**${verdictLine(result)}**`,
    '',
    `Transport ${c.transport}${c.identity ? ` as \`${c.identity}\`` : ''}, ${c.protocol} to target port ${c.targetPort}` +
      `${c.servicePort !== undefined ? ` (Service port ${c.servicePort})` : ''}, mTLS ${c.mtlsMode}.`,
  ];
  if (result.decidedBy?.envoyName) lines.push('', `Envoy names the rule \`${result.decidedBy.envoyName}\`.`);
  if (result.trace.length) lines.push('', 'Trace:', ...result.trace.flatMap(policyLines));
  for (const s of result.shadow) lines.push('', `Dry-run: ${policyName(s.policy)} rule[${s.rule}] would ${s.wouldBe}.`);
  if (result.assumptions.length) lines.push('', 'Assumptions:', ...result.assumptions.map((a) => `- ${a}`));
  return lines.join('\n');
}

/** A failed test's message: what was expected against what came out, then the trace. */
export function failureMarkdown(outcome: AccessTestOutcome): string {
  if (!outcome.result) return `Expected ${outcome.expected}; the test could not be evaluated: ${outcome.error ?? 'no result'}.`;
  return `Expected ${outcome.expected}, got ${verdictLine(outcome.result)}.\n\n${resultMarkdown(outcome.result)}`;
}
