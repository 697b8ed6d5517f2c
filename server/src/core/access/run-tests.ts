// Runs AccessTests: each test's query through the access check, compared with its expectation
// (verdict, and when written the deciding policy and rule, the reason, what CUSTOM falls back to).
import type { Site } from '../workspace/facts';
import type { AccessResult } from './types';
import type { AccessTestCase, AccessTestsFile } from './tests-file';
import { checkAccessWith } from './check';
import type { Explainer } from './resolve';

export interface AccessTestResult {
  name: string;
  passed: boolean;
  expected: string;
  /** Why it failed, in one line. */
  message?: string;
  /** The test's entry and its `expect:` key. */
  site: Site;
  expectSite: Site;
  result?: AccessResult;
  error?: string;
}

/** `ns/name#rule` of the deciding rule, or `ns/name` when no rule decided (mTLS, 401). */
export function decidedByText(r: AccessResult): string | undefined {
  const d = r.decidedBy;
  if (!d) return undefined;
  const name = `${d.policy.namespace ?? ''}/${d.policy.name}`;
  return d.rule === undefined ? name : `${name}#${d.rule}`;
}

function expectationMiss(t: AccessTestCase, r: AccessResult): string | undefined {
  if (r.verdict !== t.expect) {
    const why = r.verdict === 'UNKNOWN' ? ` (missing: ${(r.missing ?? []).join(', ')})` : ` (${r.reason})`;
    return `expected ${t.expect}, got ${r.verdict}${why}`;
  }
  const by = decidedByText(r);
  if (t.decidedBy !== undefined) {
    const want = t.decidedBy;
    const ok = want.includes('#') ? by === want : by?.split('#')[0] === want;
    if (!ok) return `expected decidedBy ${want}, got ${by ?? 'none'}`;
  }
  if (t.reason !== undefined && r.reason !== t.reason) return `expected reason ${t.reason}, got ${r.reason}`;
  if (t.ifCustomAllows !== undefined && r.ifCustomAllows !== t.ifCustomAllows) {
    return `expected ifCustomAllows ${t.ifCustomAllows}, got ${r.ifCustomAllows ?? 'none'}`;
  }
  if (t.missing !== undefined && [...t.missing].sort().join(',') !== (r.missing ?? []).join(',')) {
    return `expected missing [${t.missing.join(', ')}], got [${(r.missing ?? []).join(', ')}]`;
  }
  return undefined;
}

export function runAccessTests(explain: Explainer, file: AccessTestsFile): AccessTestResult[] {
  const out: AccessTestResult[] = [];
  for (const p of file.problems) {
    out.push({
      name: p.message.split(':')[0],
      passed: false,
      expected: '?',
      message: p.message,
      site: p.site,
      expectSite: p.site,
      error: p.message,
    });
  }
  for (const t of file.tests) {
    const r = checkAccessWith(explain, t.query);
    const base = { name: t.name, expected: t.expect, site: t.site, expectSite: t.expectSite };
    if ('error' in r) out.push({ ...base, passed: false, message: r.error, error: r.error });
    else {
      const miss = expectationMiss(t, r);
      out.push(miss ? { ...base, passed: false, message: miss, result: r } : { ...base, passed: true, result: r });
    }
  }
  return out.sort((a, b) => a.site.start - b.site.start);
}
