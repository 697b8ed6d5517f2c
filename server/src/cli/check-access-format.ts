// Output of `meshlint check-access`: a readable answer (verdict, deciding rule and the fields that
// decided, what was not reached, the identity and mTLS mode), the AccessResult as JSON, and
// AccessTests results as text, JSON or SARIF (a failing test is an error on its `expect:` key).
import type { AccessQuery, AccessResult, FieldTrace } from '../core/access/types';
import type { AccessTestResult } from '../core/access/run-tests';
import { decidedByText } from '../core/access/run-tests';
import type { Site } from '../core/workspace/facts';
import { escapeForTerminal } from './escape';

const at = (s: Site): string => `${s.uri}:${s.line + 1}`;

function sourceText(q: AccessQuery): string {
  const s = q.source;
  if ('plaintext' in s) return 'plaintext';
  if ('principal' in s) return s.principal;
  if ('serviceAccount' in s) return `${s.namespace}:${s.serviceAccount}`;
  return s.workload;
}

function fieldLine(f: FieldTrace): string {
  const mark = f.result === 'match' ? '✓' : f.result === 'no-match' ? '✗' : '?';
  const got = f.requestValue === null ? '(none)' : Array.isArray(f.requestValue) ? f.requestValue.join(',') : f.requestValue;
  const path = f.path.replace(/^rules\[\d+\]\./, '');
  return `    ${path} ${JSON.stringify(f.values)} ${mark} ${got}${f.note ? `  (${f.note})` : ''}`;
}

export function formatAnswer(q: AccessQuery, r: AccessResult): string {
  const c = r.context;
  const req = c.protocol === 'http' ? ` ${q.request?.method ?? 'GET'} ${q.request?.path ?? '/'}` : ' (tcp)';
  const svc = c.servicePort !== undefined && 'service' in q.destination ? ` (Service ${q.destination.service ?? ''}:${c.servicePort})` : '';
  const lines = [`${r.verdict}  ${sourceText(q)} → ${q.destination.workload}:${c.targetPort}${svc}${req}`];
  const d = r.decidedBy;
  if (d) {
    const trace = r.trace.find(
      (t) => t.policy.kind === d.policy.kind && t.policy.name === d.policy.name && t.policy.namespace === d.policy.namespace,
    );
    const rule = d.rule === undefined ? '' : ` rule[${d.rule}]`;
    lines.push(
      `  decided by ${trace?.action ?? ''} ${d.policy.kind} ${d.policy.namespace ?? ''}/${d.policy.name}${rule}  (${at(d.policy.location)})`.replace(
        'by  ',
        'by ',
      ),
    );
    const fields = trace?.rules.find((x) => x.index === d.rule)?.fields ?? [];
    lines.push(...fields.map(fieldLine));
  }
  if (r.reason === 'allow-policies-exist-none-matched' || r.verdict === 'UNKNOWN') {
    for (const t of r.trace.filter((x) => x.action === 'ALLOW' && !x.dryRun)) {
      for (const rule of t.rules) {
        const failed = rule.fields.filter((f) => f.result !== 'match');
        const why = rule.note ?? (failed.length === 0 ? 'no field failed' : `${failed.length} field(s) ${failed[0].result}`);
        lines.push(`  not matched: ALLOW ${t.policy.namespace ?? ''}/${t.policy.name} rule[${rule.index}] (${why})`);
        lines.push(...failed.map(fieldLine));
      }
    }
  }
  lines.push(`  reason: ${r.reason}`);
  if (r.verdict === 'CUSTOM') lines.push(`  provider ${r.provider ?? '?'} decides; if it allows: ${r.ifCustomAllows ?? '?'}`);
  if (r.missing?.length) lines.push(`  missing: ${r.missing.join(', ')} (give them to settle the answer)`);
  for (const s of r.shadow) lines.push(`  dry-run: ${s.policy.namespace ?? ''}/${s.policy.name} rule[${s.rule}] would ${s.wouldBe}`);
  const mtlsBy = c.mtlsDecidedBy ? ` ← ${c.mtlsDecidedBy.namespace ?? ''}/${c.mtlsDecidedBy.name}` : '';
  lines.push(`  identity: ${c.identity ?? '(none)'} (${c.transport}; port ${c.targetPort} ${c.mtlsMode}${mtlsBy})`);
  for (const a of r.assumptions) lines.push(`  note: ${a}`);
  return `${lines.map(escapeForTerminal).join('\n')}\n`;
}

export function formatTestsText(results: readonly AccessTestResult[]): string {
  const lines = results.map((t) => {
    if (t.passed) return `PASS  ${t.name}  (${t.expected}${t.result && decidedByText(t.result) ? `, ${decidedByText(t.result)}` : ''})`;
    return `FAIL  ${t.name}  ${at(t.expectSite)}: ${t.message ?? 'failed'}`;
  });
  const failed = results.filter((t) => !t.passed).length;
  lines.push(`${results.length - failed} passed, ${failed} failed`);
  return `${lines.map(escapeForTerminal).join('\n')}\n`;
}

export function testsJson(results: readonly AccessTestResult[]): string {
  const tests = results.map((t) => ({
    name: t.name,
    passed: t.passed,
    expected: t.expected,
    ...(t.message ? { message: t.message } : {}),
    ...(t.error ? { error: t.error } : {}),
    location: { uri: t.expectSite.uri, line: t.expectSite.line + 1, column: t.expectSite.character + 1 },
    ...(t.result ?? {}),
  }));
  const failed = results.filter((t) => !t.passed).length;
  return `${JSON.stringify({ tests, passed: results.length - failed, failed }, null, 2)}\n`;
}

export const ACCESS_TEST_RULE = 'access-test-failed';

export function testsSarif(results: readonly AccessTestResult[], version: string, homepage: string): string {
  const failing = results.filter((t) => !t.passed);
  const run = {
    tool: {
      driver: {
        name: 'meshlint',
        version,
        informationUri: homepage,
        rules: [
          {
            id: ACCESS_TEST_RULE,
            shortDescription: { text: 'An access test did not get the verdict it expects' },
            helpUri: `${homepage}/blob/main/docs/access-check.md`,
            defaultConfiguration: { level: 'error' },
          },
        ],
      },
    },
    results: failing.map((t) => ({
      ruleId: ACCESS_TEST_RULE,
      level: 'error',
      message: { text: `${t.name}: ${t.message ?? 'failed'}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: t.expectSite.uri.split('\\').join('/') },
            region: {
              startLine: t.expectSite.line + 1,
              startColumn: t.expectSite.character + 1,
              endLine: t.expectSite.endLine + 1,
              endColumn: t.expectSite.endCharacter + 1,
            },
          },
        },
      ],
    })),
  };
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
