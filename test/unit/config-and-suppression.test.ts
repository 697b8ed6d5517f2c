// .meshlint.yaml parsing (good entries apply, bad ones keep their default, findings sit on the
// bad key or value), exclude globs, the suppression edit (plain lines, existing directives,
// multi-line values) and moving findings through an edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { parseConfigFile } from '../../server/src/core/config-file';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { suppressionEdits } from '../../server/src/core/suppression-fix';
import { applyEdits } from '../../server/src/core/fix-all';
import { offsetMapBetween, shiftFindings } from '../../server/src/core/shift-findings';
import { splitDocuments } from '../../server/src/core/split';
import { parseYaml } from '../../server/src/core/parse';
import { analyze, covered, only } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';
import type { Finding } from '../../server/src/core/types';

const IDS = allRuleMetas().map((m) => m.id);

test('a complete config file sets every value', () => {
  const { config, exclude, findings } = parseConfigFile(
    'rootNamespace: mesh-root\ntrustDomain: prod.example.com\nmaxWorkloadCertificateDuration: 12h\nmaxCertificateDuration: 720h\nrules:\n  peer-authentication-permissive: error\n  access-logging-missing: false\nexclude: charts/**\n',
    IDS,
  );
  assert.deepEqual(findings, []);
  assert.equal(config.rootNamespace, 'mesh-root');
  assert.equal(config.trustDomain, 'prod.example.com');
  assert.equal(config.maxWorkloadCertSeconds, 12 * 3600);
  assert.equal(config.maxCertSeconds, 720 * 3600);
  assert.deepEqual(config.rules, { 'peer-authentication-permissive': 'error', 'access-logging-missing': 'off' });
  assert.deepEqual(exclude, ['charts/**']);
});

test('bad entries keep their default, each with a finding on its key or value', () => {
  const text =
    'rootNamespace: 42\nmaxCertificateDuration: -1h\nrules:\n  peer-authentication-permissve: off\n  peer-authentication-disable: [error]\nexclude: {a: b}\ncolour: blue\n';
  const { config, findings } = parseConfigFile(text, IDS);
  assert.equal(config.rootNamespace, DEFAULT_CONFIG.rootNamespace);
  assert.equal(config.maxCertSeconds, DEFAULT_CONFIG.maxCertSeconds);
  assert.deepEqual(config.rules, {});
  const at = findings.map((f) => text.slice(f.start, f.end));
  assert.deepEqual(at, ['42', '-1h', 'peer-authentication-permissve', '[error]', '{a: b}', 'colour']);
  assert.match(findings[2].message, /Did you mean `peer-authentication-permissive`\?/);
  assert.deepEqual(
    findings.map((f) => f.severity),
    ['error', 'error', 'warning', 'error', 'error', 'warning'],
  );
});

test('YAML that does not parse leaves every default and is marked where it breaks', () => {
  const text = 'rootNamespace: mesh-root\nrules: [this is: not a map\n';
  const { config, findings } = parseConfigFile(text, IDS);
  assert.equal(config.rootNamespace, DEFAULT_CONFIG.rootNamespace);
  assert.ok(findings.length > 0);
  assert.ok(findings.every((f) => f.ruleId === 'meshlint-config' && f.end <= text.length && f.start < f.end));
  assert.deepEqual(parseConfigFile('', IDS).findings, [], 'an empty file is fine');
  assert.equal(parseConfigFile('- a\n- b\n', IDS).findings.length, 1, 'a list is not a config');
});

const PERMISSIVE = peerAuthentication({ namespace: 'shop', mode: 'PERMISSIVE # until the jobs have sidecars' });

function docsOf(text: string) {
  return splitDocuments(text).map((c) => ({ start: c.start, end: c.start + c.text.length, root: parseYaml(c.text).root }));
}

test('the suppression comment goes above the line, indented like it, and silences only that rule', () => {
  const f = only(analyze(PERMISSIVE), 'peer-authentication-permissive')[0];
  const edits = suppressionEdits(PERMISSIVE, docsOf(PERMISSIVE), f.start, f.ruleId);
  const fixed = applyEdits(PERMISSIVE, edits);
  assert.equal(fixed, PERMISSIVE.replace('    mode:', '    # meshlint-disable-next-line peer-authentication-permissive\n    mode:'));
  assert.deepEqual(analyze(fixed), []);
  // A second rule on the same line joins the existing directive instead of stacking another line.
  const again = suppressionEdits(fixed, docsOf(fixed), fixed.indexOf('PERMISSIVE '), 'some-other-rule');
  assert.equal(
    applyEdits(fixed, again),
    fixed.replace('peer-authentication-permissive\n', 'peer-authentication-permissive some-other-rule\n'),
  );
  assert.deepEqual(
    suppressionEdits(fixed, docsOf(fixed), fixed.indexOf('PERMISSIVE '), 'peer-authentication-permissive'),
    [],
    'already suppressed',
  );
  const crlf = PERMISSIVE.replace(/\n/g, '\r\n');
  const crlfFixed = applyEdits(crlf, suppressionEdits(crlf, docsOf(crlf), crlf.indexOf('PERMISSIVE'), f.ruleId));
  assert.ok(crlfFixed.includes('    # meshlint-disable-next-line peer-authentication-permissive\r\n    mode:'));
});

test('inside a multi-line value, a disable/enable pair goes around the whole value', () => {
  const text = `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: jwt
  namespace: shop
spec:
  jwtRules:
    - issuer: https://login.example.com
      jwks: |
        {"keys": [
          {"kty": "RSA", "d": "private"}
        ]}
`;
  const at = text.indexOf('"d"');
  const fixed = applyEdits(text, suppressionEdits(text, docsOf(text), at, 'request-authentication-jwks-private-key'));
  assert.equal(
    fixed,
    text
      .replace('      jwks: |', '      # meshlint-disable request-authentication-jwks-private-key\n      jwks: |')
      .replace('        ]}\n', '        ]}\n      # meshlint-enable request-authentication-jwks-private-key\n'),
  );
  // The value itself is unchanged.
  assert.deepEqual(parseYaml(fixed).value, parseYaml(text).value);
});

test('findings follow an edit above them and drop when the edit touches them', () => {
  const text = PERMISSIVE;
  const f = only(analyze(text), 'peer-authentication-permissive')[0];
  const withRelated: Finding = {
    ...f,
    related: [
      { uri: 'file:///a.yaml', start: 0, end: 10, message: 'x', range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 10 } },
    ],
  };
  const after = `# note\n${text}`;
  const moved = shiftFindings([withRelated], 'file:///b.yaml', offsetMapBetween(text, after));
  assert.equal(covered(after, moved[0]), 'PERMISSIVE');
  assert.equal(moved[0].fixes?.[0].edits[0].start, moved[0].start);
  assert.deepEqual(moved[0].related, withRelated.related, 'places in other files stay');
  for (const typed of [
    text.replace('PERMISSIVE', 'PERMISSIV'),
    text.replace('PERMISSIVE', 'STRICT'),
    text.replace('PERMISSIVE #', 'PERMISSIVEX #'),
  ]) {
    assert.deepEqual(shiftFindings([f], 'file:///b.yaml', offsetMapBetween(text, typed)), [], 'an edit touching the finding drops it');
  }
});
