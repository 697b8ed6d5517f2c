// Regressions from an attack on the fix engine: block scalars (the fix glued the next key or
// document on), values reached through aliases (the alias was overwritten), dnsNames that exist
// but are not a list (a second key), and anchored lists (every alias grew). Each is checked as
// a quick fix and through `meshlint --fix`, which must leave such files intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, isBatchFix } from '../../server/src/core/fix-all';
import type { Finding } from '../../server/src/core/types';
import { analyze, only } from '../support/engine';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';

const PA_HEAD = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\nspec:\n';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

/** The text after the fix the rule offers for its only finding; undefined when none is offered. */
function fixed(text: string, ruleId: string, nth = 0): string | undefined {
  const f: Finding | undefined = only(analyze(text), ruleId)[nth];
  assert.ok(f, `${ruleId} reports`);
  const fix = f.fixes?.[0];
  return fix && applyEdits(text, fix.edits);
}

const REPROS: Record<string, { text: string; ruleId: string; after: string | undefined }> = {
  'a folded block scalar with a header comment, before the next document': {
    text: `${PA_HEAD}  mtls:\n    mode: >- # relaxed for the migration\n      PERMISSIVE\n---\n${NAMESPACE}`,
    ruleId: 'peer-authentication-permissive',
    after: `${PA_HEAD}  mtls:\n    mode: STRICT # relaxed for the migration\n---\n${NAMESPACE}`,
  },
  'a literal block scalar before the next key, CRLF': {
    text: `${PA_HEAD}  mtls:\n    mode: |-\n      PERMISSIVE\n  portLevelMtls:\n    8080:\n      mode: STRICT\n`.replace(/\n/g, '\r\n'),
    ruleId: 'peer-authentication-permissive',
    after: `${PA_HEAD}  mtls:\n    mode: STRICT\n  portLevelMtls:\n    8080:\n      mode: STRICT\n`.replace(/\n/g, '\r\n'),
  },
  'an HTTP method written as a block scalar list item': {
    text:
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: read\n  namespace: shop\nspec:\n  action: ALLOW\n' +
      '  rules:\n    - to:\n        - operation:\n            methods:\n              - |- # read only\n                get\n            paths: ["/items"]\n',
    ruleId: 'authorization-policy-http-method',
    after:
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: read\n  namespace: shop\nspec:\n  action: ALLOW\n' +
      '  rules:\n    - to:\n        - operation:\n            methods:\n              - GET # read only\n            paths: ["/items"]\n',
  },
  'renewBefore as a block scalar before the next key': {
    text:
      'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  secretName: api-tls\n  duration: 24h\n' +
      '  renewBefore: >-\n    23h\n  dnsNames:\n    - api.shop.svc.cluster.local\n  issuerRef:\n    name: ca\n    kind: ClusterIssuer\n',
    ruleId: 'certificate-renew-before-too-close',
    after:
      'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  secretName: api-tls\n  duration: 24h\n' +
      '  renewBefore: 8h\n  dnsNames:\n    - api.shop.svc.cluster.local\n  issuerRef:\n    name: ca\n    kind: ClusterIssuer\n',
  },
  'a port mode reached through an alias': {
    text: `${PA_HEAD}  selector:\n    matchLabels:\n      app: api\n  portLevelMtls:\n    8080: &plain\n      mode: PERMISSIVE\n    9090: *plain\n`,
    ruleId: 'peer-authentication-permissive',
    after: undefined,
  },
  'a DestinationRule tls reached through an alias': {
    text:
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  host: api\n' +
      '  trafficPolicy:\n    tls: &t\n      mode: DISABLE\n    portLevelSettings:\n      - port:\n          number: 80\n        tls: *t\n',
    ruleId: 'destination-rule-tls-disable',
    after: undefined,
  },
};

const cert = (dnsNames: string): string =>
  'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  secretName: web-tls\n' +
  `  commonName: web.example.com\n${dnsNames}  issuerRef:\n    name: ca\n    kind: ClusterIssuer\n`;

