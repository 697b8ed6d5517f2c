// What checking one document costs beyond its parse, counted in steps (never timed): the rules of a
// kind are picked once per rule list, not per document; a file's suppression comments are read once
// however many times its findings are filtered; empty-required-value leaves the schema alone
// in a document without nulls; the AuthorizationPolicy rules share one walk of the policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, applyPolicy } from '../../server/src/core/engine';
import { countSteps } from '../../server/src/core/work-count';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { DOCUMENT_RULES } from '../../server/src/core/rules/index';
import { rule as emptyRequiredValue } from '../../server/src/core/rules/empty-required-value';
import { policyRules } from '../../server/src/core/rules/lib/authorization-policy-walk';
import { conditions, operations, sources } from '../../server/src/core/rules/lib/authorization-fields';
import type { DocContext, DocumentRule, ReportInput } from '../../server/src/core/rules/lib/rule';
import type { SchemaRegistry } from '../../server/src/core/schema';
import { registry } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';

/** The document rules, each reading its `kinds` through a counter. */
function countingRules(): { rules: DocumentRule[]; kindReads: () => number } {
  let reads = 0;
  const rules = DOCUMENT_RULES.map((r): DocumentRule => {
    const copy: DocumentRule = { meta: r.meta, check: (ctx) => r.check(ctx) };
    if (r.kinds)
      Object.defineProperty(copy, 'kinds', {
        get: () => {
          reads++;
          return r.kinds;
        },
      });
    return copy;
  });
  return { rules, kindReads: () => reads };
}

function peerAuthentications(n: number): string {
  return Array.from({ length: n }, (_, i) => peerAuthentication({ name: `pa-${i}`, app: `app-${i}` })).join('---\n');
}

test('which rules look at a kind is worked out once per rule list, not once per document', () => {
  const reads: number[] = [];
  for (const n of [10, 40]) {
    const { rules, kindReads } = countingRules();
    const analysis = new Engine(registry(), { rules }).analyze(peerAuthentications(n), DEFAULT_CONFIG);
    assert.equal(analysis.documents.length, n);
    // The same findings as the real rule list (every document's PERMISSIVE mode).
    assert.deepEqual(analysis.findings, new Engine(registry()).analyze(peerAuthentications(n), DEFAULT_CONFIG).findings);
    assert.equal(analysis.findings.filter((f) => f.ruleId === 'peer-authentication-permissive').length, n);
    reads.push(kindReads());
  }
  // One pass over the rules for the one kind (fix checks re-run one rule, found by id, not by kind).
  assert.equal(reads[0], reads[1], `kinds read ${reads.join(' then ')} times for 10 and 40 documents`);
  // (The filter reads a rule's kinds twice: whether it has any, then whether they hold the kind.)
  assert.ok(reads[0] <= 2 * DOCUMENT_RULES.length, `kinds read ${reads[0]} times for ${DOCUMENT_RULES.length} rules`);
});

/** A hand-made context for one rule, with the schema lookups counted. */
function context(value: Record<string, unknown>, reports: ReportInput[]): { ctx: DocContext; lookups: () => number } {
  let lookups = 0;
  const real = registry();
  const schemas: SchemaRegistry = new Proxy(real, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        lookups++;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const ctx: DocContext = {
    resource: { apiVersion: 'security.istio.io/v1', group: 'security.istio.io', version: 'v1', kind: 'PeerAuthentication', mesh: true },
    value,
    root: null,
    text: '',
    config: DEFAULT_CONFIG,
    schemas,
    report: (input) => reports.push(input),
    spanOf: () => undefined,
  };
  return { ctx, lookups: () => lookups };
}

test('empty-required-value reads no schema for a document without nulls, and still finds a null item', () => {
  const base = { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication' };
  const clean: ReportInput[] = [];
  // A null under metadata is the schema check's business, not this rule's.
  const quiet = context({ ...base, metadata: { name: 'x', labels: null }, spec: { mtls: { mode: 'STRICT' } } }, clean);
  emptyRequiredValue.check(quiet.ctx);
  assert.deepEqual(clean, []);
  assert.equal(quiet.lookups(), 0, 'schema lookups for a document without nulls');

  const found: ReportInput[] = [];
  const withNull = context(
    { ...base, metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'a' } }, portLevelMtls: null } },
    found,
  );
  emptyRequiredValue.check(withNull.ctx);
  assert.ok(withNull.lookups() > 0);
  const list = context({ ...base, spec: { selector: { matchLabels: { app: 'a' } } }, extra: [null] }, []);
  emptyRequiredValue.check(list.ctx);
  assert.ok(list.lookups() > 0, 'a null list item outside spec is looked at too');
});

