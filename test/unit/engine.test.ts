// The engine end to end on text: exact ranges, multi-document files, bad input, caching.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, covered, lineCol, newEngine, only, offsetOf, registry } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';
import { Engine, fileNote } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/config';

const PERMISSIVE = peerAuthentication({ namespace: 'shop', mode: 'PERMISSIVE # still migrating' });

test('PERMISSIVE is flagged on the value, with a STRICT fix that keeps the comment', () => {
  const fs = only(analyze(PERMISSIVE), 'peer-authentication-permissive');
  assert.equal(fs.length, 1);
  assert.deepEqual(lineCol(PERMISSIVE, fs[0].start), { line: 8, col: 11 });
  assert.equal(covered(PERMISSIVE, fs[0]), 'PERMISSIVE');
  assert.equal(fs[0].severity, 'warning');
  const edit = fs[0].fixes?.[0].edits[0];
  assert.ok(edit);
  const fixed = PERMISSIVE.slice(0, edit.start) + edit.newText + PERMISSIVE.slice(edit.end);
  assert.ok(fixed.includes('    mode: STRICT # still migrating\n'));
  assert.deepEqual(analyze(fixed), []);
});

test('findings land in the right document of a multi-document file', () => {
  const strict = PERMISSIVE.replace('PERMISSIVE', 'STRICT');
  const text = `${strict}---\n${PERMISSIVE.replace('namespace: shop', 'namespace: pay')}`;
  const fs = only(analyze(text), 'peer-authentication-permissive');
  assert.equal(fs.length, 1);
  assert.equal(lineCol(text, fs[0].start).line, 9 + 8);
  assert.equal(fs[0].start, offsetOf(text, 'PERMISSIVE'));
});

test('DISABLE under portLevelMtls is flagged on that port only', () => {
  const text = `${peerAuthentication({ name: 'api', namespace: 'shop', app: 'api', mode: 'STRICT' })}  portLevelMtls:
    8080:
      mode: DISABLE
`;
  const fs = only(analyze(text), 'peer-authentication-disable');
  assert.equal(fs.length, 1);
  assert.deepEqual(lineCol(text, fs[0].start), { line: 14, col: 13 });
  assert.match(fs[0].message, /port 8080/);
});

test('a misspelt key is marked on the key with a did-you-mean', () => {
  const text = PERMISSIVE.replace('  mtls:', '  mtl:');
  const fs = only(analyze(text), 'schema-validation');
  assert.equal(fs.length, 1);
  assert.equal(covered(text, fs[0]), 'mtl');
  assert.match(fs[0].message, /Did you mean `mtls`\?/);
  assert.equal(fs[0].fixes?.[0].edits[0].newText, 'mtls');
});

test('a bad enum value is marked on the value and lists the allowed ones', () => {
  const text = PERMISSIVE.replace('PERMISSIVE', 'STRICTER');
  const fs = only(analyze(text), 'schema-validation');
  assert.equal(fs.length, 1);
  assert.equal(covered(text, fs[0]), 'STRICTER');
  assert.match(fs[0].message, /UNSET, DISABLE, PERMISSIVE, STRICT/);
  assert.match(fs[0].message, /Did you mean `STRICT`/);
});

test('a wrong type is marked on the value', () => {
  const text = PERMISSIVE.replace('mode: PERMISSIVE # still migrating', 'mode: 3');
  const fs = only(analyze(text), 'schema-validation');
  assert.equal(fs.length, 1);
  assert.equal(covered(text, fs[0]), '3');
  assert.match(fs[0].message, /must be a string/);
});