for (const [name, r] of Object.entries(REPROS)) {
  test(`fix: ${name}`, () => {
    const findings = only(analyze(r.text), r.ruleId);
    assert.ok(findings.length > 0, `${r.ruleId} reports`);
    assert.equal(fixed(r.text, r.ruleId), r.after);
    // Every finding of the rule: a fix is offered only where it leaves the rest of the file alone.
    for (let i = 0; i < findings.length; i++) {
      const out = fixed(r.text, r.ruleId, i);
      if (r.after === undefined) assert.equal(out, undefined, `finding ${i} offers no fix`);
    }
  });
}

test('fix: the alias shares the anchor, so neither copy is fixed', () => {
  const text = `${PA_HEAD}  mtls:\n    mode: &m PERMISSIVE\n  portLevelMtls:\n    8080:\n      mode: *m\n`;
  for (const f of only(analyze(text), 'peer-authentication-permissive')) assert.equal(f.fixes, undefined);
  // The same anchor with no alias is just a label: the fix keeps it.
  const lone = `${PA_HEAD}  mtls:\n    mode: &m PERMISSIVE\n`;
  assert.equal(fixed(lone, 'peer-authentication-permissive'), `${PA_HEAD}  mtls:\n    mode: &m STRICT\n`);
});

test('"Add to dnsNames" never writes a second dnsNames key', () => {
  assert.equal(fixed(cert('  dnsNames: ~\n'), 'certificate-common-name-not-in-dns-names'), cert('  dnsNames: [web.example.com]\n'));
  assert.equal(
    fixed(cert('  dnsNames: null # none yet\n'), 'certificate-common-name-not-in-dns-names'),
    cert('  dnsNames: [web.example.com] # none yet\n'),
  );
  assert.equal(fixed(cert('  dnsNames:\n'), 'certificate-common-name-not-in-dns-names'), undefined);
  assert.equal(fixed(cert('  dnsNames: web.example.org\n'), 'certificate-common-name-not-in-dns-names'), undefined);
  assert.equal(fixed(cert(''), 'certificate-common-name-not-in-dns-names'), cert('  dnsNames:\n    - web.example.com\n'));
});

test('nothing is inserted before the kept blank lines of a `|+` block scalar', () => {
  const text = cert('  dnsNames:\n    - |+\n      web.example.org\n\n');
  assert.equal(fixed(text, 'certificate-common-name-not-in-dns-names'), undefined);
});

test('"Add to dnsNames" leaves an anchored list that an alias repeats alone', () => {
  const text = cert('  dnsNames: &names\n    - web.example.org\n  emailAddresses: *names\n');
  assert.equal(fixed(text, 'certificate-common-name-not-in-dns-names'), undefined);
  const lone = cert('  dnsNames: &names\n    - web.example.org\n');
  assert.equal(
    fixed(lone, 'certificate-common-name-not-in-dns-names'),
    cert('  dnsNames: &names\n    - web.example.org\n    - web.example.com\n'),
  );
});

test('meshlint --fix fixes the block scalars and leaves aliases intact', async () => {
  const files = Object.fromEntries(Object.values(REPROS).map((r, i) => [`repro-${i}.yaml`, r.text]));
  const dir = writeTempWorkspace(files);
  const res = await runCli([dir, '--fix']);
  assert.equal(res.err, '');
  Object.values(REPROS).forEach((r, i) => {
    const now = fs.readFileSync(path.join(dir, `repro-${i}.yaml`), 'utf8');
    // A fix that is not safe (the HTTP method with a non-obvious correction) or a suggestion only
    // (STRICT) stays for a person.
    const safe = only(analyze(r.text), r.ruleId).some((f) => f.fixes?.some(isBatchFix));
    assert.equal(now, r.after !== undefined && safe ? r.after : r.text, `repro-${i}.yaml`);
  });
  // The findings through aliases are still reported after --fix.
  assert.match(res.out, /repro-4\.yaml.*peer-authentication-permissive/);
  assert.match(res.out, /repro-5\.yaml.*destination-rule-tls-disable/);
});