test('the AuthorizationPolicy rules walk a policy once, whatever number of them run', () => {
  let reads = 0;
  const rulesList = [{ from: [{ source: { principals: ['cluster.local/ns/a/sa/b'] } }], to: [{ operation: { methods: ['GET'] } }] }];
  const spec: Record<string, unknown> = new Proxy(
    { action: 'ALLOW', rules: rulesList },
    {
      get(target, prop, receiver) {
        if (prop === 'rules') reads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    },
  );
  const value = { apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: { name: 'p', namespace: 'a' }, spec };
  const { ctx } = context(value, []);
  ctx.resource = { ...ctx.resource, kind: 'AuthorizationPolicy' };
  const apRules = DOCUMENT_RULES.filter((r) => r.kinds?.includes('security.istio.io/AuthorizationPolicy'));
  const walkers = apRules.length;
  assert.ok(walkers >= 10, `${walkers} AuthorizationPolicy rules`);
  for (const r of apRules) r.check(ctx);
  const afterAll = reads;
  for (const r of apRules) r.check(ctx);
  // A second round reads `rules` only where a rule reads it itself: the shared walk read it once, in
  // the first round (one walk per rule would read it as often in both rounds).
  const direct = reads - afterAll;
  assert.equal(afterAll - direct, 1, `spec.rules read ${afterAll} times by the first round, ${direct} by the second`);
  assert.equal(policyRules(value), policyRules(value));
  assert.equal(sources(ctx), sources(ctx));
  assert.equal(operations(ctx), operations(ctx));
  assert.equal(conditions(ctx), conditions(ctx));
  assert.notEqual(policyRules({ ...value }), policyRules(value), 'another document value has its own walk');
});

test("a file's suppression comments are read once, not once per slice of a long check", () => {
  const n = 30;
  const text = `# meshlint-disable peer-authentication-permissive\n${peerAuthentications(n)}`;
  // The same text with no directive (same length, same documents): the parse's own steps cancel out.
  const plain = text.replace('meshlint-', 'meshlint_');
  const sliced = (t: string): { steps: number; findings: number } => {
    const engine = new Engine(registry());
    let findings = 0;
    const steps = countSteps(() => {
      // One new document a run, as the server's 50 ms slices do with a slow check.
      for (let runs = 0; runs <= n; runs++) {
        const analysis = engine.analyze(t, DEFAULT_CONFIG, { shouldStop: () => true });
        // The workspace findings of the same publish are filtered on the same text.
        applyPolicy(t, [], DEFAULT_CONFIG);
        findings = analysis.findings.length;
        if (!analysis.partial) return;
      }
      assert.fail('the check did not finish');
    });
    return { steps, findings };
  };
  const withComment = sliced(text);
  const without = sliced(plain);
  assert.equal(without.findings, n);
  assert.equal(withComment.findings, 0, 'the comment hides every finding below it');
  const scanned = withComment.steps - without.steps;
  assert.ok(scanned <= text.length, `${scanned} steps reading the comments of a ${text.length}-character file`);
});

test('empty-required-value on a circular document (an alias inside its own anchor): the rule runs, no internal error', () => {
  const text = [
    'apiVersion: cert-manager.io/v1',
    'kind: Certificate',
    'metadata:',
    '  name: x',
    '  namespace: ns',
    'spec: &a',
    '  issuerRef:',
    '    name: i',
    '  commonName: {loop: *a}',
    '  secretName:',
    '',
  ].join('\n');
  const analysis = new Engine(registry()).analyze(text, DEFAULT_CONFIG);
  assert.deepEqual(analysis.internalErrors, []);
  const at = text.indexOf('secretName');
  const here = analysis.findings.filter((f) => f.start === at).map((f) => f.ruleId);
  assert.deepEqual(here, ['empty-required-value']);
});
