// Istio's TestValidateLocalities and TestValidateLocalityLbSetting
// (pkg/config/validation/agent/validation_test.go), transcribed as facts: which locality lists and
// which localityLbSettings the webhook refuses, and where it only warns (plus a weight of 0, a weight
// above 100 and an accepted distribute, read off ValidateLocalityLbSetting itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localitiesProblem, localityLbProblems } from '../../server/src/core/rules/lib/locality-lb';

test('TestValidateLocalities: one trailing wildcard, no empty part, no overlap with an earlier locality', () => {
  const refused = [
    ['*/zone/*'],
    ['*/zone'],
    ['*', 'a/b/c'],
    ['a', 'a/b/c'],
    ['a/*', 'a/b/c'],
    ['a/b', 'a/b/c'],
    ['a/b/*', 'a/b/c'],
    ['a//c'],
  ];
  for (const list of refused) assert.ok(localitiesProblem(list), list.join(', '));
  assert.equal(localitiesProblem(['a1/*', 'a2/*', 'a3/b3/c3', 'a4/b4', 'a5/b5/*']), undefined);
});

/** Errors and warnings of one setting, as "error"/"warning" counts. */
function levels(setting: Record<string, unknown>, outlier: boolean): { errors: number; warnings: number } {
  const found = localityLbProblems(setting, outlier, []);
  const warnings = found.filter((p) => p.severity === 'warning').length;
  return { errors: found.length - warnings, warnings };
}

test('TestValidateLocalityLbSetting: each case refused, warned about or accepted as upstream says', () => {
  const cases: { name: string; in: Record<string, unknown>; outlier: boolean; err: boolean; warn: boolean }[] = [
    {
      name: 'total weight over 100',
      in: { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 25 } }] },
      outlier: true,
      err: true,
      warn: false,
    },
    {
      name: 'total weight under 100',
      in: { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 15 } }] },
      outlier: true,
      err: true,
      warn: false,
    },
    {
      name: 'a weight of 0',
      in: { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 0, 'a/b1': 100 } }] },
      outlier: true,
      err: true,
      warn: false,
    },
    { name: 'a weight above 100', in: { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 101 } }] }, outlier: true, err: true, warn: false },
    {
      name: 'distribute and failover together',
      in: { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 20 } }], failover: [{ from: 'region1', to: 'region2' }] },
      outlier: true,
      err: true,
      warn: false,
    },
    { name: 'failover to the same region', in: { failover: [{ from: 'region1', to: 'region1' }] }, outlier: true, err: true, warn: false },
    { name: "failover from '*'", in: { failover: [{ from: '*', to: 'region2' }] }, outlier: true, err: true, warn: false },
    { name: "failover to '*'", in: { failover: [{ from: 'region1', to: '*' }] }, outlier: true, err: true, warn: false },
    { name: 'failover from a zone', in: { failover: [{ from: 'region1/zone1', to: 'region2' }] }, outlier: true, err: true, warn: false },
    { name: 'failover to a zone', in: { failover: [{ from: 'region1', to: 'region2/zone1' }] }, outlier: true, err: true, warn: false },
    {
      name: 'failoverPriority without outlier detection',
      in: {
        failoverPriority: [
          'topology.istio.io/network',
          'topology.kubernetes.io/region',
          'topology.kubernetes.io/zone',
          'topology.istio.io/subzone',
        ],
      },
      outlier: false,
      err: false,
      warn: true,
    },
    {
      name: 'failover without outlier detection',
      in: {
        failover: [
          { from: 'us-east', to: 'eu-west' },
          { from: 'us-west', to: 'eu-east' },
        ],
      },
      outlier: false,
      err: false,
      warn: true,
    },
    {
      name: 'failoverPriority naming a topology label while failover is set',
      in: { failover: [{ from: 'region1', to: 'region2' }], failoverPriority: ['topology.kubernetes.io/region'] },
      outlier: true,
      err: true,
      warn: false,
    },
    {
      name: 'weights adding up to 100',
      in: { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 20 } }] },
      outlier: true,
      err: false,
      warn: false,
    },
  ];
  for (const c of cases) {
    const got = levels(c.in, c.outlier);
    assert.equal(got.errors > 0, c.err, `${c.name}: errors ${got.errors}`);
    assert.equal(got.warnings > 0, c.warn, `${c.name}: warnings ${got.warnings}`);
  }
});