test('a missing required field is marked on its parent key', () => {
  const text = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web
  namespace: shop
spec:
  secretName: web-tls
  dnsNames: [web.example.com]
  issuerRef:
    kind: ClusterIssuer
`;
  const fs = only(analyze(text), 'schema-validation');
  assert.equal(fs.length, 1);
  assert.equal(covered(text, fs[0]), 'issuerRef');
  assert.match(fs[0].message, /`name`/);
});

test('an unknown version of a known group names the served versions', () => {
  const text = PERMISSIVE.replace('security.istio.io/v1', 'security.istio.io/v2');
  const fs = only(analyze(text), 'unknown-api-version');
  assert.equal(fs.length, 1);
  assert.equal(covered(text, fs[0]), 'security.istio.io/v2');
  assert.match(fs[0].message, /v1beta1/);
  assert.match(fs[0].message, /v1\b/);
});

test('broken YAML is reported at its real position and other documents are still checked', () => {
  const text = `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: a\nspec:\n  mtls: {mode: STRICT\n---\n${PERMISSIVE}`;
  const fs = analyze(text);
  const syntax = only(fs, 'yaml-syntax');
  assert.ok(syntax.length >= 1);
  assert.ok(
    lineCol(text, syntax[0].start).line >= 6 && lineCol(text, syntax[0].start).line <= 7,
    `syntax error at ${JSON.stringify(lineCol(text, syntax[0].start))}`,
  );
  assert.equal(only(fs, 'peer-authentication-permissive').length, 1);
});

test('YAML that is not Istio or cert-manager is left alone, even when broken', () => {
  const workflow = 'name: ci\non:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [\n';
  assert.deepEqual(analyze(workflow), []);
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: "many"\n  bogus: 1\n';
  assert.deepEqual(analyze(deployment), []);
});

test('tabs, aliases, binary junk and template syntax give clear findings and no crash', () => {
  const tabs = PERMISSIVE.replace('    mode: PERMISSIVE', '\tmode: PERMISSIVE');
  assert.ok(only(analyze(tabs), 'yaml-syntax').length >= 1);

  const aliases = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: shop
spec:
  mtls: &m
    mode: PERMISSIVE
  portLevelMtls:
    9000: *m
`;
  const fs = only(analyze(aliases), 'peer-authentication-permissive');
  assert.equal(fs.length, 2);
  assert.equal(covered(aliases, fs[1]), '*m', 'through an alias the finding stays on the alias');

  const junk = `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n\u0000\u0001\u0002\uFFFD: [\n`;
  assert.ok(analyze(junk).length >= 1);

  const bomb = `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: x}\nx: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
  assert.ok(analyze(bomb).some((f) => /could not be read/.test(f.message)));

  const helm = `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  mtls:\n    mode: "{{ .Values.mode }}"\n`;
  const hf = analyze(helm);
  assert.ok(
    hf.every((f) => f.severity === 'info' || f.ruleId === 'yaml-syntax'),
    JSON.stringify(hf),
  );
});

test('an edit re-checks only the document it touched', () => {
  const engine = newEngine();
  const docs = Array.from({ length: 50 }, (_, i) => PERMISSIVE.replace('name: default', `name: p${i}`));
  const text = docs.join('---\n');
  const first = engine.analyze(text, DEFAULT_CONFIG);
  assert.equal(first.documents.filter((d) => !d.reused).length, 50);
  const edited = text.replace('name: p17', 'name: p17x');
  const second = engine.analyze(edited, DEFAULT_CONFIG);
  assert.equal(second.documents.filter((d) => !d.reused).length, 1);
  // Documents after the edit moved by one character; their findings must have moved with them.
  const last = second.findings[second.findings.length - 1];
  assert.equal(covered(edited, last), 'PERMISSIVE');
  assert.equal(second.findings.length, 50);
});

test('config levels and suppression comments', () => {
  assert.equal(analyze(PERMISSIVE, { ...DEFAULT_CONFIG, rules: { 'peer-authentication-permissive': 'off' } }).length, 0);
  assert.equal(analyze(PERMISSIVE, { ...DEFAULT_CONFIG, rules: { 'peer-authentication-permissive': 'error' } })[0].severity, 'error');
  const nextLine = PERMISSIVE.replace(
    '    mode: PERMISSIVE',
    '    # meshlint-disable-next-line peer-authentication-permissive\n    mode: PERMISSIVE',
  );
  assert.deepEqual(analyze(nextLine), []);
  const otherRule = PERMISSIVE.replace('    mode: PERMISSIVE', '    # meshlint-disable-next-line some-other-rule\n    mode: PERMISSIVE');
  assert.equal(analyze(otherRule).length, 1);
  const sameLine = PERMISSIVE.replace('# still migrating', '# meshlint-disable-line');
  assert.deepEqual(analyze(sameLine), []);
  const block = `# meshlint-disable peer-authentication-permissive\n${PERMISSIVE}# meshlint-enable\n---\n${PERMISSIVE}`;
  assert.equal(analyze(block).length, 1);
});

test('files above the size limit get one info finding', () => {
  const small = new Engine(registry(), { maxFileLength: 100 });
  const res = small.analyze(PERMISSIVE.repeat(3), DEFAULT_CONFIG);
  assert.equal(res.findings.length, 1);
  assert.equal(res.findings[0].ruleId, 'file-too-large');
  assert.equal(res.findings[0].severity, 'info');
});

test('whole-file notes (file-too-large, check-partial) follow the configured level like every finding', () => {
  const small = new Engine(registry(), { maxFileLength: 100 });
  const text = PERMISSIVE.repeat(3);
  const off = { ...DEFAULT_CONFIG, rules: { 'file-too-large': 'off' as const } };
  assert.deepEqual(small.analyze(text, off).findings, []);
  const raised = { ...DEFAULT_CONFIG, rules: { 'file-too-large': 'warning' as const } };
  assert.equal(small.analyze(text, raised).findings[0]?.severity, 'warning');
  assert.deepEqual(fileNote('check-partial', 'partial', text, { ...DEFAULT_CONFIG, rules: { 'check-partial': 'off' } }), []);
  assert.equal(fileNote('check-partial', 'partial', text, DEFAULT_CONFIG)[0]?.end, text.indexOf('\n'));
});

test('an empty value is a warning on that key: the API server drops nulls instead of rejecting them', () => {
  const text = PERMISSIVE.replace('mode: PERMISSIVE # still migrating', 'mode:');
  const fs = only(analyze(text), 'schema-validation');
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, 'warning');
  assert.equal(covered(text, fs[0]), 'mode');
  assert.match(fs[0].message, /has no value/);
});

test('an empty required field gets one error, not also the empty-value warning', () => {
  const text = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web
  namespace: shop
spec:
  secretName:
  dnsNames: [web.shop.svc]
  issuerRef:
    name: ca
    kind: ClusterIssuer
`;
  const at = offsetOf(text, 'secretName');
  const here = analyze(text).filter((f) => f.start <= at && at < f.end);
  assert.equal(here.length, 1, JSON.stringify(here));
  assert.equal(here[0].severity, 'error');
});
